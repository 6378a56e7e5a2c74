package org.concord.modules;

import org.concord.backtest.MarketHistory;
import org.concord.data.DataProvider;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleState;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.RealBars;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a symbol's session restarts (a seek back on the desk), nothing of the timeline the data left reaches a
 * decision: changing that timeline's bars after the restart point changes none of the decisions (their votes and the
 * state they were made on) on the bars that come again. Before, every module kept what it had built from those bars
 * (averages, swing structures) and the performance scores kept their outcomes: after a seek back on the desk "swing
 * high" and "swing low" stood at one price, and the decisions knew how the replayed bars end.
 */
class SessionRestartTest {
    private static final int POINT = 2_500;
    private static final int LEFT_AT = 4_000;

    @TempDir
    Path dir;

    /** full: the modules' own state; research: also the performance-weighted fusion (adaptive weights). */
    @ParameterizedTest
    @ValueSource(strings = {"full", "research"})
    void theTimelineTheDataLeftReachesNoDecisionAfterTheRestart(String preset) throws Exception {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        BarSeries first = m1.copyRange(0, LEFT_AT);
        BarSeries again = m1.copyRange(POINT, 3_200);
        List<String> plain = decisionsAfterRestart(preset, dir.resolve("plain"), first, again);
        List<String> changed = decisionsAfterRestart(preset, dir.resolve("changed"), otherFutureAfter(first, POINT), again);
        assertThat(plain).hasSize(again.size());
        assertThat(plain.stream().map(d -> d.substring(d.indexOf(' ') + 1, d.indexOf(' ', d.indexOf(' ') + 1))).distinct())
                .as("the decisions after the restart take more than one action").hasSizeGreaterThan(1);
        for (int i = 0; i < plain.size(); i++) {
            assertThat(changed.get(i)).as("decision %d after the restart", i).isEqualTo(plain.get(i));
        }
    }

    /** The same bars up to {@code from}, then bars 15 % higher with twice the volume: another future. */
    private static BarSeries otherFutureAfter(BarSeries s, int from) {
        BarSeries out = new BarSeries(s.symbol(), s.timeframe(), s.size());
        for (int i = 0; i < s.size(); i++) {
            double k = i < from ? 1 : 1.15;
            out.append(s.time(i), s.open(i) * k, s.high(i) * k, s.low(i) * k, s.close(i) * k, s.volume(i) * (i < from ? 1 : 2));
        }
        return out;
    }

    /**
     * The preset (without the two modules that train, whose models keep what they learned by design) on {@code first},
     * then the session restarted at {@code again}'s first bar and {@code again} replayed: each decision on those bars
     * with its votes and the state vector it was made on.
     */
    private static List<String> decisionsAfterRestart(String preset, Path dir, BarSeries first, BarSeries again) throws Exception {
        OrchestratorConfig cfg = ConfigFiles.preset(preset).withSynchronous(true).withFaults(TestBudgets.RELAXED)
                .withModuleEnabled("neural-fusion", false).withModuleEnabled("training", false);
        Symbol symbol = first.symbol();
        List<String> out = new ArrayList<>();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
             DataProvider data = DataProvider.transientSession(new BarStore(db));
             TradingOrchestrator orch = TradingOrchestrator.on(data, cfg, null, null).start()) {
            MarketHistory.bars(first, "the timeline left").replay(data);
            assertThat(orch.modules()).filteredOn(ModuleStatus::enabled).hasSizeGreaterThan(10)
                    .allSatisfy(m -> assertThat(m.state()).as(m.id()).isEqualTo(ModuleState.RUNNING));
            data.resetSession(symbol, again.time(0)); // what the replay's seek back does
            orch.onDecision(d -> out.add(describe(d, orch)));
            MarketHistory.bars(again, "the bars again").replay(data);
            assertThat(orch.modules()).filteredOn(ModuleStatus::enabled).extracting(ModuleStatus::state).containsOnly(ModuleState.RUNNING);
        }
        return out;
    }

    private static String describe(Decision d, TradingOrchestrator orch) {
        return d.time() + " " + d.action() + " " + d.score() + " " + d.confidence() + " " + d.fusion() + " " + d.contributions()
                + " " + Arrays.toString(orch.lastState(d.symbol()).toArray());
    }
}
