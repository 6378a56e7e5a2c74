package org.concord.modules;

import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.ToggleResult;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Toggles modules from another thread while a replay runs on the asynchronous decision thread: no decision is lost
 * or doubled, and each toggled module's contribution appears/disappears exactly from the decision after the one the
 * toggle reports; the final toggles are persisted to the YAML file.
 */
class LiveToggleTest {
    @TempDir
    Path dir;

    @Test
    void togglingOnARunningReplay() throws Exception {
        Path file = dir.resolve("concord.yaml");
        // extrema starts disabled and not loaded: its first enable is a lazy load
        OrchestratorConfig cfg = ConfigFiles.preset("full").withModuleEnabled("extrema", false).withSynchronous(false)
                .withFaults(TestBudgets.RELAXED); // timing faults are FaultIsolationTest's subject, not this test's
        ConfigFiles.save(file, cfg);
        cfg = ConfigFiles.load(file);
        List<Decision> decisions = new CopyOnWriteArrayList<>();
        AtomicInteger closes = new AtomicInteger();
        Map<String, List<ToggleResult>> toggles = new HashMap<>();
        toggles.put("pivots", new ArrayList<>());
        toggles.put("extrema", new ArrayList<>());
        try (ConcordRuntime engine = new ConcordRuntime(dir.resolve("data"));
             TradingOrchestrator orch = TradingOrchestrator.builder(cfg).data(engine.data()).configFile(file).build()) {
            engine.data().subscribeBarCloses((s, tf, t, o, h, l, c, v) -> {
                if (tf == Timeframe.M1) {
                    closes.incrementAndGet();
                }
            });
            orch.onDecision(decisions::add);
            orch.start();
            assertThat(orch.module("extrema").orElseThrow().state()).isEqualTo(ModuleState.NOT_LOADED);
            ReplayFeed feed = new ReplayFeed(BundledData.bitstampTrades(), engine.data(), 100_000, false);
            feed.start();
            boolean[] on = {true, false};
            String[] ids = {"pivots", "extrema"};
            int k = 0;
            while (!feed.awaitFinished(3, TimeUnit.MILLISECONDS)) {
                int i = k++ % 2;
                on[i] = !on[i];
                ToggleResult r = (on[i] ? orch.enable(ids[i]) : orch.disable(ids[i])).get(30, TimeUnit.SECONDS);
                assertThat(r.state()).isEqualTo(on[i] ? ModuleState.RUNNING : ModuleState.DISABLED);
                toggles.get(ids[i]).add(r);
            }
            assertThat(orch.awaitIdle(30, TimeUnit.SECONDS)).isTrue();

            assertThat(k).as("toggles during the replay").isGreaterThanOrEqualTo(6);
            assertThat(decisions).hasSize(closes.get());
            for (int i = 0; i < decisions.size(); i++) {
                assertThat(decisions.get(i).seq()).isEqualTo(i + 1);
            }
            checkTimeline(decisions, "pivots", true, toggles.get("pivots"));
            checkTimeline(decisions, "extrema", false, toggles.get("extrema"));
            // persisted: the file says what the last toggles said
            OrchestratorConfig saved = ConfigFiles.load(file);
            assertThat(saved.module("pivots").orElseThrow().enabled()).isEqualTo(on[0]);
            assertThat(saved.module("extrema").orElseThrow().enabled()).isEqualTo(on[1]);
        }
    }

    /** A module's contribution is in decision s exactly when the last toggle applied before s switched it on. */
    private static void checkTimeline(List<Decision> ds, String id, boolean initiallyOn, List<ToggleResult> toggles) {
        assertThat(toggles).isNotEmpty();
        int t = 0;
        boolean on = initiallyOn;
        for (Decision d : ds) {
            while (t < toggles.size() && toggles.get(t).appliedAfterSeq() < d.seq()) {
                on = toggles.get(t++).state() == ModuleState.RUNNING;
            }
            assertThat(d.contribution(id) != null).as("%s in decision %d", id, d.seq()).isEqualTo(on);
        }
    }
}
