package org.concord.bench;

import org.concord.bus.redis.RedisEventBus;
import org.concord.data.MarketTopics;
import org.concord.data.MarketTopics.BarEvent;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.testkit.RealBars;
import org.concord.testkit.redis.RedisServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "Event bus with a Redis adapter", figures: decisions/s and end-to-end latency (bar close published here →
 * the decision of a real orchestrator in a second process received here) p50/p99 over Redis on loopback. Input:
 * the real bar closes of every timeframe built from the bundled Bitstamp trades, in close-time order.
 */
@Tag("benchmark")
class RemoteDecisionBench {
    @TempDir
    Path tmp;

    @Test
    void barCloseToDecisionAcrossProcesses() throws Exception {
        RedisServerProcess.assumeAvailable();
        List<BarEvent> events = closesInTimeOrder();
        long decisionBars = events.stream().filter(e -> e.timeframe() == Timeframe.M1).count();
        Bench.note("remote decisions: " + Bench.machine() + "; Redis appendfsync everysec; " + events.size()
                + " real bar closes (every timeframe, as `concord serve` publishes), " + decisionBars + " of them 1m decision bars; orchestrator preset full in a 2nd JVM");
        try (RedisServerProcess redis = RedisServerProcess.start(tmp.resolve("redis"), RedisServerProcess.freePort(), "--appendfsync", "everysec")) {
            String opts = "&outbox=none&block=1000";
            Process orch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx1g", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), RemoteOrchestratorMain.class.getName(),
                    redis.uri() + "?group=orchestrator&consumer=orch-1" + opts).redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(orch.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("READY")) {
                // skip start-up logging
            }
            assertThat(line).as("second process started").isNotNull();
            Thread drain = new Thread(() -> {
                try {
                    while (out.readLine() != null) {
                        // keep the pipe empty
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            });
            drain.setDaemon(true);
            drain.start();
            Map<Long, Long> receivedAt = new ConcurrentHashMap<>();
            AtomicLong received = new AtomicLong();
            try (RedisEventBus bus = RedisEventBus.open(redis.uri() + "?group=desk&consumer=bench-1" + opts)) {
                bus.subscribe(OrchestratorTopics.DECISIONS, d -> {
                    receivedAt.put(d.time(), System.nanoTime());
                    received.incrementAndGet();
                });
                // latency: one bar at a time, wait for its decision
                int samples = 0;
                List<Long> lat = new ArrayList<>();
                int warm = events.size() / 5;
                int pacedEnd = events.size() * 3 / 5;
                for (int i = 0; i < pacedEnd; i++) {
                    BarEvent e = events.get(i);
                    long t0 = System.nanoTime();
                    bus.publish(MarketTopics.BAR_CLOSES, e);
                    if (e.timeframe() == Timeframe.M1) {
                        long closeTime = e.timeframe().closeTime(e.openTime());
                        long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
                        while (!receivedAt.containsKey(closeTime) && System.nanoTime() < deadline) {
                            Thread.onSpinWait();
                        }
                        Long r = receivedAt.get(closeTime);
                        assertThat(r).as("decision for bar closing at %d", closeTime).isNotNull();
                        if (i >= warm) {
                            lat.add(r - t0);
                            samples++;
                        }
                    }
                }
                long[] nanos = lat.stream().mapToLong(Long::longValue).toArray();
                Bench.report("Redis bus + orchestrator", "bar close -> decision p50 (" + samples + " samples)", Bench.percentileMicros(nanos, 50), "us");
                Bench.report("Redis bus + orchestrator", "bar close -> decision p99", Bench.percentileMicros(nanos, 99), "us");
                // throughput: the rest published as a burst
                long before = received.get();
                long expected = events.subList(pacedEnd, events.size()).stream().filter(e -> e.timeframe() == Timeframe.M1).count();
                long t0 = System.nanoTime();
                for (BarEvent e : events.subList(pacedEnd, events.size())) {
                    bus.publish(MarketTopics.BAR_CLOSES, e);
                }
                long deadline = t0 + TimeUnit.SECONDS.toNanos(120);
                while (received.get() - before < expected && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                assertThat(received.get() - before).isEqualTo(expected);
                Bench.report("Redis bus + orchestrator", "decisions/s across processes (burst of " + expected + ")", expected / secs, "dec/s");
            } finally {
                orch.getOutputStream().close();
                orch.waitFor(20, TimeUnit.SECONDS);
                orch.destroyForcibly();
            }
        }
    }

    private static List<BarEvent> closesInTimeOrder() {
        List<BarEvent> all = new ArrayList<>();
        for (Timeframe tf : Timeframe.values()) { // what `concord serve` publishes (MarketBusBridge: every timeframe)
            BarSeries s = RealBars.bitstamp(tf);
            for (int i = 0; i < s.size(); i++) {
                all.add(new BarEvent(s.symbol(), tf, s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i), true));
            }
        }
        all.sort(Comparator.comparingLong((BarEvent e) -> e.timeframe().closeTime(e.openTime())).thenComparing(e -> e.timeframe().ordinal()));
        return all;
    }
}
