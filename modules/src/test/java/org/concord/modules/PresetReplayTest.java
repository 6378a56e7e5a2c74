package org.concord.modules;

import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.ReplayHarness;
import org.concord.orchestrator.StateVector;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleState;
import org.concord.feed.BundledData;
import org.concord.modules.neuralfusion.NeuralFusionModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The presets, loaded from YAML with the modules found by ServiceLoader, on a real replay of the bundled trades. */
class PresetReplayTest {
    @TempDir
    Path a;
    @TempDir
    Path b;

    @Test
    void fullPresetRunsEveryModuleAndReplaysDeterministically() throws Exception {
        // the full preset as shipped, with a loose time budget: an overrun is the one wall-clock-dependent rule, and a
        // loaded shared machine must not put a module aside in one run and not the other (the test checks none was)
        OrchestratorConfig shipped = ConfigFiles.preset("full").withSynchronous(true);
        OrchestratorConfig full = shipped.withFaults(TestBudgets.RELAXED);
        List<String> first;
        AtomicInteger closes = new AtomicInteger();
        try (ReplayHarness h = new ReplayHarness(a, full, null)) {
            h.engine.data().subscribeBarCloses((s, tf, t, o, hi, lo, c, v) -> {
                if (tf == Timeframe.M1) {
                    closes.incrementAndGet();
                }
            });
            h.replay();
            first = h.log();
            assertThat(first).hasSize(closes.get()).hasSizeGreaterThan(9000);
            List<ModuleStatus> mods = h.orchestrator.modules();
            assertThat(mods).extracting(ModuleStatus::id)
                    .containsExactly("pivots", "extrema", "microstructure", "correlation", "neural-fusion", "training",
                            "market-analysis", "multi-timeframe", "supertrend", "alphatrend", "ichimoku", "qqe-ssl-wae", "turtle",
                            "mean-reversion", "trend", "composite", "macro-gate", "crash-pattern");
            assertThat(mods).allSatisfy(m -> assertThat(m.state()).as(m.id() + " " + m.reason()).isEqualTo(ModuleState.RUNNING));
            StateVector st = h.orchestrator.lastState(BundledData.BTCUSD);
            assertThat(st.names()).contains("pivots.l1.trend", "extrema.last", "microstructure.vpin",
                    "correlation.BTCUSD-ETHUSD.corr", "neural-fusion.trained", "training.idle");
            assertThat(st.get("microstructure.vpin.ready")).isEqualTo(1.0);
            assertThat(st.get("training.idle")).isEqualTo(1.0);
            List<Decision> ds = h.decisions;
            Decision last = ds.get(ds.size() - 1);
            assertThat(last.contribution("pivots")).isNotNull();
            assertThat(last.contribution("extrema")).isNotNull();
            assertThat(last.contribution("microstructure")).isNotNull();
            // the rule decides and says so until a learned fusion is validated; one takes over only when it beat both the
            // rule and the majority class on its validation samples (on the bundled data it may never)
            assertThat(ds.get(10).fusion()).isEqualTo(NeuralFusionModule.UNTRAINED);
            if (ds.stream().anyMatch(d -> d.fusion().startsWith("neural-fusion v"))) {
                assertThat(st.get("neural-fusion.valAccuracy")).isGreaterThan(st.get("neural-fusion.majorityAccuracy"))
                        .isGreaterThanOrEqualTo(st.get("neural-fusion.ruleAccuracy"));
            }
            assertThat(ds.stream().map(Decision::action).distinct()).hasSizeGreaterThan(1);
            assertThat(h.orchestrator.performance()).containsKeys("pivots", "extrema", "microstructure", "decision");
        }
        try (ReplayHarness h = new ReplayHarness(b, full, null)) {
            h.replay();
            assertThat(h.orchestrator.modules()).allSatisfy(m -> assertThat(m.state()).isEqualTo(ModuleState.RUNNING));
            assertThat(h.log()).isEqualTo(first);
        }
    }

    @Test
    void minimalPresetDecidesHoldWithoutModules() throws Exception {
        try (ReplayHarness h = new ReplayHarness(a, ConfigFiles.preset("minimal").withSynchronous(true), null)) {
            h.replay();
            assertThat(h.decisions).hasSizeGreaterThan(9000);
            assertThat(h.decisions).allSatisfy(d -> {
                assertThat(d.action()).isEqualTo(org.concord.model.Action.HOLD);
                assertThat(d.contributions()).isEmpty();
            });
            // the catalog still lists the shipped modules, not loaded
            assertThat(h.orchestrator.modules()).extracting(ModuleStatus::state).containsOnly(ModuleState.NOT_LOADED);
            assertThat(h.orchestrator.modules()).hasSize(18);
        }
    }
}
