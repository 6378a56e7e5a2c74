package org.concord.modules;

import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.ReplayHarness;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full preset on the bundled replay, once explained (a node a person watches) and once not (a backtest's): the
 * same decisions, every vote included, and the reasons only where they are asked for. The module panel shows a view
 * as "BUY 0.72 · close above supertrend 41250.3", the part after the dot being the module's rationale.
 */
class RationaleTest {
    /** The modules of the full preset that give a view with a reason. */
    private static final List<String> EXPLAINING = List.of("pivots", "extrema", "microstructure", "multi-timeframe", "supertrend",
            "alphatrend", "ichimoku", "qqe-ssl-wae", "turtle", "mean-reversion", "trend", "composite", "crash-pattern");

    @TempDir
    Path a;
    @TempDir
    Path b;

    @Test
    void theFullPresetDecidesAlikeWithAndWithoutReasonsAndGivesThemOnlyWhenAsked() throws Exception {
        OrchestratorConfig full = ConfigFiles.preset("full").withSynchronous(true).withFaults(TestBudgets.RELAXED);
        List<String> explainedLog;
        Map<String, String> explained;
        try (ReplayHarness h = new ReplayHarness(a, full, null)) {
            h.replay();
            explainedLog = h.log();
            explained = lastOutputs(h);
        }
        try (ReplayHarness h = new ReplayHarness(b, full, o -> o.explain(false))) {
            h.replay();
            assertThat(h.log()).hasSizeGreaterThan(9000).isEqualTo(explainedLog);
            Map<String, String> bare = lastOutputs(h);
            for (String id : EXPLAINING) {
                assertThat(explained.get(id)).as(id + " explained").contains(" · ");
                assertThat(bare.get(id)).as(id + " unexplained").isNotBlank().doesNotContain(" · ")
                        .isEqualTo(explained.get(id).substring(0, explained.get(id).indexOf(" · ")));
            }
        }
    }

    private static Map<String, String> lastOutputs(ReplayHarness h) {
        return h.orchestrator.modules().stream().collect(Collectors.toMap(ModuleStatus::id, ModuleStatus::lastOutput));
    }
}
