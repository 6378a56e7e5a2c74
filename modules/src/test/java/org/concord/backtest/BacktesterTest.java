package org.concord.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.coordination.ResultsJson;
import org.concord.feed.BundledData;
import org.concord.metrics.EquityCurve;
import org.concord.metrics.RoundTrip;
import org.concord.model.TradeTape;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The backtester on the bundled real Bitstamp trades with the full preset's modules (found with ServiceLoader):
 * the whole replay goes through DataProvider → orchestrator → TradingPipeline (coordination → risk → PaperBroker).
 * Neural fusion is off here (its background trainings make a run several times longer; it is covered by
 * PresetReplayTest), so the runs stay short enough to run four of them.
 */
class BacktesterTest {
    static final BacktestConfig CONFIG = BacktestConfig.defaults().withDescription("bundled, full preset")
            .withModules(List.of(), List.of("neural-fusion")).withHorizons(List.of(5, 240), false);
    static BacktestReport report;
    static String json;

    @BeforeAll
    static void runOnce() {
        report = Backtester.builder(CONFIG).build().run();
        json = ResultsJson.toJson(report);
        System.out.println("BACKTEST " + report.result().actions() + " " + report.result().coordination().metrics()
                + " riskEvents=" + report.result().coordination().riskEvents().size() + " conflicts=" + report.result().coordination().conflicts().size());
    }

    @Test
    void runsTheBundledDataAndWritesTheReport(@TempDir Path dir) throws Exception {
        BacktestReport.Run run = report.result();
        assertThat(run.events()).isEqualTo(BundledData.bitstampTrades().size());
        // every 1m bar of the replay reached the pipeline, and every one of them was decided on
        assertThat(run.bars()).isGreaterThan(9_000);
        assertThat(run.decisions()).isEqualTo(run.bars());
        assertThat(run.decisionsTraded()).isEqualTo(run.decisions());
        assertThat(run.actions().get("BUY") + run.actions().get("SELL")).as("the modules take views").isGreaterThan(100);
        EquityCurve.Data eq = run.coordination().equity();
        assertThat(eq.time()).hasSize((int) run.bars());
        assertThat(run.coordination().trades()).as("the pipeline trades").isNotEmpty();
        assertThat(run.coordination().allocations()).as("allocation history").isNotEmpty();
        assertThat(run.coordination().metrics().tradeCount()).isEqualTo(run.coordination().trades().size());
        assertThat(report.modules()).filteredOn(m -> m.kind().equals("module") && !m.id().equals("neural-fusion"))
                .allSatisfy(m -> assertThat(m.state()).as(m.id() + " " + m.reason()).isIn("RUNNING", "NOT_LOADED"));
        assertThat(report.modules()).anySatisfy(m -> assertThat(m.id()).isEqualTo("supertrend"));

        List<Path> files = BacktestFiles.write(dir, "run", report);
        JsonNode tree = new ObjectMapper().readTree(files.get(0).toFile());
        assertThat(tree.at("/config/preset").asText()).isEqualTo("full");
        assertThat(tree.at("/config/disable/0").asText()).isEqualTo("neural-fusion");
        assertThat(tree.at("/orchestrator/threading").asText()).isEqualTo("synchronous");
        assertThat(tree.at("/pipeline/horizons").size()).isEqualTo(2);
        for (String field : List.of("totalReturn", "annualizedReturn", "sharpe", "sortino", "maxDrawdown", "profitFactor", "winRate",
                "averageExposure", "timeInMarket", "tradeCount")) {
            assertThat(tree.at("/result/coordination/metrics/" + field).isMissingNode()).as(field).isFalse();
        }
        assertThat(tree.at("/result/coordination/equity/equity").size()).isEqualTo(eq.equity().length);
        assertThat(tree.at("/result/coordination/allocations").size()).isPositive();
        assertThat(tree.at("/result/coordination/riskEvents").isArray()).isTrue();
        assertThat(tree.at("/result/coordination/conflicts").isArray()).isTrue();
        assertThat(Files.readAllLines(files.get(1))).hasSize(eq.time().length + 1);
        assertThat(Files.readAllLines(files.get(2))).hasSize(run.coordination().trades().size() + 1);
    }

    @Test
    void sameDataAndConfigGiveTheSameReport() {
        String again = ResultsJson.toJson(Backtester.builder(CONFIG).build().run());
        assertThat(again).isEqualTo(json);
    }

    @Test
    void changingTheFutureDoesNotChangeThePast() {
        TradeTape tape = BundledData.bitstampTrades();
        int cut = tape.size() / 2;
        long t = tape.time(cut);
        long[] time = new long[tape.size()];
        double[] price = new double[tape.size()];
        double[] size = new double[tape.size()];
        boolean[] maker = new boolean[tape.size()];
        for (int i = 0; i < tape.size(); i++) {
            time[i] = tape.time(i);
            boolean future = i >= cut;
            // after t: prices 7% lower with a wobble, sizes tripled, sides flipped
            price[i] = future ? tape.price(i) * (0.93 + 0.01 * Math.sin(i)) : tape.price(i);
            size[i] = future ? tape.size(i) * 3 : tape.size(i);
            maker[i] = future != tape.buyerMaker(i);
        }
        TradeTape changed = new TradeTape(tape.symbol(), time, price, size, maker);
        BacktestReport other = Backtester.builder(CONFIG).history(MarketHistory.trades(changed, "perturbed after t")).build().run();
        EquityCurve.Data a = report.result().coordination().equity();
        EquityCurve.Data b = other.result().coordination().equity();
        int before = 0;
        for (int i = 0; i < a.time().length && a.time()[i] < t; i++) {
            assertThat(b.time()[i]).isEqualTo(a.time()[i]);
            assertThat(b.equity()[i]).as("equity at %d", a.time()[i]).isEqualTo(a.equity()[i]);
            before++;
        }
        assertThat(before).as("a real past to compare").isGreaterThan(4_000);
        List<RoundTrip> ta = report.result().coordination().trades().stream().filter(x -> x.exitTime() < t).toList();
        List<RoundTrip> tb = other.result().coordination().trades().stream().filter(x -> x.exitTime() < t).toList();
        assertThat(tb).isEqualTo(ta);
        assertThat(ta).isNotEmpty();
        // and the future did change: the test can fail
        assertThat(b.equity()[b.equity().length - 1]).isNotEqualTo(a.equity()[a.equity().length - 1]);
    }

    @Test
    void walkForwardRunsEachWindowFreshAndTradesOnlyItsTestPart() {
        BacktestConfig wf = CONFIG.withWalkForward(new BacktestConfig.WalkForward("2d", "1d", "1d"));
        Backtester bt = Backtester.builder(wf).build();
        List<long[]> windows = bt.windows();
        assertThat(windows).hasSizeGreaterThanOrEqualTo(3);
        BacktestReport r = bt.run();
        assertThat(r.result()).isNull();
        assertThat(r.windows()).hasSize(windows.size());
        for (BacktestReport.Window w : r.windows()) {
            assertThat(w.testFrom() - w.trainFrom()).isEqualTo(2 * 86_400_000L);
            assertThat(w.testTo() - w.testFrom()).isEqualTo(86_400_000L);
            BacktestReport.Run run = w.run();
            long[] times = run.coordination().equity().time();
            assertThat(times).isNotEmpty();
            assertThat(times[0]).as("window %d trades from its test start", w.index()).isGreaterThanOrEqualTo(w.testFrom());
            assertThat(times[times.length - 1]).isLessThanOrEqualTo(w.testTo());
            assertThat(run.decisions()).as("the orchestrator saw the training part").isGreaterThan(run.decisionsTraded());
            assertThat(run.decisionsTraded()).isBetween(1_000L, 1_440L);
            assertThat(run.coordination().equity().equity()[0]).isEqualTo(10_000.0);
        }
        assertThat(r.windows().get(1).trainFrom() - r.windows().get(0).trainFrom()).isEqualTo(86_400_000L);
    }

    @Test
    void badConfigsAreRefusedNamingTheProblem() {
        assertThatThrownBy(() -> Backtester.builder(CONFIG.withHorizons(List.of(5, 6), false)).build()).hasMessageContaining("SCALPING");
        assertThatThrownBy(() -> CONFIG.withRange("2013-11-30T00:00:00Z", "2013-11-26T00:00:00Z")).hasMessageContaining("not before");
        assertThatThrownBy(() -> CONFIG.withData("nowhere")).hasMessageContaining("data must be one of");
        assertThatThrownBy(() -> Backtester.builder(CONFIG.withRange("2020-01-01T00:00:00Z", null)).build().run())
                .hasMessage("no data from 2020-01-01T00:00:00Z to the end: the data runs from 2013-11-25T00:00:00Z to 2013-12-01T16:02:05Z");
        assertThatThrownBy(() -> Backtester.builder(CONFIG.withWalkForward(new BacktestConfig.WalkForward("6d", "2d", null))).build().windows())
                .hasMessageContaining("does not fit");
        // the account, as typed on the Backtest tab
        assertThatThrownBy(() -> CONFIG.withCash(0)).hasMessageContaining("initialCash must be a positive amount");
        assertThatThrownBy(() -> CONFIG.withCash(Double.NaN)).hasMessageContaining("initialCash");
        assertThatThrownBy(() -> CONFIG.withCosts(10, -1, 2)).hasMessageContaining("takerBps must be between 0 and 1000 bps");
        assertThatThrownBy(() -> CONFIG.withCosts(10, 10, 5000)).hasMessageContaining("slippageBps");
        assertThatThrownBy(() -> CONFIG.withCosts(-1001, 10, 2)).hasMessageContaining("makerBps must be between -1000 and 1000 bps");
        assertThat(CONFIG.withCosts(-2, 10, 0).withCash(25_000).initialCash()).as("a maker rebate, no slippage").isEqualTo(25_000);
    }
}
