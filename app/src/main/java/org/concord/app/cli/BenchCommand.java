package org.concord.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.concord.bench.Bench;
import org.concord.bench.DataFigures;
import org.concord.bench.DecisionFigures;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.TradeTape;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code concord bench}: the main-scope figures (no ta4j needed) measured with the same code as the benchmark
 * tests ({@link DataFigures}, {@link DecisionFigures}): aggregation trades/s, 2,500-bar query latency from memory
 * and SQLite, replay throughput, decision latency and decisions/s for the minimal and full presets. Prints a
 * table (or writes JSON/CSV with {@code --out}); works in a temporary directory it deletes.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure the main figures on this machine (aggregation, queries, replay, decisions) and print a table.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "fewer repetitions and smaller inputs (about 4x faster, noisier)")
    boolean quick;

    @Option(names = "--only", split = ",", description = "comma-separated subset: aggregation, query, replay, decisions (default: all)")
    List<String> only;

    @Option(names = "--presets", split = ",", defaultValue = "minimal,full", description = "presets for the decision figures")
    List<String> presets;

    @Option(names = "--out", description = "also write the figures to this file (.json or .csv)")
    Path out;

    /** One measured figure. */
    public record Figure(String group, String name, double value, String unit) {
    }

    @Override
    public Integer call() throws Exception {
        List<String> groups = only == null || only.isEmpty() ? List.of("aggregation", "query", "replay", "decisions") : only;
        for (String g : groups) {
            if (!List.of("aggregation", "query", "replay", "decisions").contains(g)) {
                throw new IllegalArgumentException("unknown figure group '" + g + "' (aggregation, query, replay, decisions)");
            }
        }
        for (String p : presets) {
            if (!ConfigFiles.PRESETS.contains(p)) {
                throw new IllegalArgumentException("unknown preset '" + p + "' (" + String.join(", ", ConfigFiles.PRESETS) + ")");
            }
        }
        PrintStream err = System.err;
        Path dir = Files.createTempDirectory("concord-bench");
        List<Figure> figures = new ArrayList<>();
        err.println("machine: " + Bench.machine());
        try {
            TradeTape tape = BundledData.bitstampTrades();
            if (groups.contains("aggregation")) {
                err.println("bench: aggregation …");
                TradeTape big = tape.repeated(quick ? 10 : 50);
                figures.add(new Figure("aggregation", "trades/s into 7 timeframes (" + big.size() + " trades)",
                        DataFigures.aggregationTradesPerSecond(big, quick ? 1 : 2, quick ? 2 : 3), "trades/s"));
            }
            if (groups.contains("query")) {
                err.println("bench: 2500-bar queries …");
                DataFigures.QueryLatency q = DataFigures.queryLatency(dir, quick ? 300 : 1_000, 42);
                figures.add(new Figure("query", "2500 bars from memory p50", q.memoryP50(), "µs"));
                figures.add(new Figure("query", "2500 bars from memory p99", q.memoryP99(), "µs"));
                figures.add(new Figure("query", "2500 bars from SQLite p50", q.sqliteP50(), "µs"));
                figures.add(new Figure("query", "2500 bars from SQLite p99", q.sqliteP99(), "µs"));
            }
            if (groups.contains("replay")) {
                err.println("bench: replay …");
                DataFigures.ReplayThroughput r = DataFigures.replayThroughput(dir, tape.repeated(quick ? 2 : 5), quick ? 2 : 3);
                figures.add(new Figure("replay", "trades/s at max speed (" + r.trades() + " trades)", r.playedPerSecond(), "trades/s"));
                figures.add(new Figure("replay", "trades/s until durable in SQLite", r.durablePerSecond(), "trades/s"));
            }
            if (groups.contains("decisions")) {
                for (String preset : presets) {
                    err.println("bench: decisions, " + preset + " preset …");
                    OrchestratorConfig cfg = DecisionFigures.relaxed(ConfigFiles.preset(preset).withSynchronous(true));
                    DecisionFigures.latencies(cfg, dir.resolve(preset + "-warm"), tape); // JIT warm-up, not measured
                    long[] lat = DecisionFigures.latencies(cfg, dir.resolve(preset + "-lat"), tape);
                    figures.add(new Figure("decisions", "latency p50, " + preset + " (" + lat.length + " decisions)",
                            Bench.percentileMicros(lat, 50), "µs"));
                    figures.add(new Figure("decisions", "latency p99, " + preset, Bench.percentileMicros(lat, 99), "µs"));
                    // the same in one engine left running (the tape looped) once the JIT has settled, as a desk runs
                    long[] steady = DecisionFigures.steady(cfg, dir.resolve(preset + "-steady"), tape, quick ? 10 : 80, quick ? 1 : 5, ReplayFeed.MAX_SPEED).wall();
                    figures.add(new Figure("decisions", "steady-state latency p99, " + preset, Bench.percentileMicros(steady, 99), "µs"));
                    figures.add(new Figure("decisions", "steady-state latency p99.9, " + preset, Bench.percentileMicros(steady, 99.9), "µs"));
                    // and at a pace below saturation, where the writer and trainer threads keep up as on a desk
                    DecisionFigures.SteadyState pacedRun = DecisionFigures.steady(cfg, dir.resolve(preset + "-paced"), tape, quick ? 10 : 80,
                            quick ? 1 : 5, DecisionFigures.PACED_SPEED);
                    long[] paced = pacedRun.wall();
                    figures.add(new Figure("decisions", "paced decisions/s, " + preset, pacedRun.decisionsPerSecond(), "dec/s"));
                    figures.add(new Figure("decisions", "paced latency p99, " + preset, Bench.percentileMicros(paced, 99), "µs"));
                    figures.add(new Figure("decisions", "paced latency p99.9, " + preset, Bench.percentileMicros(paced, 99.9), "µs"));
                    double best = 0;
                    for (int r = 0; r < (quick ? 1 : 2); r++) {
                        best = Math.max(best, DecisionFigures.throughput(cfg, dir.resolve(preset + "-tp" + r), tape).decisionsPerSecond());
                    }
                    figures.add(new Figure("decisions", "decisions/s end to end, " + preset, best, "dec/s"));
                }
            }
        } finally {
            deleteTree(dir);
        }
        printTable(System.out, figures);
        if (out != null) {
            write(out, figures);
            System.out.println("wrote " + out);
        }
        return 0;
    }

    static void printTable(PrintStream out, List<Figure> figures) {
        int w = Math.max(20, figures.stream().mapToInt(f -> f.group().length() + f.name().length() + 3).max().orElse(20));
        out.printf(Locale.ROOT, "%-" + w + "s | %16s | %s%n", "figure", "value", "unit");
        out.println("-".repeat(w) + "-+-" + "-".repeat(16) + "-+-------");
        for (Figure f : figures) {
            out.printf(Locale.ROOT, "%-" + w + "s | %,16.2f | %s%n", f.group() + " · " + f.name(), f.value(), f.unit());
        }
        out.println("machine: " + Bench.machine());
    }

    static void write(Path file, List<Figure> figures) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (name.endsWith(".json")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("schema", 1);
            doc.put("machine", Bench.machine());
            doc.put("figures", figures);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(file.toFile(), doc);
        } else if (name.endsWith(".csv")) {
            StringBuilder sb = new StringBuilder("group,figure,value,unit\n");
            for (Figure f : figures) {
                sb.append(f.group()).append(",\"").append(f.name().replace("\"", "'")).append("\",").append(f.value()).append(',')
                        .append(f.unit()).append('\n');
            }
            Files.writeString(file, sb.toString());
        } else {
            throw new IllegalArgumentException("output must end in .csv or .json: " + file);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static List<String> all() {
        return Arrays.asList("aggregation", "query", "replay", "decisions");
    }
}
