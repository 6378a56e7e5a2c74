package org.concord.execution;

import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One paper account across instruments on calendars of their own, as on the desk: the bundled ETHUSD bars are of
 * March 2023 while the BTCUSD tape is of November 2013. Each instrument's orders, fills and expiries go by its own
 * clock (the time of its last market event), never by another instrument's newer one.
 */
class PaperBrokerCalendarsTest {
    static final Symbol BTC = BundledData.BTCUSD;
    static final Symbol ETH = BundledData.ETHUSD;

    private final BarSeries btc = RealBars.bitstamp(Timeframe.M5);
    private final BarSeries eth = BundledData.eth5mBars();
    private final PaperBroker broker = new PaperBroker(PaperBrokerConfig.defaults().withCash(100_000));

    @Test
    void aFillAndItsOrderEventsCarryTheirInstrumentsTimeNotTheNewestInTheAccount() {
        assertThat(eth.time(0)).as("the data really are on two calendars").isGreaterThan(btc.time(btc.size() - 1));
        List<OrderEvent> events = new ArrayList<>();
        broker.addListener(new ExecutionListener() {
            @Override
            public void onOrderEvent(OrderEvent event, Order order) {
                events.add(event);
            }
        });
        RealBars.feed(broker, eth, 0);
        RealBars.feed(broker, btc, 0);
        assertThat(broker.time()).as("the account's clock is its newest instrument's").isEqualTo(eth.time(0) + Timeframe.M5.millis());
        assertThat(broker.time(BTC)).isEqualTo(btc.time(0) + Timeframe.M5.millis());

        broker.submit(OrderRequest.market("b1", BTC, OrderSide.BUY, 0.5));
        RealBars.feed(broker, eth, 1);
        RealBars.feed(broker, btc, 1);

        Fill f = broker.fills().get(0);
        assertThat(f.time()).as("filled at BTCUSD's bar, in 2013").isEqualTo(btc.time(1));
        assertThat(events).extracting(OrderEvent::time).containsExactly(btc.time(1), btc.time(1));
        assertThat(broker.order("b1").orElseThrow().createdTime()).isEqualTo(btc.time(1));
    }

    @Test
    void aGoodTillDateOrderExpiresByItsInstrumentsClock() {
        RealBars.feed(broker, btc, 0);
        RealBars.feed(broker, eth, 0);
        long now = broker.time(BTC);
        double far = btc.low(0) / 2; // never reached within the hour
        broker.submit(OrderRequest.limit("gtd", BTC, OrderSide.BUY, 0.5, far).withTimeInForce(TimeInForce.GTD, now + 3_600_000));
        int i = 1;
        while (btc.time(i) < now + 3_600_000) {
            RealBars.feed(broker, btc, i);
            RealBars.feed(broker, eth, i++);
            assertThat(broker.order("gtd").orElseThrow().state()).isEqualTo(OrderState.NEW);
        }
        RealBars.feed(broker, btc, i);
        Order o = broker.order("gtd").orElseThrow();
        assertThat(o.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(o.updatedTime()).as("expired at BTCUSD's hour, not at ETHUSD's 2023 time").isEqualTo(btc.time(i));
        assertThat(o.reason()).as("a time a person reads, not epoch milliseconds").isEqualTo("expired at " + Instant.ofEpochMilli(now + 3_600_000));
    }

    @Test
    void anInstrumentWithoutMarketDataYetGoesByTheAccountsClockAndAResetForgetsEveryClock() {
        RealBars.feed(broker, eth, 3);
        assertThat(broker.time(BTC)).isEqualTo(broker.time());
        RealBars.feed(broker, btc, 5);
        broker.reset();
        RealBars.feed(broker, btc, 2); // a seek back: earlier than before
        assertThat(broker.time(BTC)).isEqualTo(btc.time(2) + Timeframe.M5.millis());
        assertThat(broker.time()).isEqualTo(btc.time(2) + Timeframe.M5.millis());
    }
}
