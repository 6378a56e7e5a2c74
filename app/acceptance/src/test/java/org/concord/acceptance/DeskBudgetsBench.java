package org.concord.acceptance;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The desk's budgets, measured on the packaged jar under Xvfb as a person runs it (a benchmark: it prints figures and
 * asserts nothing about speed; `mvn -Pbench`): window to first candles on a warm start (the data dir already holds a
 * session), resident memory over ten minutes at 600× replay, and CPU with the replay paused.
 */
@Tag("benchmark")
class DeskBudgetsBench {
    static final Path WORK = Path.of("target", "acceptance-bench");
    static final long RUN_SECONDS = Long.getLong("concord.bench.seconds", 600);

    @Test
    void firstCandlesMemoryAndIdleCpu() throws Exception {
        assumeTrue(Tools.missing().isEmpty(), "needs " + Tools.NEEDED);
        Path jar = Path.of(System.getProperty("concord.jar", "../target/concord.jar"));
        Path data = WORK.resolve("data");
        DeskSessionAcceptanceTest.deleteTree(data);
        try (VirtualDisplay screen = VirtualDisplay.start(1600, 1000)) {
            try (Desk cold = Desk.start(screen, jar, data, WORK, "cold")) {
                double[] first = firstCandles(cold);
                report("desk, start to window, cold start (fresh data dir)", first[0], "s");
                report("desk, window to first candles, cold start (fresh data dir)", first[1] - first[0], "s");
                cold.quit();
            }
            try (Desk desk = Desk.start(screen, jar, data, WORK, "warm")) {
                double[] first = firstCandles(desk);
                report("desk, start to window, warm start (data dir with a session)", first[0], "s");
                report("desk, window to first candles, warm start (data dir with a session)", first[1] - first[0], "s");
                long maxRss = 0;
                long t0 = System.nanoTime();
                while ((System.nanoTime() - t0) / 1e9 < RUN_SECONDS) {
                    Thread.sleep(15_000);
                    maxRss = Math.max(maxRss, rssKb(desk.deskPid()));
                }
                report(String.format(Locale.ROOT, "desk RSS after %d s at 600x replay", RUN_SECONDS), rssKb(desk.deskPid()) / 1024.0, "MB");
                report("launcher JVM RSS (waits for the desk's JVM)", desk.deskPid() == desk.pid() ? 0 : rssKb(desk.pid()) / 1024.0, "MB");
                report(String.format(Locale.ROOT, "desk RSS max over %d s at 600x replay", RUN_SECONDS), maxRss / 1024.0, "MB");
                desk.click(desk.scene().byId("play-pause").orElseThrow());
                Thread.sleep(5_000); // queued work drains
                long cpu0 = cpuTicks(desk.deskPid()) + cpuTicks(desk.pid());
                long w0 = System.nanoTime();
                Thread.sleep(30_000);
                double cpuSeconds = (cpuTicks(desk.deskPid()) + cpuTicks(desk.pid()) - cpu0) / 100.0; // USER_HZ, both JVMs
                double wall = (System.nanoTime() - w0) / 1e9;
                report("desk CPU with the replay paused (share of one core, 30 s)", 100 * cpuSeconds / wall, "%");
                desk.quit();
            }
        }
    }

    /** Seconds from the process start to the main window, and to the first candles drawn in it. */
    private static double[] firstCandles(Desk desk) throws Exception {
        desk.await("the main window", 120, x -> x.main().isPresent());
        double window = desk.secondsSinceStart();
        SceneView live = desk.await("the live chart", 120, x -> x.byId("live-chart").isPresent());
        SceneView.Rect plot = Script.plotOf(live, live.byId("live-chart").orElseThrow().rect()).orElseThrow();
        desk.awaitPixels("candles", 120, img -> Judge.candleColumns(img, plot) >= Script.LIVE_CHART_MIN_COLUMNS);
        return new double[] {window, desk.secondsSinceStart()};
    }

    private static long rssKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** utime + stime of the process, in clock ticks. */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    private static void report(String what, double value, String unit) throws IOException {
        String line = String.format(Locale.ROOT, "BENCH | %s | %.1f %s", what, value, unit);
        System.out.println(line);
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "bench-results.txt"), List.of(line), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
