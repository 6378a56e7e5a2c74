package org.concord.backtest;

import org.concord.metrics.EquityCurve;
import org.concord.metrics.PerformanceMetrics;
import org.concord.metrics.RoundTrip;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.Position;
import org.ta4j.core.Trade;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.analysis.cost.LinearTransactionCostModel;
import org.ta4j.core.analysis.cost.ZeroCostModel;
import org.ta4j.core.criteria.MaximumDrawdownCriterion;
import org.ta4j.core.criteria.PositionsRatioCriterion;
import org.ta4j.core.criteria.pnl.LossCriterion;
import org.ta4j.core.criteria.pnl.ProfitCriterion;
import org.ta4j.core.criteria.pnl.ReturnCriterion;
import org.ta4j.core.num.DoubleNum;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The backtest's own metrics against ta4j-core's analysis criteria (0.17, see MetricsVersusTa4jTest) on the same
 * trades, from a real backtest of the bundled data with the full preset's modules.
 * <ul>
 *   <li>Profit factor and win rate: each round trip of the report becomes one ta4j position (entry at its volume-weighted
 *       entry price, exit at its volume-weighted exit price, amount = the quantity it bought in all, so a trade that
 *       scaled in and out keeps its cash flows) with the backtest's taker fee as
 *       ta4j's linear transaction cost; ta4j's ProfitCriterion / LossCriterion and winning-positions ratio must give
 *       our numbers, and each position's net profit our trade's pnl.</li>
 *   <li>Return and max drawdown: ta4j measures a position over a price series; holding the backtest's equity curve
 *       (as the price of an instrument) from its first to its last sample must give our total return and drawdown.</li>
 * </ul>
 */
class BacktestVersusTa4jTest {

    @ParameterizedTest
    @ValueSource(doubles = {0, 10})
    void returnDrawdownProfitFactorAndWinRateMatchTa4j(double feeBps) {
        // the fused decision only: with every source trading its own book the spot account is nearly always long (a
        // handful of account-level round trips), too few to compare per-trade arithmetic; the metrics are the same code
        BacktestConfig cfg = BacktesterTest.CONFIG.withCosts(feeBps, feeBps, 2)
                .withCoordination(BacktestConfig.Coordination.defaults().withSourceSignals(false));
        BacktestReport.Run run = Backtester.builder(cfg).build().run().result();
        List<RoundTrip> trips = run.coordination().trades();
        PerformanceMetrics m = run.coordination().metrics();
        assertThat(trips.size()).as("enough real trades to mean something").isGreaterThan(30);

        // trades: one ta4j position per round trip, in order, on a series with one bar per equity sample
        EquityCurve.Data eq = run.coordination().equity();
        org.ta4j.core.BarSeries ts = new BaseBarSeriesBuilder().withName("btc").withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < eq.time().length; i++) {
            double e = eq.equity()[i];
            ts.addBar(Duration.ofMinutes(1), ZonedDateTime.ofInstant(Instant.ofEpochMilli(eq.time()[i]), ZoneOffset.UTC), e, e, e, e, 0);
        }
        TradingRecord record = new BaseTradingRecord(Trade.TradeType.BUY,
                feeBps > 0 ? new LinearTransactionCostModel(feeBps * 1e-4) : new ZeroCostModel(), new ZeroCostModel());
        for (RoundTrip t : trips) {
            assertThat(t.direction()).as("a spot account is long only").isEqualTo(1);
            record.enter(index(eq, t.entryTime()), ts.numOf(t.entryPrice()), ts.numOf(t.entryQuantity()));
            record.exit(index(eq, t.exitTime()), ts.numOf(t.exitPrice()), ts.numOf(t.entryQuantity()));
        }
        List<Position> positions = record.getPositions();
        assertThat(positions).hasSize(trips.size());
        for (int i = 0; i < trips.size(); i++) {
            assertThat(positions.get(i).getProfit().doubleValue()).as("trade %d net profit", i)
                    .isCloseTo(trips.get(i).pnl(), within(1e-9 * trips.get(i).entryPrice() * trips.get(i).entryQuantity()));
        }
        double taProfit = new ProfitCriterion().calculate(ts, record).doubleValue();
        double taLoss = new LossCriterion().calculate(ts, record).doubleValue();
        double taWin = PositionsRatioCriterion.WinningPositionsRatioCriterion().calculate(ts, record).doubleValue();
        assertThat(m.profitFactor()).isCloseTo(taProfit / -taLoss, within(1e-9));
        assertThat(m.winRate()).isCloseTo(taWin, within(1e-12));
        assertThat(m.tradeCount()).isEqualTo(record.getPositionCount());

        // equity: hold the curve from its first to its last sample
        TradingRecord hold = new BaseTradingRecord(Trade.TradeType.BUY, new ZeroCostModel(), new ZeroCostModel());
        int last = ts.getEndIndex();
        hold.enter(0, ts.getBar(0).getClosePrice(), ts.numOf(1));
        hold.exit(last, ts.getBar(last).getClosePrice(), ts.numOf(1));
        assertThat(1 + m.totalReturn()).isCloseTo(new ReturnCriterion().calculate(ts, hold).doubleValue(), within(1e-12));
        assertThat(m.maxDrawdown()).isCloseTo(new MaximumDrawdownCriterion().calculate(ts, hold).doubleValue(), within(1e-12));
        assertThat(m.maxDrawdown()).isGreaterThan(0);
    }

    /** The equity sample (bar close) at or after {@code time}: where a fill at that time shows in the account. */
    private static int index(EquityCurve.Data eq, long time) {
        int i = java.util.Arrays.binarySearch(eq.time(), time);
        return i >= 0 ? i : Math.min(-i - 1, eq.time().length - 1);
    }
}
