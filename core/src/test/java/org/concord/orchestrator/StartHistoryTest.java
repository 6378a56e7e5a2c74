package org.concord.orchestrator;

import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleState;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.training.RealBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restarted desk's strategies are warm at once: the orchestrator reads its symbols' newest stored bars at start
 * and replays them into each module (its declared warm-up), instead of waiting for that many new bars — at 1× live,
 * over an hour and a half for a hundred 1m bars.
 */
class StartHistoryTest {
    private static final Symbol S = BundledData.BTCUSD;
    private static final int WARMUP = 100;

    @TempDir
    Path dir;

    /** An earlier run: the bundled tape, stored in the data dir. */
    private TradeTape storeTheTape() throws InterruptedException {
        TradeTape tape = BundledData.bitstampTrades();
        try (ConcordRuntime first = new ConcordRuntime(dir)) {
            ReplayFeed feed = new ReplayFeed(tape, first.data(), ReplayFeed.MAX_SPEED, false);
            feed.start();
            assertThat(feed.awaitFinished(120, TimeUnit.SECONDS)).isTrue();
        }
        return tape;
    }

    /** One recorder module on 1m decisions, asynchronous. */
    private static OrchestratorConfig config() {
        return new OrchestratorConfig("custom", List.of(S), Timeframe.M1, false, 1024, false, false,
                OrchestratorConfig.Fusion.DEFAULT, new OrchestratorConfig.Performance(10, 5, 2),
                new FaultPolicy(1_000_000, 3, 10, 0, 10_000), List.of(new ModuleEntry("rec", true, 1, null)));
    }

    @Test
    void aModuleStartedOnAStoredSessionIsWarmedUpWithItsNewestClosedBarsBeforeAnyNewBar() throws Exception {
        storeTheTape();
        AtomicReference<Recorder> module = new AtomicReference<>();
        OrchestratorConfig cfg = config();
        try (ConcordRuntime restarted = new ConcordRuntime(dir);
             TradingOrchestrator o = TradingOrchestrator.builder(cfg).data(restarted.data()).catalog(ModuleCatalog.empty())
                     .module("rec", () -> {
                         module.set(new Recorder());
                         return module.get();
                     }).build()) {
            o.start();
            assertThat(o.module("rec").orElseThrow().state()).isEqualTo(ModuleState.RUNNING);
            // the tape's 1m bars as the replay closed them (its last bar never closes): the newest WARMUP, in order
            BarSeries m1 = RealBars.bitstamp().get(Timeframe.M1);
            List<Long> expected = new ArrayList<>();
            for (int i = m1.size() - 1 - WARMUP; i < m1.size() - 1; i++) {
                expected.add(m1.time(i));
            }
            assertThat(module.get().seen).containsExactlyElementsOf(expected);
        }
    }

    /**
     * A desk restarted on a stored session seeds its history with the stored data's newest bars, and then its replay
     * starts over at the tape's first trade. The bars it replays are older than the seeded ones: history must follow
     * the feed back in time (it dropped them all, and a frame model found "no closed 5m bars" at every decision). A
     * module enabled after six hours of the replay is warmed with those six hours, not with the stored data's end.
     */
    @Test
    void aReplayThatStartsOverBeforeTheSeededBarsIsWhatHistoryHolds() throws Exception {
        TradeTape tape = storeTheTape();
        AtomicReference<Recorder> module = new AtomicReference<>();
        OrchestratorConfig cfg = config();
        long sixHours = tape.firstTime() + 6 * 3_600_000L;
        try (ConcordRuntime restarted = new ConcordRuntime(dir);
             TradingOrchestrator o = TradingOrchestrator.builder(cfg).data(restarted.data()).catalog(ModuleCatalog.empty())
                     .module("rec", () -> {
                         module.set(new Recorder());
                         return module.get();
                     }).build()) {
            o.start();
            assertThat(module.get().seen.get(0)).as("seeded from the stored data's end").isGreaterThan(sixHours);
            ReplayFeed again = new ReplayFeed(tape.between(tape.firstTime(), sixHours), restarted.data(), ReplayFeed.MAX_SPEED, false);
            again.start(); // not resumable: the session restarts at the tape's first trade
            assertThat(again.awaitFinished(120, TimeUnit.SECONDS)).isTrue();
            assertThat(o.awaitIdle(60, TimeUnit.SECONDS)).isTrue();
            o.disable("rec").get(30, TimeUnit.SECONDS);
            o.enable("rec").get(30, TimeUnit.SECONDS);
            assertThat(o.awaitIdle(60, TimeUnit.SECONDS)).isTrue();
            List<Long> warm = module.get().seen;
            assertThat(warm).hasSize(WARMUP).isSorted();
            assertThat(warm.get(WARMUP - 1)).as("the replay's newest bars").isLessThan(sixHours).isGreaterThan(sixHours - 3_600_000L);
        }
    }

    /** Records the 1m bar closes it is given. */
    static final class Recorder implements OrchestratorModule {
        final List<Long> seen = new ArrayList<>();

        @Override
        public String id() {
            return "rec";
        }

        @Override
        public void initialize(ModuleContext ctx) {
        }

        @Override
        public Set<Timeframe> timeframes() {
            return Set.of(Timeframe.M1);
        }

        @Override
        public int warmupBars() {
            return WARMUP;
        }

        @Override
        public void onBarClose(Symbol s, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
            seen.add(openTime);
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
            return List.of();
        }

        @Override
        public void reset() {
            seen.clear();
        }

        @Override
        public void close() {
        }
    }
}
