package org.concord.bench;

import org.concord.bench.BusBenchTopics.BenchDecision;
import org.concord.bench.BusBenchTopics.MarketEvent;
import org.concord.bus.redis.RedisBusConfig;
import org.concord.bus.redis.RedisEventBus;
import org.concord.feed.BundledData;
import org.concord.model.TradeTape;
import org.concord.testkit.redis.RedisServerProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End-to-end figures of the Redis bus between two processes on loopback: a market event published here, read by a
 * second JVM ({@link RedisEchoMain}) that publishes a decision, received back here. Latency is publish → decision
 * received (one request in flight at a time); throughput is decisions/s with everything published at once. Run with
 * Redis on {@code appendfsync always} (every acknowledged write on disk) and {@code everysec} (the usual setting).
 */
@Tag("benchmark")
class RedisBusBench {
    private static final int WARMUP = 2_000;
    private static final int LATENCY_SAMPLES = 10_000;
    private static final int BURST = 50_000;

    @TempDir
    Path tmp;

    @Test
    void publishToDecisionOverRedisOnLoopback() throws Exception {
        RedisServerProcess.assumeAvailable();
        Bench.note("redis bus: " + Bench.machine() + "; " + redisVersion());
        for (String fsync : new String[] {"always", "everysec"}) {
            try (RedisServerProcess redis = RedisServerProcess.start(tmp.resolve("redis-" + fsync), RedisServerProcess.freePort(),
                    "--appendfsync", fsync)) {
                run(redis, "appendfsync " + fsync);
            }
        }
    }

    private void run(RedisServerProcess redis, String label) throws Exception {
        String common = "&outbox=" + tmp.resolve("outbox-" + label.replace(' ', '-')) + "&block=1000";
        Process echo = startEcho(redis.uri() + "?group=decider&consumer=echo-1" + common);
        TradeTape tape = BundledData.bitstampTrades();
        long[] sentAt = new long[Math.max(WARMUP + LATENCY_SAMPLES, BURST) + 1];
        long[] latency = new long[sentAt.length];
        AtomicLong received = new AtomicLong();
        try (RedisEventBus bus = new RedisEventBus(RedisBusConfig.fromUri(redis.uri() + "?group=desk&consumer=bench-1" + common))) {
            bus.subscribe(BusBenchTopics.DECISION, (BenchDecision d) -> {
                latency[(int) d.requestId()] = System.nanoTime() - sentAt[(int) d.requestId()];
                received.incrementAndGet();
            });
            // one at a time: pure publish -> decision latency
            for (int i = 1; i <= WARMUP + LATENCY_SAMPLES; i++) {
                sentAt[i] = System.nanoTime();
                bus.publish(BusBenchTopics.MARKET, new MarketEvent(i, tape.trade(i % tape.size())));
                waitFor(received, i);
            }
            long[] samples = Arrays.copyOfRange(latency, WARMUP + 1, WARMUP + LATENCY_SAMPLES + 1);
            Bench.report("redis bus (" + label + ")", "publish->decision latency p50, 1 in flight", Bench.percentileMicros(samples, 50), "us");
            Bench.report("redis bus (" + label + ")", "publish->decision latency p99, 1 in flight", Bench.percentileMicros(samples, 99), "us");

            // burst: every event published at once, decisions/s until the last one is back
            received.set(0);
            Arrays.fill(latency, 0);
            long t0 = System.nanoTime();
            for (int i = 1; i <= BURST; i++) {
                sentAt[i] = System.nanoTime();
                bus.publish(BusBenchTopics.MARKET, new MarketEvent(i, tape.trade(i % tape.size())));
            }
            long published = System.nanoTime() - t0;
            waitFor(received, BURST);
            long total = System.nanoTime() - t0;
            long[] burst = Arrays.copyOfRange(latency, 1, BURST + 1);
            Bench.report("redis bus (" + label + ")", "publish rate (caller side), " + BURST + " events", BURST * 1e9 / published, "msg/s");
            Bench.report("redis bus (" + label + ")", "decisions/s end to end, burst of " + BURST, BURST * 1e9 / total, "msg/s");
            Bench.report("redis bus (" + label + ")", "latency p50 inside the burst", Bench.percentileMicros(burst, 50), "us");
            Bench.report("redis bus (" + label + ")", "latency p99 inside the burst", Bench.percentileMicros(burst, 99), "us");
            assertThat(bus.metrics().lost()).isZero();
            assertThat(bus.metrics().rejectedTotal()).isZero();
        } finally {
            echo.getOutputStream().close();
            if (!echo.waitFor(10, TimeUnit.SECONDS)) {
                echo.destroyForcibly();
            }
        }
    }

    private static void waitFor(AtomicLong received, long n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (received.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + received.get() + " of " + n + " decisions came back in 60 s");
            }
            Thread.onSpinWait();
            LockSupport.parkNanos(1_000);
        }
    }

    private static Process startEcho(String uri) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", cp, RedisEchoMain.class.getName(), uri);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("READY")) {
            // slf4j-simple lines before READY
        }
        assertThat(line).as("echo process did not start").startsWith("READY");
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // keep its pipe from filling up
                }
            } catch (java.io.IOException ignored) {
                // process ended
            }
        }, "echo-output");
        drain.setDaemon(true);
        drain.start();
        return p;
    }

    private static String redisVersion() {
        try {
            Process p = new ProcessBuilder(RedisServerProcess.binary().orElseThrow().toString(), "--version").start();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim().replaceAll(" sha=.*", "");
        } catch (Exception e) {
            return "redis-server (version unknown)";
        }
    }
}
