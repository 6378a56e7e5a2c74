package org.concord.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * A small benchmark harness for the {@code benchmark}-tagged tests ({@code mvn -B -Pbench test}): warm-up,
 * measured runs, throughput and latency percentiles, printed as one line per figure and appended to
 * {@code target/bench-results.txt} with the machine it ran on. It asserts nothing about speed.
 */
public final class Bench {
    private Bench() {
    }

    /** One machine line: cores, max heap, JVM, OS — quoted with every figure. */
    public static String machine() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%d cores, %d MiB max heap, Java %s (%s), %s %s", rt.availableProcessors(),
                rt.maxMemory() >> 20, System.getProperty("java.version"), System.getProperty("java.vm.name"),
                System.getProperty("os.name"), System.getProperty("os.arch"));
    }

    /** Latency samples in nanoseconds → percentile in microseconds. */
    public static double percentileMicros(long[] nanos, double p) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, idx))] / 1_000.0;
    }

    /** Runs {@code body} {@code warmups} times unmeasured, then returns the best ops/s over {@code runs} runs of {@code opsPerRun} ops. */
    public static double throughput(int warmups, int runs, long opsPerRun, Runnable body) {
        for (int i = 0; i < warmups; i++) {
            body.run();
        }
        double best = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            body.run();
            long dt = System.nanoTime() - t0;
            best = Math.max(best, opsPerRun * 1e9 / dt);
        }
        return best;
    }

    /** Prints and records one figure. */
    public static void report(String benchmark, String figure, double value, String unit) {
        String line = String.format(Locale.ROOT, "BENCH | %-28s | %-44s | %,16.2f %-8s |", benchmark, figure, value, unit);
        System.out.println(line);
        append(line);
    }

    /** Prints and records a free-form line (ratios, notes on how the input was built). */
    public static void note(String text) {
        String line = "BENCH | " + text;
        System.out.println(line);
        append(line);
    }

    private static synchronized void append(String line) {
        Path out = Path.of("target", "bench-results.txt");
        try {
            Files.createDirectories(out.getParent());
            boolean fresh = !Files.exists(out);
            String text = (fresh ? "# machine: " + machine() + System.lineSeparator() : "") + line + System.lineSeparator();
            Files.writeString(out, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
