package org.concord.engine;

import org.concord.backtest.BacktestConfig;
import org.concord.backtest.BacktestData;
import org.concord.backtest.Backtester;
import org.concord.backtest.MarketHistory;
import org.concord.bus.InProcessEventBus;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Modules are asked for a rationale where a person can read it (a live node: the desk, {@code serve}) and not in a
 * backtest, where nothing reads it and formatting it was a tenth of the full preset's time.
 */
class NodeExplainTest {
    private static final Symbol BTC = BundledData.BTCUSD;

    @TempDir
    Path dir;

    /** Records whether each instance it is was asked to explain. */
    private static final class Probe implements OrchestratorModule {
        private final List<Boolean> asked;

        Probe(List<Boolean> asked) {
            this.asked = asked;
        }

        @Override
        public String id() {
            return "probe";
        }

        @Override
        public void initialize(ModuleContext ctx) {
            asked.add(ctx.explain());
        }

        @Override
        public List<String> featureNames() {
            return List.of();
        }

        @Override
        public double[] features(Symbol symbol) {
            return new double[0];
        }

        @Override
        public List<Prediction> predictions(Symbol symbol) {
            return List.of();
        }

        @Override
        public void reset() {
        }
    }

    @Test
    void aLiveNodeAsksItsModulesToExplainAndABacktestsNodeDoesNot() throws Exception {
        assertThat(askedOnANode(true)).containsExactly(true);
        assertThat(askedOnANode(false)).containsExactly(false);
    }

    @Test
    void aBacktestRunsItsModulesUnexplained() {
        List<Boolean> asked = new CopyOnWriteArrayList<>();
        BacktestConfig cfg = BacktestConfig.defaults().withDescription("explain").withPreset("minimal").withData("bundled-bars")
                .withModules(List.of("probe"), List.of());
        var history = MarketHistory.bars(BacktestData.bars(BundledData.bitstampTrades(), Timeframe.M1).copyRange(0, 2_000), "explain");
        Backtester.builder(cfg).history(history).workDir(dir).module("probe", () -> new Probe(asked)).build().run();
        assertThat(asked).isNotEmpty().containsOnly(false);
    }

    private List<Boolean> askedOnANode(boolean live) throws Exception {
        List<Boolean> asked = new CopyOnWriteArrayList<>();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve(live + ".db"))) {
            DataProvider data = new DataProvider(new BarStore(db));
            OrchestratorConfig cfg = ConfigFiles.preset("minimal").withSymbols(List.of(BTC))
                    .withModules(List.of(new ModuleEntry("probe", true, 1, null)));
            TradingNode.Builder b = TradingNode.builder(data, TradingPipelineConfig.defaults(Timeframe.M1, BTC, 5))
                    .module("probe", () -> new Probe(asked));
            if (live) {
                b.live(new InProcessEventBus(), null);
            }
            TradingNode node = b.start(cfg);
            node.close();
        }
        return asked;
    }
}
