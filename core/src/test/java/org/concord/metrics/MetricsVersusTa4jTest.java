package org.concord.metrics;

import org.concord.execution.FeeModel;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.RealBars;
import org.concord.execution.SlippageModel;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.BaseTradingRecord;
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
 * Our metrics against ta4j-core's analysis criteria (0.17: 0.18's bytecode needs Java 21; the criteria classes are
 * the same) on the same trades from real Bitstamp 5-minute bars. A momentum rule trades through the PaperBroker
 * (market orders fill at the next bar's open); the same entries and exits go into a ta4j TradingRecord: entry at
 * the decision bar's index at the fill price, exit at the fill bar's index (so ta4j's cash flow marks the same bar
 * closes our equity curve does). Each entry invests the whole equity, as ta4j's cash flow assumes.
 */
class MetricsVersusTa4jTest {

    @ParameterizedTest
    @ValueSource(doubles = {0, 10})
    void returnDrawdownProfitFactorAndWinRateMatchTa4j(double feeBps) {
        BarSeries bars = RealBars.bitstamp(Timeframe.M5);
        double f = feeBps * 1e-4;
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(10_000)
                .withCosts(new FeeModel(feeBps, feeBps), SlippageModel.NONE).withShorting(true)); // margin: no cash reservation
        org.ta4j.core.BarSeries ts = new BaseBarSeriesBuilder().withName("btc").withNumTypeOf(DoubleNum.class).build();
        for (int i = 0; i < bars.size(); i++) {
            ts.addBar(Duration.ofMinutes(5), ZonedDateTime.ofInstant(Instant.ofEpochMilli(bars.time(i) + 300_000), ZoneOffset.UTC),
                    bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
        TradingRecord record = new BaseTradingRecord(Trade.TradeType.BUY,
                feeBps > 0 ? new LinearTransactionCostModel(f) : new ZeroCostModel(), new ZeroCostModel());
        EquityCurve curve = new EquityCurve();
        double qty = 0;
        int entryBar = -1;
        int lastExitFill = -10;
        int n = bars.size() - 1; // the last bar has no next open to fill at
        for (int i = 0; i < n; i++) {
            RealBars.feed(broker, bars, i);
            curve.add(bars.time(i), broker.equity(), broker.position(bars.symbol()).quantity() != 0 ? 1 : 0);
            if (i < 12) {
                continue;
            }
            boolean up = bars.close(i) > bars.close(i - 6);
            if (qty == 0 && up && i > lastExitFill && i + 1 < n - 1) {
                double fill = bars.open(i + 1);
                qty = broker.equity() / (fill * (1 + f));
                broker.submit(OrderRequest.market("e" + i, bars.symbol(), OrderSide.BUY, qty));
                record.enter(i, ts.numOf(fill), ts.numOf(qty));
                entryBar = i;
            } else if (qty != 0 && (!up || i - entryBar >= 24 || i + 1 == n - 1)) {
                broker.submit(OrderRequest.market("x" + i, bars.symbol(), OrderSide.SELL, qty));
                record.exit(i + 1, ts.numOf(bars.open(i + 1)), ts.numOf(qty));
                qty = 0;
                lastExitFill = i + 1;
            }
        }
        assertThat(broker.position(bars.symbol()).isFlat()).isTrue();
        List<RoundTrip> trips = TradeJournal.of(broker.fills());
        PerformanceMetrics m = PerformanceMetrics.of(curve, trips, PerformanceMetrics.FIVE_MINUTE_PERIODS_PER_YEAR);

        assertThat(trips).hasSize(record.getPositionCount());
        assertThat(trips.size()).as("enough real trades to mean something").isGreaterThan(50);
        double taMdd = new MaximumDrawdownCriterion().calculate(ts, record).doubleValue();
        double taProfit = new ProfitCriterion().calculate(ts, record).doubleValue();
        double taLoss = new LossCriterion().calculate(ts, record).doubleValue();
        double taWin = PositionsRatioCriterion.WinningPositionsRatioCriterion().calculate(ts, record).doubleValue();
        assertThat(m.maxDrawdown()).isCloseTo(taMdd, within(1e-9));
        assertThat(m.profitFactor()).isCloseTo(taProfit / -taLoss, within(1e-9));
        assertThat(m.winRate()).isCloseTo(taWin, within(1e-12));
        assertThat(m.tradeCount()).isEqualTo(record.getPositionCount());
        if (feeBps == 0) {
            // ta4j's ReturnCriterion is gross of costs: compare where there are none
            double taReturn = new ReturnCriterion().calculate(ts, record).doubleValue();
            assertThat(1 + m.totalReturn()).isCloseTo(taReturn, within(1e-9));
        } else {
            assertThat(m.totalReturn()).as("costs are paid").isLessThan(new ReturnCriterion().calculate(ts, record).doubleValue() - 1);
        }
        assertThat(m.maxDrawdown()).isGreaterThan(0);
    }
}
