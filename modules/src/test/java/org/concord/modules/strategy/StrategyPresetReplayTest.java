package org.concord.modules.strategy;

import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.Timeframe;
import org.concord.modules.TestBudgets;
import org.concord.modules.strategy.crashpattern.PatternLibrary;
import org.concord.orchestrator.Contribution;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.ReplayHarness;
import org.concord.orchestrator.StateVector;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleState;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code research} preset (every module, this area's twelve included, composite on) over the real replay of the
 * bundled Bitstamp trades: no module goes to ERROR, a decision per 1m close, the strategies vote both ways.
 */
class StrategyPresetReplayTest {
    private static final List<String> DIRECTIONAL = List.of("supertrend", "alphatrend", "ichimoku", "qqe-ssl-wae", "turtle",
            "mean-reversion", "trend", "multi-timeframe", "composite");
    @TempDir
    Path dir;

    @Test
    void researchPresetRunsEveryStrategyOnTheRealReplay() throws Exception {
        // a pattern window "saved from an annotation": the first real six hours of 15m bars (the presets run the
        // detector on 15-minute bars); the library exists, so it is not seeded with the bundled crashes
        PatternLibrary.inDataDir(dir).saveWindow("first hours", RealBars.bitstamp(Timeframe.M15).copyRange(0, 24));
        // neural fusion's training (every 256 outcomes in research) is PresetReplayTest's subject and most of the time
        OrchestratorConfig research = ConfigFiles.preset("research").withFaults(TestBudgets.RELAXED)
                .withModuleEnabled("neural-fusion", false);
        AtomicInteger closes = new AtomicInteger();
        try (ReplayHarness h = new ReplayHarness(dir, research, null)) {
            h.engine.data().subscribeBarCloses((s, tf, t, o, hi, lo, c, v) -> {
                if (tf == Timeframe.M1) {
                    closes.incrementAndGet();
                }
            });
            h.replay();
            List<Decision> ds = h.decisions;
            assertThat(ds).hasSize(closes.get()).hasSizeGreaterThan(9000);
            List<ModuleStatus> mods = h.orchestrator.modules();
            assertThat(mods).extracting(ModuleStatus::id).containsAll(StrategyModulesLoadTest.IDS);
            assertThat(mods).allSatisfy(m -> assertThat(m.state()).as(m.id() + " " + m.reason())
                    .isEqualTo(m.id().equals("neural-fusion") ? ModuleState.NOT_LOADED : ModuleState.RUNNING));
            StateVector st = h.orchestrator.lastState(BundledData.BTCUSD);
            assertThat(st.names()).contains("market-analysis.regime", "multi-timeframe.alignment", "trend.slope", "composite.agreement",
                    "macro-gate.allow", "crash-pattern.score");
            assertThat(st.get("market-analysis.ready")).isEqualTo(1.0);
            assertThat(st.get("crash-pattern.patterns")).isEqualTo(1.0);
            assertThat(st.get("macro-gate.allow")).isEqualTo(1.0);
            for (String id : DIRECTIONAL) {
                Set<Action> votes = EnumSet.noneOf(Action.class);
                ds.stream().map(d -> d.contribution(id)).filter(Objects::nonNull).map(Contribution::action).forEach(votes::add);
                // HOLD votes with confidence 0 are below research's minConfidence: only BUY/SELL show as votes
                assertThat(votes).as(id + " votes over the replay").contains(Action.BUY, Action.SELL);
            }
            assertThat(ds.stream().map(d -> d.contribution("crash-pattern")).filter(Objects::nonNull).map(Contribution::confidence)
                    .anyMatch(c -> c > 0.5)).as("the saved window matches somewhere").isTrue();
            assertThat(h.orchestrator.performance()).containsKeys("supertrend", "trend", "composite");
        }
    }
}
