package org.concord.execution;

import org.concord.bus.InProcessEventBus;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PaperBrokerTest {
    static final Symbol BTC = BundledData.BTCUSD;
    static BarSeries bars;

    @BeforeAll
    static void load() {
        bars = RealBars.bitstamp(Timeframe.M5);
        assertThat(bars.size()).isGreaterThan(1500);
    }

    static PaperBroker broker(PaperBrokerConfig cfg) {
        return new PaperBroker(cfg);
    }

    static PaperBrokerConfig costs(double maker, double taker, double slipBps) {
        return PaperBrokerConfig.defaults().withCash(100_000).withCosts(new FeeModel(maker, taker), SlippageModel.fixedBps(slipBps));
    }

    @Test
    void marketOrderFillsAtTheNextBarsOpenWithSlippageAndTakerFeeNotAtTheBarItWasSentOn() {
        PaperBroker b = broker(costs(2, 7, 5));
        RealBars.feed(b, bars, 0);
        Order o = b.submit(OrderRequest.market("m1", BTC, OrderSide.BUY, 2));
        assertThat(o.state()).isEqualTo(OrderState.NEW);
        assertThat(b.fills()).isEmpty();
        RealBars.feed(b, bars, 1);
        double px = bars.open(1) * (1 + 5e-4);
        Fill f = b.fills().get(0);
        assertThat(f.price()).isCloseTo(px, within(1e-9));
        assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(f.fee()).isCloseTo(2 * px * 7e-4, within(1e-9));
        assertThat(f.time()).isEqualTo(bars.time(1));
        assertThat(b.order("m1").orElseThrow().state()).isEqualTo(OrderState.FILLED);
        assertThat(b.cash()).isCloseTo(100_000 - 2 * px - f.fee(), within(1e-6));
        assertThat(b.position(BTC).quantity()).isEqualTo(2);
        assertThat(b.position(BTC).averagePrice()).isCloseTo(px, within(1e-9));
        assertThat(b.equity()).isCloseTo(b.cash() + 2 * bars.close(1), within(1e-6));
        // selling back realizes the round trip
        b.submit(OrderRequest.market("m2", BTC, OrderSide.SELL, 2));
        RealBars.feed(b, bars, 2);
        double sellPx = bars.open(2) * (1 - 5e-4);
        assertThat(b.position(BTC).quantity()).isZero();
        assertThat(b.position(BTC).realizedPnl()).isCloseTo(2 * (sellPx - px), within(1e-6));
        assertThat(b.equity()).isCloseTo(100_000 + 2 * (sellPx - px) - f.fee() - 2 * sellPx * 7e-4, within(1e-6));
    }

    /**
     * Regression (issue 15, item 4): a market order for a quantity below what the venue fills (rounding residue of
     * 3.9e-15 BTC, seen from the coordination layer) was accepted and then sat NEW for the rest of the session. It
     * is now refused at once with the reason; a normal market order still fills on the next bar.
     */
    @Test
    void aMarketOrderFillsOnTheNextBarOrIsRefusedWithAReasonNeverLeftWorking() {
        PaperBroker b = broker(costs(0, 10, 2));
        RealBars.feed(b, bars, 0);
        Order dust = b.submit(OrderRequest.market("dust", BTC, OrderSide.BUY, 3.886806256032276E-15));
        Order real = b.submit(OrderRequest.market("real", BTC, OrderSide.BUY, 0.5));
        for (int i = 1; i <= 5; i++) {
            RealBars.feed(b, bars, i);
        }
        assertThat(b.openOrders()).as("no market order is still working five bars later").isEmpty();
        assertThat(b.order("real").orElseThrow().state()).isEqualTo(OrderState.FILLED);
        assertThat(dust.state()).isEqualTo(OrderState.REJECTED);
        assertThat(dust.reason()).contains("below the smallest quantity the paper venue fills");
    }

    @Test
    void restingLimitFillsAtItsPriceWithMakerFeeOnTheFirstBarTradingThroughIt() {
        PaperBroker b = broker(costs(2, 7, 5));
        RealBars.feed(b, bars, 10);
        double limit = Math.floor(bars.close(10) * 0.995);
        b.submit(OrderRequest.limit("l1", BTC, OrderSide.BUY, 1, limit));
        int expected = -1;
        for (int i = 11; i < bars.size() && expected < 0; i++) {
            if (bars.low(i) < limit) {
                expected = i;
            }
        }
        assertThat(expected).as("real data reaches the limit").isPositive();
        assertThat(bars.open(11)).isGreaterThan(limit);
        for (int i = 11; i <= expected; i++) {
            if (i < expected) {
                RealBars.feed(b, bars, i);
                assertThat(b.fills()).as("no fill before bar %d", expected).isEmpty();
            } else {
                RealBars.feed(b, bars, i);
            }
        }
        Fill f = b.fills().get(0);
        assertThat(f.price()).isEqualTo(Math.min(bars.open(expected), limit));
        assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(f.fee()).isCloseTo(f.price() * 2e-4, within(1e-9));
        assertThat(f.time()).isEqualTo(bars.time(expected));
    }

    @Test
    void marketableLimitTakesAtTheOpenButNeverAboveItsLimit() {
        PaperBroker b = broker(costs(2, 7, 50));
        RealBars.feed(b, bars, 20);
        double limit = bars.open(21) * 1.002; // 50 bps slippage would pass it: capped at the limit
        b.submit(OrderRequest.limit("l2", BTC, OrderSide.BUY, 1, limit));
        RealBars.feed(b, bars, 21);
        Fill f = b.fills().get(0);
        assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(f.price()).isEqualTo(limit);
    }

    @Test
    void sellStopTriggersOnTheFirstBarReachingItAndFillsAtTheWorseOfOpenAndStopLessSlippage() {
        PaperBroker b = broker(costs(0, 10, 3));
        RealBars.feed(b, bars, 30);
        b.submit(OrderRequest.market("buy", BTC, OrderSide.BUY, 1));
        RealBars.feed(b, bars, 31);
        double stop = bars.close(31) * 0.99;
        b.submit(OrderRequest.stop("st", BTC, OrderSide.SELL, 1, stop));
        int hit = -1;
        for (int i = 32; i < bars.size() && hit < 0; i++) {
            if (bars.low(i) <= stop) {
                hit = i;
            }
        }
        assertThat(hit).isPositive();
        for (int i = 32; i <= hit; i++) {
            RealBars.feed(b, bars, i);
        }
        Fill f = b.fills().get(1);
        assertThat(f.time()).isEqualTo(bars.time(hit));
        assertThat(f.price()).isCloseTo(Math.min(bars.open(hit), stop) * (1 - 3e-4), within(1e-9));
        assertThat(f.liquidity()).isEqualTo(Liquidity.TAKER);
        assertThat(b.position(BTC).isFlat()).isTrue();
    }

    @Test
    void volumeCapFillsPartiallyBarByBarUntilDone() {
        PaperBroker b = broker(costs(0, 0, 0).withParticipation(0.1));
        RealBars.feed(b, bars, 100);
        double qty = 0;
        for (int i = 101; i < 104; i++) {
            qty += 0.1 * bars.volume(i);
        }
        qty -= 0.05 * bars.volume(103); // finishes half way into the third bar's allowance
        b.submit(OrderRequest.market("big", BTC, OrderSide.BUY, qty));
        List<OrderState> states = new ArrayList<>();
        for (int i = 101; i < 104; i++) {
            RealBars.feed(b, bars, i);
            states.add(b.order("big").orElseThrow().state());
        }
        assertThat(states).containsExactly(OrderState.PARTIALLY_FILLED, OrderState.PARTIALLY_FILLED, OrderState.FILLED);
        assertThat(b.fills()).hasSize(3);
        assertThat(b.fills().get(0).quantity()).isCloseTo(0.1 * bars.volume(101), within(1e-9));
        assertThat(b.fills().get(1).quantity()).isCloseTo(0.1 * bars.volume(102), within(1e-9));
        assertThat(b.fills().get(1).price()).isEqualTo(bars.open(102));
        assertThat(b.position(BTC).quantity()).isCloseTo(qty, within(1e-9));
        assertThat(b.events().stream().filter(e -> e.clientOrderId().equals("big")).map(OrderEvent::state).toList())
                .containsExactly(OrderState.NEW, OrderState.PARTIALLY_FILLED, OrderState.PARTIALLY_FILLED, OrderState.FILLED);
    }

    @Test
    void theSameClientOrderIdNeverCreatesTwoOrders() {
        PaperBroker b = broker(costs(0, 0, 0));
        RealBars.feed(b, bars, 0);
        Order first = b.submit(OrderRequest.market("dup", BTC, OrderSide.BUY, 1));
        Order again = b.submit(OrderRequest.market("dup", BTC, OrderSide.BUY, 5));
        assertThat(again.orderId()).isEqualTo(first.orderId());
        assertThat(again.quantity()).isEqualTo(1);
        RealBars.feed(b, bars, 1);
        b.submit(OrderRequest.market("dup", BTC, OrderSide.BUY, 1));
        RealBars.feed(b, bars, 2);
        assertThat(b.orders()).hasSize(1);
        assertThat(b.position(BTC).quantity()).isEqualTo(1);
        // a rejected id stays rejected: resubmitting it does not retry
        Order rej = b.submit(OrderRequest.market("broke", BTC, OrderSide.BUY, 1_000_000));
        assertThat(rej.state()).isEqualTo(OrderState.REJECTED);
        assertThat(b.submit(OrderRequest.market("broke", BTC, OrderSide.BUY, 1)).state()).isEqualTo(OrderState.REJECTED);
    }

    @Test
    void everyTransitionIsAnEventToListenersAndTheBus() {
        InProcessEventBus bus = new InProcessEventBus();
        List<OrderEvent> onBus = new ArrayList<>();
        List<Fill> fillsOnBus = new ArrayList<>();
        bus.subscribe(ExecutionTopics.ORDER_EVENTS, onBus::add);
        bus.subscribe(ExecutionTopics.FILLS, fillsOnBus::add);
        PaperBroker b = new PaperBroker(costs(0, 0, 0), PreTradeCheck.NONE, bus);
        List<OrderEvent> heard = new ArrayList<>();
        b.addListener(new ExecutionListener() {
            @Override
            public void onOrderEvent(OrderEvent event, Order order) {
                heard.add(event);
                assertThat(order.state()).isEqualTo(event.state());
            }
        });
        RealBars.feed(b, bars, 0);
        b.submit(OrderRequest.market("a", BTC, OrderSide.BUY, 1));
        b.submit(OrderRequest.limit("b", BTC, OrderSide.BUY, 1, 1));
        b.submit(OrderRequest.limit("c", BTC, OrderSide.BUY, 1, 1).withTimeInForce(TimeInForce.GTD, bars.time(3)));
        b.submit(OrderRequest.market("d", BTC, OrderSide.SELL, 50)); // spot: nothing to sell
        RealBars.feed(b, bars, 1);
        b.cancel("b");
        for (int i = 2; i <= 3; i++) {
            RealBars.feed(b, bars, i);
        }
        assertThat(heard).isEqualTo(b.events());
        assertThat(onBus).isEqualTo(b.events());
        assertThat(fillsOnBus).isEqualTo(b.fills());
        assertThat(heard.stream().map(e -> e.clientOrderId() + ":" + e.previous() + ">" + e.state()).toList()).containsExactly(
                "a:null>NEW", "b:null>NEW", "c:null>NEW", "d:null>REJECTED", "a:NEW>FILLED", "b:NEW>CANCELED", "c:NEW>EXPIRED");
        for (OrderEvent e : heard) {
            if (e.previous() != null) {
                assertThat(e.previous().canTransitionTo(e.state())).isTrue();
            }
        }
        assertThat(heard.get(3).reason()).contains("insufficient position");
    }

    @Test
    void cancelAndReplaceRules() {
        PaperBroker b = broker(costs(0, 0, 0));
        RealBars.feed(b, bars, 0);
        double low = bars.close(0) * 0.5;
        b.submit(OrderRequest.limit("r1", BTC, OrderSide.BUY, 1, low));
        Order r2 = b.replace("r1", "r2", 2, low * 1.01, 0);
        assertThat(r2.state()).isEqualTo(OrderState.NEW);
        assertThat(r2.quantity()).isEqualTo(2);
        assertThat(r2.request().limitPrice()).isEqualTo(low * 1.01);
        assertThat(b.order("r1").orElseThrow().state()).isEqualTo(OrderState.CANCELED);
        assertThat(b.order("r1").orElseThrow().reason()).isEqualTo("replaced by r2");
        assertThat(b.replace("r1", "r2", 3, 0, 0).orderId()).as("idempotent on the new id").isEqualTo(r2.orderId());
        // a replace the account cannot afford is refused and the old order keeps working
        Order tooBig = b.replace("r2", "r3", 1e9, 0, 0);
        assertThat(tooBig.state()).isEqualTo(OrderState.REJECTED);
        assertThat(b.order("r2").orElseThrow().state()).isEqualTo(OrderState.NEW);
        assertThat(b.openOrders()).extracting(Order::clientOrderId).containsExactly("r2");
        // cancel: idempotent on CANCELED, refused on FILLED, unknown id is an argument error
        assertThat(b.cancel("r2").state()).isEqualTo(OrderState.CANCELED);
        assertThat(b.cancel("r2").state()).isEqualTo(OrderState.CANCELED);
        b.submit(OrderRequest.market("f", BTC, OrderSide.BUY, 1));
        RealBars.feed(b, bars, 1);
        assertThatThrownBy(() -> b.cancel("f")).isInstanceOf(IllegalStateException.class).hasMessageContaining("FILLED");
        assertThatThrownBy(() -> b.replace("f", "g", 1, 0, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.cancel("nope")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        // the replaced order's cash is not counted twice: replacing with the same size fits the cash it held
        PaperBroker tight = broker(costs(0, 0, 0).withCash(1000));
        RealBars.feed(tight, bars, 0);
        double px = 900 / 1.0;
        tight.submit(OrderRequest.limit("t1", BTC, OrderSide.BUY, 1, px));
        assertThat(tight.replace("t1", "t2", 1, px * 1.05, 0).state()).isEqualTo(OrderState.NEW);
    }

    @Test
    void attachedStopLossAndTakeProfitAreOneCancelsOther() {
        PaperBroker b = broker(costs(0, 0, 0));
        RealBars.feed(b, bars, 200);
        double entryRef = bars.open(201);
        double sl = entryRef * 0.99;
        double tp = entryRef * 1.01;
        b.submit(OrderRequest.market("br", BTC, OrderSide.BUY, 1).withBracket(sl, tp));
        RealBars.feed(b, bars, 201);
        assertThat(b.openOrders()).extracting(Order::clientOrderId).containsExactly("br-sl", "br-tp");
        assertThat(b.order("br-sl").orElseThrow().parentClientId()).isEqualTo("br");
        // where real data goes first decides which exit fills; a bar reaching both takes the loss
        int hit = -1;
        boolean stopFirst = false;
        for (int i = 202; i < bars.size() && hit < 0; i++) {
            if (bars.low(i) <= sl) {
                hit = i;
                stopFirst = true;
            } else if (bars.high(i) > tp) {
                hit = i;
            }
        }
        assertThat(hit).isPositive();
        for (int i = 202; i <= hit; i++) {
            RealBars.feed(b, bars, i);
        }
        String won = stopFirst ? "br-sl" : "br-tp";
        String lost = stopFirst ? "br-tp" : "br-sl";
        assertThat(b.order(won).orElseThrow().state()).isEqualTo(OrderState.FILLED);
        assertThat(b.order(lost).orElseThrow().state()).isEqualTo(OrderState.CANCELED);
        assertThat(b.order(lost).orElseThrow().reason()).contains("one-cancels-other");
        assertThat(b.position(BTC).isFlat()).isTrue();
        assertThat(b.openOrders()).isEmpty();
        Fill exit = b.fills().get(1);
        assertThat(exit.price()).isEqualTo(stopFirst ? Math.min(bars.open(hit), sl) : Math.max(bars.open(hit), tp));
    }

    @Test
    void exitsAreReduceOnlyAndDieWithThePosition() {
        PaperBroker b = broker(costs(0, 0, 0));
        RealBars.feed(b, bars, 0);
        b.submit(OrderRequest.market("p", BTC, OrderSide.BUY, 1).withBracket(bars.close(0) * 0.5, bars.close(0) * 2));
        RealBars.feed(b, bars, 1);
        assertThat(b.openQuantity(BTC, OrderSide.SELL)).as("exits never add exposure").isZero();
        b.submit(OrderRequest.market("close", BTC, OrderSide.SELL, 1));
        RealBars.feed(b, bars, 2);
        assertThat(b.order("p-sl").orElseThrow().state()).isEqualTo(OrderState.CANCELED);
        assertThat(b.order("p-tp").orElseThrow().state()).isEqualTo(OrderState.CANCELED);
        assertThat(b.order("p-tp").orElseThrow().reason()).isEqualTo("position closed");
    }

    @Test
    void spotAccountRefusesWhatItCannotPayOrDeliver() {
        PaperBroker b = broker(costs(0, 10, 0).withCash(1000));
        RealBars.feed(b, bars, 0);
        Order tooBig = b.submit(OrderRequest.market("x", BTC, OrderSide.BUY, 2));
        assertThat(tooBig.state()).isEqualTo(OrderState.REJECTED);
        assertThat(tooBig.reason()).startsWith("insufficient cash");
        assertThat(b.submit(OrderRequest.market("y", BTC, OrderSide.SELL, 0.1)).reason()).startsWith("insufficient position");
        Order noData = b.submit(OrderRequest.market("z", Symbol.of("ETHUSD"), OrderSide.BUY, 0.1));
        assertThat(noData.reason()).isEqualTo("no market data for ETHUSD yet");
        // margin account: shorting allowed
        PaperBroker m = broker(costs(0, 0, 0).withShorting(true));
        RealBars.feed(m, bars, 0);
        m.submit(OrderRequest.market("s", BTC, OrderSide.SELL, 1));
        RealBars.feed(m, bars, 1);
        assertThat(m.position(BTC).quantity()).isEqualTo(-1);
        assertThat(m.equity()).isCloseTo(100_000 + bars.open(1) - bars.close(1), within(1e-6));
    }

    @Test
    void preTradeRejectionNamesTheRule() {
        PreTradeCheck cap = (r, a) -> r.quantity() > 3 ? PreTradeDecision.reject("ORDER_SIZE", "more than 3") : PreTradeDecision.ACCEPT;
        PaperBroker b = new PaperBroker(costs(0, 0, 0), cap, null);
        RealBars.feed(b, bars, 0);
        Order o = b.submit(OrderRequest.market("big", BTC, OrderSide.BUY, 5));
        assertThat(o.state()).isEqualTo(OrderState.REJECTED);
        assertThat(o.reason()).isEqualTo("risk rule ORDER_SIZE: more than 3");
    }

    @Test
    void iocTakesTheFirstOpportunityAndExpiresTheRest() {
        PaperBroker b = broker(costs(0, 0, 0).withParticipation(0.5));
        RealBars.feed(b, bars, 50);
        double qty = bars.volume(51); // twice what one bar allows
        b.submit(OrderRequest.market("ioc", BTC, OrderSide.BUY, qty).withTimeInForce(TimeInForce.IOC, 0));
        RealBars.feed(b, bars, 51);
        Order o = b.order("ioc").orElseThrow();
        assertThat(o.state()).isEqualTo(OrderState.EXPIRED);
        assertThat(o.filledQuantity()).isCloseTo(0.5 * bars.volume(51), within(1e-9));
    }

    @Test
    void fillsAgainstTheTradeStream() {
        PaperBroker b = broker(costs(0, 10, 1).withTrades());
        var tape = BundledData.bitstampTrades();
        b.onTrade(BTC, tape.time(0), tape.price(0), tape.size(0), tape.buyerMaker(0));
        b.submit(OrderRequest.market("t", BTC, OrderSide.BUY, 0.01));
        // bars are ignored when trades are the fill source
        RealBars.feed(b, bars, 5);
        assertThat(b.fills()).isEmpty();
        b.onTrade(BTC, tape.time(1), tape.price(1), tape.size(1), tape.buyerMaker(1));
        assertThat(b.fills()).hasSize(1);
        assertThat(b.fills().get(0).price()).isCloseTo(tape.price(1) * (1 + 1e-4), within(1e-9));
        assertThat(b.fills().get(0).time()).isEqualTo(tape.time(1));
    }

    @Test
    void invalidRequestsAreRefusedOnConstructionWithAClearMessage() {
        assertThatThrownBy(() -> OrderRequest.market("n", BTC, OrderSide.BUY, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity must be finite and > 0");
        assertThatThrownBy(() -> OrderRequest.limit("n", BTC, OrderSide.BUY, 1, Double.POSITIVE_INFINITY))
                .hasMessageContaining("limitPrice");
        assertThatThrownBy(() -> OrderRequest.market("bad id!", BTC, OrderSide.BUY, 1)).hasMessageContaining("clientOrderId");
        assertThatThrownBy(() -> OrderRequest.market("b", BTC, OrderSide.BUY, 1).withBracket(110, 100)).hasMessageContaining("stopLoss");
    }
}
