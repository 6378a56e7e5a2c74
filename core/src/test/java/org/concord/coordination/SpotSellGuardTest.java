package org.concord.coordination;

import org.concord.execution.Order;
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
 * A spot account cannot sell what it does not hold. The books count what is on order as theirs, so an exit decided
 * before the buy it undoes has filled (the desk's decisions can lag its bars) asked the broker to sell a position the
 * account did not have: about 650 "insufficient position … cannot short" rejections a session. The coordination now
 * cuts such a sell to the free position (or drops it), counts it once in a metric, and plans again on the next
 * decision. Real Bitstamp 5-minute bars.
 */
class SpotSellGuardTest {
    final BarSeries bars = RealBars.bitstamp(Timeframe.M5);
    final Symbol s = bars.symbol();
    final UnifiedRiskManager risk = new UnifiedRiskManager(RiskLimits.defaults(), Timeframe.M5, new CorrelationAnalyzer(288, 30), null);
    final PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000), risk.preTradeCheck(), null);
    final CoordinationEngine engine = new CoordinationEngine(CoordinationConfig.defaults(), broker, risk, s, null);

    void bar(int i) {
        RealBars.feed(broker, bars, i);
        engine.onBarClose(s, Timeframe.M5, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
    }

    Signal signal(int i, Action a) {
        return new Signal("m", s, bars.time(i) + 300_000, Bucket.SCALPING, a, 0.1, 1, 1, 12, 60, Timeframe.M5, null, null);
    }

    @Test
    void anExitDecidedBeforeItsBuyFilledIsNotSentBeyondThePositionAndIsCountedOnce() {
        for (int i = 0; i <= 300; i++) {
            bar(i); // warm marks and allocations
        }
        long t = bars.time(300) + 300_000;
        engine.decide(t, List.of(signal(300, Action.BUY)));
        List<Order> buys = broker.openOrders();
        assertThat(buys).hasSize(1);
        // a second decision before the next bar (a lagging decision thread): the scalper says exit
        engine.decide(t, List.of(signal(300, Action.SELL)));
        assertThat(broker.orders()).as("no sell of a position the account does not hold yet")
                .noneMatch(o -> o.state() == OrderState.REJECTED);
        assertThat(broker.orders()).hasSize(1);
        assertThat(engine.sellsBeyondPosition()).isEqualTo(1);

        // the buy fills; the book holds it and the next exit sells exactly that
        bar(301);
        assertThat(broker.position(s).quantity()).isCloseTo(buys.get(0).quantity(), within(1e-12));
        assertThat(engine.ledger().total(s)).isCloseTo(broker.position(s).quantity(), within(1e-9));
        engine.decide(bars.time(301) + 300_000, List.of(signal(301, Action.SELL)));
        bar(302);
        assertThat(broker.position(s).quantity()).isZero();
        assertThat(engine.ledger().total(s)).isCloseTo(0, within(1e-9));
        assertThat(broker.orders()).noneMatch(o -> o.state() == OrderState.REJECTED);
        assertThat(broker.openOrders()).isEmpty();
        assertThat(engine.sellsBeyondPosition()).isEqualTo(1);
    }

    @Test
    void roundingResidueInABookIsNotSentAsAnOrder() {
        for (int i = 0; i <= 300; i++) {
            bar(i);
        }
        // a book left short by 3.9e-15 BTC of floating-point residue (what the desk's books held): its exit would
        // be a market buy of 3.9e-15 BTC that no venue fills
        engine.ledger().fill(Bucket.SCALPING, s, -3.886806256032276E-15, bars.close(300), 0, bars.time(300));
        engine.decide(bars.time(300) + 300_000, List.of(signal(300, Action.SELL)));
        bar(301);
        assertThat(broker.orders()).as("no order for rounding residue").isEmpty();
        assertThat(engine.ledger().position(Bucket.SCALPING, s).pending()).isZero();
    }
}
