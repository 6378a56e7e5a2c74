package org.concord.orchestrator;

import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleState;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model swapped to a new version gets the warm-up a newly enabled source gets: its first calls after the swap are
 * slow (weights loaded, buffers filled, code compiled) and must not strike it out. A version that stays slow past
 * the warm-up still does. Real ETH 5-minute bars; the model burns CPU to be slow (the guard excuses only the time the
 * thread was stopped).
 */
class ModelSwapWarmUpTest {
    private static final Symbol ETH = BundledData.ETHUSD;
    private static final int WARMUP_CALLS = 5;

    /** A model whose version a test sets, slow for its next {@code slowCalls} predictions. */
    static final class Swappable implements Model {
        volatile String version = "v1";
        volatile int slowCalls;

        @Override
        public String id() {
            return "cnn";
        }

        @Override
        public String version() {
            return version;
        }

        @Override
        public Prediction predict(Symbol symbol, long time, StateVector state) {
            if (slowCalls > 0) {
                slowCalls--;
                // 6 ms of this thread's CPU against a 2 ms budget: on a busy machine a wall-clock spin is partly
                // preempted, and the guard rightly excuses the time the thread was stopped
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                long until = threads.getCurrentThreadCpuTime() + 6_000_000;
                while (threads.getCurrentThreadCpuTime() < until) {
                    Thread.onSpinWait();
                }
            }
            return new Prediction("cnn", symbol, time, Action.HOLD, 0.5, Timeframe.M5, 1, version);
        }
    }

    private static void feed(TradingOrchestrator o, BarSeries s, int from, int to) {
        for (int i = from; i < to; i++) {
            o.onBarClose(ETH, Timeframe.M5, s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
        }
    }

    private static TradingOrchestrator orchestrator() {
        OrchestratorConfig cfg = new OrchestratorConfig("custom", List.of(ETH), Timeframe.M5, true, 1024, false, false,
                OrchestratorConfig.Fusion.DEFAULT, new OrchestratorConfig.Performance(10, 5, 2),
                new FaultPolicy(2_000, 3, 100, WARMUP_CALLS, 10_000), List.of());
        return TradingOrchestrator.builder(cfg).catalog(ModuleCatalog.empty()).build();
    }

    private static ModuleState state(TradingOrchestrator o) {
        return o.module("cnn").orElseThrow().state();
    }

    @Test
    void aNewVersionsFirstSlowCallsAreItsWarmUp() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        Swappable m = new Swappable();
        try (TradingOrchestrator o = orchestrator()) {
            o.start();
            o.registerModel(m, 1.0).get(5, TimeUnit.SECONDS);
            feed(o, eth, 0, 30); // v1 warmed up and fast
            m.version = "v2";
            m.slowCalls = WARMUP_CALLS - 1;
            feed(o, eth, 30, 60);
            assertThat(state(o)).as("the swap's slow first calls were its warm-up").isEqualTo(ModuleState.RUNNING);
            m.slowCalls = 10; // slow past the warm-up: struck out as any source is (3 strikes; a GC may excuse a few)
            feed(o, eth, 60, 80);
            assertThat(state(o)).as(String.valueOf(o.module("cnn").orElseThrow())).isEqualTo(ModuleState.ERROR);
            assertThat(o.module("cnn").orElseThrow().reason()).contains("predict over budget");
        }
    }

    /**
     * A person brings a model that struck out back from the module panel (its switch), and can take one out of the
     * decisions: nothing else could restart a model short of restarting the desk (helper 25).
     */
    @Test
    void aModelInErrorIsSwitchedBackOnAndOneSwitchedOffIsNotAsked() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        Swappable m = new Swappable();
        try (TradingOrchestrator o = orchestrator()) {
            o.start();
            o.registerModel(m, 1.0).get(5, TimeUnit.SECONDS);
            feed(o, eth, 0, 30);
            m.slowCalls = 10;
            feed(o, eth, 30, 50);
            assertThat(state(o)).isEqualTo(ModuleState.ERROR);
            assertThat(o.enable("cnn").get(5, TimeUnit.SECONDS).state()).isEqualTo(ModuleState.RUNNING);
            feed(o, eth, 50, 60);
            assertThat(state(o)).isEqualTo(ModuleState.RUNNING);
            assertThat(o.module("cnn").orElseThrow().strikes()).as("strikes counted over its life").isGreaterThanOrEqualTo(3);
            assertThat(o.disable("cnn").get(5, TimeUnit.SECONDS).state()).isEqualTo(ModuleState.DISABLED);
            long calls = o.module("cnn").orElseThrow().calls();
            feed(o, eth, 60, 70);
            assertThat(o.module("cnn").orElseThrow().calls()).as("not asked while off").isEqualTo(calls);
            assertThat(o.enable("cnn").get(5, TimeUnit.SECONDS).state()).isEqualTo(ModuleState.RUNNING);
            feed(o, eth, 70, 75);
            assertThat(o.module("cnn").orElseThrow().calls()).isEqualTo(calls + 5);
        }
    }
}
