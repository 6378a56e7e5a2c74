package org.concord.execution.binance;

import org.concord.execution.Balance;
import org.concord.execution.ExecutionListener;
import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.Order;
import org.concord.execution.OrderEvent;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.testkit.exchange.ExchangeMarket;
import org.concord.testkit.exchange.LoopbackRestServer;
import org.concord.testkit.exchange.LoopbackSpotAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.concord.execution.binance.SpotFixture.BTC;
import static org.concord.execution.binance.SpotFixture.pollUntil;

/** Order flows against the loopback exchange over the real Bitstamp trades. */
class BinanceSpotBrokerTest {
    @TempDir
    Path dir;

    static double balance(BinanceSpotBroker b, String asset) {
        return b.balances().stream().filter(x -> x.asset().equals(asset)).mapToDouble(Balance::total).findFirst().orElse(0);
    }

    /** What listeners saw, in order: "fill:<id>" and "<clientId>:<state>". */
    static List<String> record(BinanceSpotBroker b) {
        List<String> seen = new ArrayList<>();
        b.addListener(new ExecutionListener() {
            @Override
            public void onOrderEvent(OrderEvent e, Order o) {
                seen.add(e.clientOrderId() + ":" + e.state());
            }

            @Override
            public void onFill(Fill f, Order o) {
                seen.add("fill:" + f.clientOrderId());
            }
        });
        return seen;
    }

    @Test
    void marketBuyFillsAtTheLastRealPriceWithFeesAndBalancesFromTheExchange() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = f.broker();
            List<String> seen = record(b);
            double px = f.ex.lastPrice(BTC);
            Order o = b.submit(OrderRequest.market("m-1", BTC, OrderSide.BUY, 0.5));
            assertThat(o.state()).isEqualTo(OrderState.NEW);
            assertThat(o.orderId()).isPositive();
            pollUntil(b, () -> b.order("m-1").orElseThrow().state() == OrderState.FILLED && balance(b, "BTC") > 1.4, "m-1 filled");

            Fill fill = b.fills().get(0);
            LoopbackSpotAccount.Trade t = f.account.trades("m-1").get(0);
            assertThat(b.fills()).hasSize(1);
            assertThat(fill.fillId()).isEqualTo(t.id());
            assertThat(fill.price()).isEqualTo(px);
            assertThat(fill.quantity()).isEqualTo(0.5);
            assertThat(fill.liquidity()).isEqualTo(Liquidity.TAKER);
            assertThat(fill.fee()).as("a buy's commission is charged in BTC and valued at the fill price").isCloseTo(0.0005 * px, within(1e-6));
            assertThat(balance(b, "BTC")).isCloseTo(1 + 0.5 - 0.0005, within(1e-9));
            assertThat(balance(b, "USDT")).isCloseTo(ExchangeMarket.round8(10_000 - 0.5 * px), within(1e-6));
            assertThat(b.position(BTC).quantity()).isCloseTo(1.4995, within(1e-9));
            assertThat(b.position(BTC).averagePrice()).isEqualTo(px);
            assertThat(b.equity()).isCloseTo(b.cash() + 1.4995 * b.markPrice(BTC), within(1e-6));
            assertThat(seen).containsExactly("m-1:NEW", "fill:m-1", "m-1:FILLED");
        }
    }

    /** A buy limit under the market that the real trades reach, and a quantity larger than the first trades there. */
    record Crossing(double limit, double quantity) {
    }

    static Crossing crossing(SpotFixture f, int minutes) {
        ExchangeMarket m = f.ex.market(BTC);
        double last = f.ex.lastPrice(BTC);
        List<double[]> below = new ArrayList<>();
        for (int k = f.ex.cursor(); k < f.ex.cursor() + minutes; k++) {
            for (int i = m.tradeFrom(k); i < m.tradeTo(k); i++) {
                double p = ExchangeMarket.round8(m.tape().price(i));
                if (p < last - 0.5) {
                    below.add(new double[] {p, m.tape().size(i)});
                }
            }
        }
        below.sort((a, c) -> Double.compare(c[0], a[0])); // highest first: the limit is the 3rd-highest price below the market
        assertThat(below.size()).as("real trades below the market in the next %d minutes", minutes).isGreaterThan(10);
        double limit = Math.floor(below.get(2)[0] * 100) / 100;
        double volume = below.stream().filter(x -> x[0] <= limit).mapToDouble(x -> x[1]).sum();
        double firstTwo = below.stream().filter(x -> x[0] <= limit).limit(2).mapToDouble(x -> x[1]).sum();
        double qty = Math.floor(Math.min(volume * 0.8, Math.max(firstTwo, 0.3) + 0.2) * 1e5) / 1e5;
        return new Crossing(limit, Math.min(qty, 9_000 / limit));
    }

    @Test
    void limitBuyFillsPartiallyAgainstTheRealTradesThenCompletely() {
        try (SpotFixture f = new SpotFixture(dir, 300)) {
            BinanceSpotBroker b = f.broker();
            List<String> seen = record(b);
            Crossing c = crossing(f, 240);
            b.submit(OrderRequest.limit("l-1", BTC, OrderSide.BUY, c.quantity(), c.limit()));
            for (int i = 0; i < 240 && b.order("l-1").orElseThrow().state() != OrderState.FILLED; i++) {
                f.advance(b, 1);
                b.poll();
            }
            pollUntil(b, () -> b.order("l-1").orElseThrow().state() == OrderState.FILLED, "l-1 filled");
            List<LoopbackSpotAccount.Trade> trades = f.account.trades("l-1");
            assertThat(trades.size()).as("several partial fills").isGreaterThanOrEqualTo(2);
            assertThat(b.fills()).extracting(Fill::fillId).containsExactlyElementsOf(trades.stream().map(LoopbackSpotAccount.Trade::id).toList());
            assertThat(b.fills()).allSatisfy(x -> {
                assertThat(x.price()).isEqualTo(c.limit());
                assertThat(x.liquidity()).isEqualTo(Liquidity.MAKER);
            });
            assertThat(b.fills().stream().mapToDouble(Fill::quantity).sum()).isCloseTo(c.quantity(), within(1e-9));
            assertThat(seen).contains("l-1:PARTIALLY_FILLED").endsWith("l-1:FILLED");
            assertThat(seen.indexOf("l-1:FILLED")).isGreaterThan(seen.lastIndexOf("fill:l-1"));
            assertThat(b.order("l-1").orElseThrow().averagePrice()).isCloseTo(c.limit(), within(1e-9));
        }
    }

    @Test
    void cancelFreesTheFundsAndIsIdempotentFilledCannotBeCanceled() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = f.broker();
            double far = Math.floor(f.ex.lastPrice(BTC) * 50) / 100;
            b.submit(OrderRequest.limit("c-1", BTC, OrderSide.BUY, 1, far));
            assertThat(f.account.balance("USDT")[1]).isEqualTo(far);
            Order o = b.cancel("c-1");
            assertThat(o.state()).isEqualTo(OrderState.CANCELED);
            assertThat(o.reason()).isEqualTo("canceled by client");
            assertThat(f.account.order("c-1").status()).isEqualTo("CANCELED");
            assertThat(f.account.balance("USDT")[1]).isZero();
            assertThat(b.cancel("c-1")).isEqualTo(o);
            pollUntil(b, () -> b.balances().stream().anyMatch(x -> x.asset().equals("USDT") && x.locked() == 0 && x.total() == 10_000), "funds freed");
            assertThat(b.events().stream().filter(e -> e.clientOrderId().equals("c-1")).map(OrderEvent::state))
                    .containsExactly(OrderState.NEW, OrderState.CANCELED);

            b.submit(OrderRequest.market("c-2", BTC, OrderSide.SELL, 0.1));
            pollUntil(b, () -> b.order("c-2").orElseThrow().state() == OrderState.FILLED, "c-2 filled");
            assertThatThrownBy(() -> b.cancel("c-2")).isInstanceOf(IllegalStateException.class).hasMessageContaining("FILLED");
            assertThatThrownBy(() -> b.cancel("nope")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void replaceCancelsThenSendsTheNewOrderAndARefusedReplaceLeavesTheOldWorking() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = f.broker();
            double far = Math.floor(f.ex.lastPrice(BTC) * 50) / 100;
            b.submit(OrderRequest.limit("r-1", BTC, OrderSide.BUY, 1, far));
            // refused locally (below min notional): the old order keeps working and nothing is canceled
            Order refused = b.replace("r-1", "r-0", 0.00002, 0, 0);
            assertThat(refused.state()).isEqualTo(OrderState.REJECTED);
            assertThat(refused.reason()).contains("NOTIONAL");
            assertThat(f.account.order("r-1").status()).isEqualTo("NEW");

            Order n = b.replace("r-1", "r-2", 2, far - 1, 0);
            assertThat(n.state()).isEqualTo(OrderState.NEW);
            assertThat(b.order("r-1").orElseThrow().state()).isEqualTo(OrderState.CANCELED);
            assertThat(b.order("r-1").orElseThrow().reason()).isEqualTo("replaced by r-2");
            assertThat(f.account.order("r-1").status()).isEqualTo("CANCELED");
            assertThat(f.account.order("r-2").status()).isEqualTo("NEW");
            assertThat(f.account.balance("USDT")[1]).isCloseTo(2 * (far - 1), within(1e-6));
            assertThat(b.replace("r-1", "r-2", 2, far - 1, 0)).as("idempotent on the new id").isEqualTo(b.order("r-2").orElseThrow());
            assertThat(f.account.ordersPlaced("r-2")).isEqualTo(1);
        }
    }

    @Test
    void filtersRoundBeforeSendingAndRefuseBelowMinNotionalLocally() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = f.broker();
            double px = f.ex.lastPrice(BTC);
            Order o = b.submit(OrderRequest.limit("f-1", BTC, OrderSide.BUY, 0.123456789, 500.129));
            assertThat(o.state()).as("rounded, not rejected").isEqualTo(OrderState.NEW);
            assertThat(o.quantity()).isEqualTo(0.12345);
            assertThat(o.request().limitPrice()).isEqualTo(500.12);
            LoopbackSpotAccount.Ord sent = f.account.order("f-1");
            assertThat(sent.executed()).isZero();
            assertThat(f.ex.rest().served("/api/v3/order").get(0).query()).isNull(); // POST: parameters in the body
            Order sell = b.submit(OrderRequest.limit("f-2", BTC, OrderSide.SELL, 0.2, px * 3 + 0.001));
            assertThat(sell.request().limitPrice()).as("a sell's price rounds up").isEqualTo(Math.ceil((px * 3 + 0.001) * 100) / 100);

            Order small = b.submit(OrderRequest.limit("f-3", BTC, OrderSide.BUY, 0.001, 500));
            assertThat(small.state()).isEqualTo(OrderState.REJECTED);
            assertThat(small.reason()).contains("NOTIONAL").contains("below minNotional 10").contains("not sent");
            Order dust = b.submit(OrderRequest.market("f-4", BTC, OrderSide.BUY, 0.000001));
            assertThat(dust.reason()).contains("LOT_SIZE");
            assertThat(f.account.newOrderRequests()).containsExactly("f-1", "f-2");
        }
    }

    @Test
    void exchangeErrorsAreRejectionsWithTheExchangesMessage() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = f.broker();
            Order o = b.submit(OrderRequest.limit("e-1", BTC, OrderSide.BUY, 100, 500));
            assertThat(o.state()).isEqualTo(OrderState.REJECTED);
            assertThat(o.reason()).contains("-2010").contains("Account has insufficient balance for requested action.");
            Order s = b.submit(OrderRequest.market("e-2", BTC, OrderSide.SELL, 5));
            assertThat(s.reason()).contains("insufficient balance");
            assertThat(b.submit(OrderRequest.limit("e-1", BTC, OrderSide.BUY, 0.1, 500))).as("idempotent: same id, same order").isEqualTo(o);
            assertThat(f.account.newOrderRequests()).containsExactly("e-1", "e-2");
        }
    }

    @Test
    void rateLimitRetryAfterIsHonouredAndABanLongerThanAllowedRejectsAtOnce() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = f.broker();
            f.ex.rest().failNext("/api/v3/order", 1, 429, 1);
            Order o = b.submit(OrderRequest.limit("rl-1", BTC, OrderSide.BUY, 0.1, 500));
            assertThat(o.state()).isEqualTo(OrderState.NEW);
            List<LoopbackRestServer.Served> posts = f.ex.rest().served("/api/v3/order").stream().filter(s -> s.method().equals("POST")).toList();
            assertThat(posts).extracting(LoopbackRestServer.Served::status).containsExactly(429, 200);
            assertThat((posts.get(1).atNanos() - posts.get(0).atNanos()) / 1e6).as("waited Retry-After 1 s").isGreaterThanOrEqualTo(950);
            assertThat(f.account.ordersPlaced("rl-1")).isEqualTo(1);

            f.ex.rest().failNext("/api/v3/order", 1, 418, 120);
            long t0 = System.nanoTime();
            Order banned = b.submit(OrderRequest.limit("rl-2", BTC, OrderSide.BUY, 0.1, 500));
            assertThat((System.nanoTime() - t0) / 1e6).isLessThan(2_000);
            assertThat(banned.state()).isEqualTo(OrderState.REJECTED);
            assertThat(banned.reason()).contains("418").contains("IP banned").contains("Retry-After 120");
            assertThat(f.account.ordersPlaced("rl-2")).isZero();
        }
    }

    @Test
    void attachedExitsBecomeAnOcoPairAfterTheFillAndOneCancelsTheOther() {
        try (SpotFixture f = new SpotFixture(dir, 300)) {
            BinanceSpotBroker b = f.broker();
            ExchangeMarket m = f.ex.market(BTC);
            double last = f.ex.lastPrice(BTC);
            List<double[]> above = new ArrayList<>();
            for (int k = f.ex.cursor() + 1; k < f.ex.cursor() + 120; k++) {
                for (int i = m.tradeFrom(k); i < m.tradeTo(k); i++) {
                    if (m.tape().price(i) > last + 0.5) {
                        above.add(new double[] {m.tape().price(i), m.tape().size(i)});
                    }
                }
            }
            above.sort((a, c) -> Double.compare(c[0], a[0]));
            double tp = 0;
            double volume = 0;
            for (double[] t : above) { // the highest take-profit that the real trades above it could fill twice over
                volume += t[1];
                tp = Math.floor(t[0] * 100) / 100;
                if (volume >= 1.0) {
                    break;
                }
            }
            assertThat(volume).as("the real market trades 1 BTC above the entry within 2 hours").isGreaterThanOrEqualTo(1.0);
            double sl = Math.floor(last * 0.8 * 100) / 100;
            b.submit(OrderRequest.market("b-1", BTC, OrderSide.BUY, 0.5).withBracket(sl, tp));
            pollUntil(b, () -> b.order("b-1-tp").isPresent() && b.order("b-1-sl").isPresent(), "exits placed after the fill");
            Order tpOrder = b.order("b-1-tp").orElseThrow();
            assertThat(tpOrder.state()).isEqualTo(OrderState.NEW);
            assertThat(tpOrder.parentClientId()).isEqualTo("b-1");
            assertThat(tpOrder.quantity()).as("what the account received: 0.5 less the 0.0005 BTC commission").isEqualTo(0.4995);
            assertThat(f.account.order("b-1-sl").status()).isEqualTo("NEW");
            for (int i = 0; i < 120 && b.order("b-1-tp").orElseThrow().state() != OrderState.FILLED; i++) {
                f.advance(b, 1);
                b.poll();
            }
            pollUntil(b, () -> b.order("b-1-sl").orElseThrow().state() == OrderState.EXPIRED, "stop leg expired by the exchange");
            assertThat(b.order("b-1-tp").orElseThrow().state()).isEqualTo(OrderState.FILLED);
            assertThat(b.order("b-1-sl").orElseThrow().reason()).contains("one-cancels-other");
            assertThat(f.account.balance("BTC")[1]).isZero();
        }
    }
}
