package org.concord.orchestrator;

import org.concord.backtest.Backtester;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backtest's orchestrator (synchronous, budget lifted) times one guarded call in {@value Guard#TIMED_EVERY} per
 * source, and counts every call; under a shipped budget every call is timed. Seen through the status: a module whose
 * calls 0, 8, 16… of each kind together burn {@value #SLOW_MILLIS} ms and whose others return at once shows that slow
 * time as its last latency only when the fast calls after it went untimed.
 */
class GuardSamplingTest {
    private static final Symbol ETH = BundledData.ETHUSD;
    private static final long SLOW_MILLIS = 60;
    private static final int BARS = 21; // two guarded calls a bar: the last call is the 42nd (index 41), a fast one

    @Test
    void aBacktestTimesOneCallInEightAndCountsThemAll() {
        ModuleStatus s = run(Backtester.LIFTED_BUDGET);
        assertThat(s.calls()).isEqualTo(2L * BARS);
        assertThat(s.lastLatencyMicros()).as("the last timed call was the slow 41st (index 40); the fast one after it untimed")
                .isGreaterThanOrEqualTo(SLOW_MILLIS * 1000.0);
    }

    @Test
    void underAShippedBudgetEveryCallIsTimed() {
        ModuleStatus s = run(new FaultPolicy(500_000, 3, 100, 0, 30_000));
        assertThat(s.calls()).isEqualTo(2L * BARS);
        assertThat(s.lastLatencyMicros()).as("the last call, a fast one, was timed").isLessThan(SLOW_MILLIS * 1000.0);
    }

    private static ModuleStatus run(FaultPolicy faults) {
        BarSeries eth = BundledData.eth5mBars();
        OrchestratorConfig cfg = new OrchestratorConfig("custom", List.of(ETH), Timeframe.M5, true, 1024, true, true,
                new OrchestratorConfig.Fusion(0.2, 0.2, 0, false), new OrchestratorConfig.Performance(10, 5, 2), faults,
                List.of(new ModuleEntry("paced", true, 1, null)));
        try (TradingOrchestrator o = TradingOrchestrator.builder(cfg).catalog(ModuleCatalog.empty()).module("paced", Paced::new).build()) {
            o.start();
            for (int i = 0; i < BARS; i++) {
                o.onBarClose(ETH, Timeframe.M5, eth.time(i), eth.open(i), eth.high(i), eth.low(i), eth.close(i), eth.volume(i));
            }
            return o.module("paced").orElseThrow();
        }
    }

    /** Burns {@link #SLOW_MILLIS} ms of wall time on its guarded calls number 0, 8, 16, … (onBarClose and predictions together). */
    static final class Paced implements OrchestratorModule {
        private int calls;

        private void call() {
            if (calls++ % Guard.TIMED_EVERY == 0) {
                long end = System.nanoTime() + SLOW_MILLIS * 1_000_000;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
            }
        }

        @Override
        public String id() {
            return "paced";
        }

        @Override
        public void initialize(ModuleContext ctx) {
        }

        @Override
        public Set<Timeframe> timeframes() {
            return Set.of(Timeframe.M5);
        }

        @Override
        public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
            call();
        }

        @Override
        public List<String> featureNames() {
            return List.of();
        }

        @Override
        public double[] features(Symbol s) {
            return new double[0];
        }

        @Override
        public List<Prediction> predictions(Symbol s) {
            call();
            return List.of();
        }

        @Override
        public void reset() {
            calls = 0;
        }
    }
}
