package org.concord.coordination;

import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.RealBars;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.risk.RiskLimits;
import org.concord.risk.UnifiedRiskManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordination's statistics (regime, bucket returns, allocation) are written in 5-minute bars: a desk deciding every
 * minute runs them on the 5-minute clock, so it allocates when, and from what, a desk deciding every five minutes does.
 */
class StatisticsPeriodTest {

    @Test
    void oneMinuteDecisionsAllocateOnTheFiveMinuteClock() {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        BarSeries m5 = RealBars.bitstamp(Timeframe.M5);
        long lastOfPeriodMissing = 0;
        for (int i = 1; i < m1.size(); i++) {
            long end = Math.floorDiv(m1.time(i - 1), 300_000L) * 300_000 + 300_000; // the period of bar i - 1 ends
            if (m1.time(i - 1) + 60_000 < end && m1.time(i) >= end) {
                lastOfPeriodMissing++;
            }
        }
        assertThat(lastOfPeriodMissing).as("the week has 5-minute periods whose last minute had no trade").isPositive();

        CoordinationEngine minute = runWithoutSignals(m1);
        CoordinationEngine five = runWithoutSignals(m5);

        List<AllocationUpdate> byMinute = minute.allocations().history();
        assertThat(five.allocations().history()).hasSizeGreaterThan(150); // an update an hour over the week
        assertThat(byMinute).as("the same hourly updates, the same regimes").isEqualTo(five.allocations().history());
        for (Bucket b : Bucket.ALL) {
            assertThat(minute.allocations().tracker(b).periods()).isEqualTo(five.allocations().tracker(b).periods());
        }
        assertThat(minute.allocations().regime()).isEqualTo(five.allocations().regime());
        assertThat(minute.equityCurve().size()).as("the equity curve keeps every decision bar").isEqualTo(m1.size());
    }

    @Test
    void fiveMinuteOrLongerDecisionsRunTheirStatisticsPerBar() {
        assertThat(CoordinationConfig.defaults().withDecisionTimeframe(Timeframe.M1).statisticsPeriod()).isEqualTo(Timeframe.M5);
        assertThat(CoordinationConfig.defaults().statisticsPeriod()).isEqualTo(Timeframe.M5);
        assertThat(CoordinationConfig.defaults().withDecisionTimeframe(Timeframe.H1).statisticsPeriod()).isEqualTo(Timeframe.H1);

        BarSeries h1 = RealBars.bitstamp(Timeframe.H1);
        CoordinationEngine hourly = runWithoutSignals(h1);
        // one period per bar; returns from the second; an update every 12 bars
        assertThat(hourly.allocations().tracker(Bucket.SHORT).periods()).isEqualTo(h1.size() - 1);
        assertThat(hourly.allocations().history()).hasSize(h1.size() / 12);
        assertThat(hourly.allocations().history().get(0).time()).isEqualTo(h1.time(11) + 3_600_000);
    }

    /** {@code bars} through a fresh engine deciding on their timeframe, with no signal at any decision. */
    private static CoordinationEngine runWithoutSignals(BarSeries bars) {
        Timeframe tf = bars.timeframe();
        UnifiedRiskManager risk = new UnifiedRiskManager(RiskLimits.defaults());
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000), risk.preTradeCheck(), null);
        CoordinationEngine engine = new CoordinationEngine(CoordinationConfig.defaults().withDecisionTimeframe(tf), broker, risk,
                bars.symbol(), null);
        for (int i = 0; i < bars.size(); i++) {
            RealBars.feed(broker, bars, i);
            engine.onBarClose(bars.symbol(), tf, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            engine.decide(tf.closeTime(bars.time(i)), List.of());
        }
        return engine;
    }
}
