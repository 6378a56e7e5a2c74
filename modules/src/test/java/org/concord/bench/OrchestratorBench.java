package org.concord.bench;

import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.TradeTape;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Orchestrator figures (run with {@code mvn -B -Pbench -pl modules -am test -Dtest=OrchestratorBench
 * -Dsurefire.failIfNoSpecifiedTests=false}): decision latency per bar close (minimal, full), decisions per second at
 * max replay speed (full), start-up time and retained heap (minimal vs full, each in fresh JVMs). Input: the bundled
 * 100,000 Bitstamp trades (9,398 one-minute decisions per pass), replayed at max speed in synchronous mode.
 */
@Tag("benchmark")
class OrchestratorBench {
    private static final String NAME = "orchestrator";
    @TempDir
    Path dir;

    private static long[] latencies(OrchestratorConfig cfg, Path d, TradeTape tape) throws Exception {
        return DecisionFigures.latencies(cfg, d, tape);
    }

    private static double play(ConcordRuntime engine, TradeTape tape) throws InterruptedException {
        return DecisionFigures.play(engine, tape);
    }

    @Test
    void decisionLatencyPerBarClose() throws Exception {
        Bench.note("machine: " + Bench.machine());
        TradeTape tape = BundledData.bitstampTrades();
        for (String preset : List.of("minimal", "full")) {
            OrchestratorConfig cfg = relaxed(ConfigFiles.preset(preset).withSynchronous(true));
            latencies(cfg, dir.resolve(preset + "-warm"), tape); // JIT warm-up pass, not measured
            List<long[]> runs = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                runs.add(latencies(cfg, dir.resolve(preset + "-" + r), tape));
            }
            long[] all = runs.stream().flatMapToLong(Arrays::stream).toArray();
            Bench.report(NAME, "decision latency p50, " + preset + " (" + all.length + ")", Bench.percentileMicros(all, 50), "µs");
            Bench.report(NAME, "decision latency p99, " + preset, Bench.percentileMicros(all, 99), "µs");
            Bench.report(NAME, "decision latency p99.9, " + preset, Bench.percentileMicros(all, 99.9), "µs");
            // what the tail is made of: one more pass with the thread's CPU clock read around each decision
            DecisionFigures.Clocked c = DecisionFigures.clocked(cfg, dir.resolve(preset + "-clocked"), tape);
            Bench.report(NAME, "decisions over 1 ms, " + preset + ", CPU-clocked pass (" + c.wall().length + ")", c.over(1_000_000), "decisions");
            Bench.report(NAME, "  of which the thread was off the CPU for over half the time", c.offCpu(1_000_000), "decisions");
            Bench.report(NAME, "decision thread CPU time p99 / p99.9, " + preset + " (own work)", Bench.percentileMicros(c.cpu(), 99), "µs");
            Bench.report(NAME, "  p99.9", Bench.percentileMicros(c.cpu(), 99.9), "µs");
            // the same decisions in one engine that stays up, as a desk does, once the JIT has settled
            DecisionFigures.SteadyState st = DecisionFigures.steady(cfg, dir.resolve(preset + "-steady"), tape, 80, 5, ReplayFeed.MAX_SPEED);
            Bench.note(String.format(Locale.ROOT, "steady state, %s: one engine, tape looped; %d warm-up windows, JIT %d ms during the "
                    + "%d measured decisions", preset, st.warmWindows(), st.jitMillisMeasured(), st.wall().length));
            Bench.report(NAME, "steady-state decision latency p50, " + preset, Bench.percentileMicros(st.wall(), 50), "µs");
            Bench.report(NAME, "steady-state decision latency p99, " + preset, Bench.percentileMicros(st.wall(), 99), "µs");
            Bench.report(NAME, "steady-state decision latency p99.9, " + preset, Bench.percentileMicros(st.wall(), 99.9), "µs");
            // the same once more below saturation: the store writer and the trainer keep up, as on a desk
            DecisionFigures.SteadyState paced = DecisionFigures.steady(cfg, dir.resolve(preset + "-paced"), tape, 80, 5, DecisionFigures.PACED_SPEED);
            Bench.note(String.format(Locale.ROOT, "paced, %s: %,.0f decisions/s measured; %d warm-up windows at max speed, JIT %d ms during the "
                    + "%d measured decisions", preset, paced.decisionsPerSecond(), paced.warmWindows(), paced.jitMillisMeasured(), paced.wall().length));
            Bench.report(NAME, "paced decision latency p50, " + preset, Bench.percentileMicros(paced.wall(), 50), "µs");
            Bench.report(NAME, "paced decision latency p99, " + preset, Bench.percentileMicros(paced.wall(), 99), "µs");
            Bench.report(NAME, "paced decision latency p99.9, " + preset, Bench.percentileMicros(paced.wall(), 99.9), "µs");
            // what the paced tail is made of: a paced pass with the thread's CPU clock read around each decision
            DecisionFigures.SteadyState pc = DecisionFigures.steady(cfg, dir.resolve(preset + "-paced-clocked"), tape, 80, 5,
                    DecisionFigures.PACED_SPEED, true);
            Bench.report(NAME, "paced, CPU-clocked pass: decision thread CPU time p99, " + preset + " (own work)", Bench.percentileMicros(pc.cpu(), 99), "µs");
            Bench.report(NAME, "  p99.9", Bench.percentileMicros(pc.cpu(), 99.9), "µs");
            Bench.report(NAME, "  of its slowest 1 % by wall time, on the CPU for at least half of it", pc.onCpuShareOfSlowest(99), "%");
        }
    }

    @Test
    void decisionsPerSecondAtMaxReplaySpeed() throws Exception {
        TradeTape tape = BundledData.bitstampTrades().repeated(3);
        OrchestratorConfig full = relaxed(ConfigFiles.preset("full").withSynchronous(true));
        double bestFeedOnly = 0;
        for (int r = 0; r < 3; r++) {
            try (ConcordRuntime engine = new ConcordRuntime(dir.resolve("noorch-" + r))) {
                double s = play(engine, tape);
                bestFeedOnly = Math.max(bestFeedOnly, tape.size() / s);
            }
        }
        Bench.note(String.format(Locale.ROOT, "input: bundled Bitstamp tape x3 (%,d trades), synchronous, max speed", tape.size()));
        Bench.report(NAME, "trades/s replay without orchestrator", bestFeedOnly, "trades/s");
        throughput(tape, full, "full (" + full.modules().stream().filter(m -> m.enabled()).count() + " modules, neural-fusion training)");
        throughput(tape, full.withModuleEnabled("neural-fusion", false), "full without neural-fusion");
    }

    private static OrchestratorConfig relaxed(OrchestratorConfig c) {
        return DecisionFigures.relaxed(c);
    }

    private void throughput(TradeTape tape, OrchestratorConfig cfg, String label) throws Exception {
        double best = 0;
        long decisions = 0;
        for (int r = 0; r < 4; r++) {
            DecisionFigures.Throughput t = DecisionFigures.throughput(cfg, dir.resolve(label.hashCode() + "-" + r), tape);
            decisions = t.decisions();
            if (r > 0) {
                best = Math.max(best, t.decisionsPerSecond());
            }
            if (t.modulesRunning() != t.modulesEnabled()) {
                Bench.note("WARNING: only " + t.modulesRunning() + " modules running at the end of a " + label + " pass");
            }
        }
        Bench.report(NAME, "decisions/s end to end, " + label, best, "dec/s");
        Bench.note(String.format(Locale.ROOT, "%s: %,d decisions per pass, best of 3 after a warm-up pass", label, decisions));
    }

    @Test
    void startupTimeAndRetainedHeap() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String preset : List.of("minimal", "full")) {
            List<long[]> rows = new ArrayList<>();
            for (int r = 0; r < 5; r++) {
                Process p = new ProcessBuilder(java, "-Xmx512m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", cp,
                        StartupProbe.class.getName(), preset).redirectErrorStream(true).start();
                String line = null;
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = in.readLine()) != null; ) {
                        if (l.startsWith("STARTUP ")) {
                            line = l;
                        }
                    }
                }
                if (p.waitFor() != 0 || line == null) {
                    throw new IllegalStateException("startup probe failed for " + preset);
                }
                String[] f = line.split(" ");
                rows.add(new long[] {Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]),
                        Long.parseLong(f[6])});
            }
            rows.sort((a, b) -> Long.compare(a[0], b[0]));
            long[] med = rows.get(rows.size() / 2);
            long[] retained = rows.stream().mapToLong(x -> x[1]).sorted().toArray();
            Bench.report(NAME, "start-up (build+start), " + preset, med[0] / 1000.0, "ms");
            Bench.report(NAME, "preset YAML parse (before start), " + preset, med[4] / 1000.0, "ms");
            Bench.report(NAME, "retained heap after start, " + preset, retained[retained.length / 2] / 1024.0, "KiB");
            Bench.report(NAME, "heap used after start (JVM), " + preset, med[2] / 1024.0, "KiB");
            Bench.note(preset + ": " + med[3] + " modules enabled; median of 5 fresh JVMs");
        }
    }
}
