package org.concord.coordination;

import org.concord.execution.OrderState;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.RealBars;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.risk.CorrelationAnalyzer;
import org.concord.risk.RiskLimits;
import org.concord.risk.UnifiedRiskManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The planner plans no entry worth less than {@code minOrderNotional}, but the risk check can clip one below it: on the
 * desk, with the bot at the 50 % exposure cap, every bar's entry was clipped to the room left, 1.7e-8 BTC of rounding,
 * and the broker's own check refused it ("ASSET_EXPOSURE would reach 50.00 % of equity, limit 50.00 %"): a refused
 * order per bar in the log. A net order under the minimum is not sent unless it brings the account flat (an exit must
 * go out however small) or carries a risk cut. Real Bitstamp 5-minute bars.
 */
class ClippedDustTest {
    final BarSeries bars = RealBars.bitstamp(Timeframe.M5);
    final Symbol s = bars.symbol();
    final double cash = 100_000;

    CoordinationEngine engine(RiskLimits limits, PaperBroker[] brokerOut) {
        UnifiedRiskManager risk = new UnifiedRiskManager(limits, Timeframe.M5, new CorrelationAnalyzer(288, 30), null);
        PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(cash), risk.preTradeCheck(), null);
        brokerOut[0] = broker;
        CoordinationEngine engine = new CoordinationEngine(CoordinationConfig.defaults(), broker, risk, s, null);
        for (int i = 0; i <= 300; i++) { // warm marks and allocations
            RealBars.feed(broker, bars, i);
            engine.onBarClose(s, Timeframe.M5, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
        return engine;
    }

    Signal buy() {
        return new Signal("m", s, bars.time(300) + 300_000, Bucket.SCALPING, Action.BUY, 0.1, 1, 1, 12, 60, Timeframe.M5, null, null);
    }

    @Test
    void anEntryClippedBelowTheMinimumIsNotSentAndItsBookHoldsNothingOnOrder() {
        PaperBroker[] b = new PaperBroker[1];
        // room for 0.004 % of 100,000 = 4 in the instrument: an entry of at least 10 is clipped to 4
        CoordinationEngine engine = engine(RiskLimits.defaults().withAssetExposure(0.00004), b);
        engine.decide(bars.time(300) + 300_000, List.of(buy()));
        assertThat(engine.risk().history()).as("the risk check clipped the entry").isNotEmpty();
        assertThat(b[0].orders()).as("no order worth 4 when 10 is the minimum").isEmpty();
        assertThat(engine.ledger().position(Bucket.SCALPING, s).pending()).isZero();
    }

    @Test
    void anEntryTheRiskCheckLeavesAboveTheMinimumStillGoesOut() {
        PaperBroker[] b = new PaperBroker[1];
        CoordinationEngine engine = engine(RiskLimits.defaults().withAssetExposure(0.0004), b); // room for 40
        engine.decide(bars.time(300) + 300_000, List.of(buy()));
        assertThat(b[0].orders()).singleElement().satisfies(o -> {
            assertThat(o.state()).isNotEqualTo(OrderState.REJECTED);
            assertThat(o.quantity() * bars.close(300)).isCloseTo(40, within(1.0));
        });
    }
}
