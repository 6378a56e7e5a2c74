package org.concord.orchestrator;

import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.testkit.RealBars;
import org.concord.threads.Daemons;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-off from feed threads to the decision thread (the Disruptor ring of {@link DecisionLoop}) on the bundled
 * Bitstamp 1m bars: a full ring makes the feed wait and loses nothing, the decisions come in bar order; handing a bar over
 * allocates nothing on the feed thread.
 */
class DecisionRingTest {
    private static final Symbol BTC = BundledData.BTCUSD;
    private final BarSeries bars = RealBars.bitstamp(Timeframe.M1);

    private static TradingOrchestrator async(int capacity) {
        OrchestratorConfig cfg = new OrchestratorConfig("custom", List.of(BTC), Timeframe.M1, false, capacity, true, true,
                new OrchestratorConfig.Fusion(0.2, 0.2, 0, false), new OrchestratorConfig.Performance(10, 5, 2),
                new FaultPolicy(1_000_000, 3, 10, 0, 10_000), List.of());
        return TradingOrchestrator.builder(cfg).catalog(ModuleCatalog.empty()).build();
    }

    private void feed(TradingOrchestrator o, int from, int to) {
        for (int i = from; i < to; i++) {
            o.onBarClose(BTC, Timeframe.M1, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(5);
        }
    }

    @Test
    void aFullRingMakesTheFeedWaitAndEveryBarIsDecidedInOrder() throws Exception {
        int n = 400;
        try (TradingOrchestrator o = async(16)) {
            CountDownLatch hold = new CountDownLatch(1);
            List<Long> decided = new CopyOnWriteArrayList<>();
            o.onDecision(d -> {
                decided.add(d.time());
                try {
                    hold.await(); // the decision thread is slow: the ring fills up behind it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            o.start();
            Thread feeder = Daemons.start(() -> feed(o, 0, n), "test-feed");
            // the first decision held in its listener, the ring full behind it, the feed waiting for room
            await("the ring full and the feed waiting", () -> decided.size() == 1 && o.queued() == 16
                    && feeder.getState() == Thread.State.TIMED_WAITING);
            hold.countDown();
            feeder.join(60_000);
            assertThat(feeder.isAlive()).isFalse();
            assertThat(o.awaitIdle(60, TimeUnit.SECONDS)).isTrue();
            List<Long> expected = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                expected.add(Timeframe.M1.closeTime(bars.time(i)));
            }
            assertThat(decided).as("every bar decided once, in order").isEqualTo(expected);
            assertThat(o.queued()).isZero();
        }
    }

    @Test
    void handingABarOverAllocatesNothingOnTheFeedThread() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (TradingOrchestrator o = async(16_384)) {
            o.start();
            int warm = 2_000;
            feed(o, 0, warm); // the hand-off's code compiled, the ring's slots touched
            assertThat(o.awaitIdle(60, TimeUnit.SECONDS)).isTrue();
            long before = threads.getCurrentThreadAllocatedBytes();
            feed(o, warm, bars.size());
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(bars.size() - warm).isGreaterThan(5_000);
            assertThat(allocated).as("bytes allocated on the feed thread for %d bars", bars.size() - warm).isLessThan(1_024);
            assertThat(o.awaitIdle(60, TimeUnit.SECONDS)).isTrue();
            assertThat(o.decisions()).isEqualTo(bars.size());
        }
    }
}
