package org.concord.execution.binance;

import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.testkit.Await;
import org.concord.testkit.exchange.LoopbackSpotAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.concord.execution.binance.SpotFixture.BTC;
import static org.concord.execution.binance.SpotFixture.WAIT;
import static org.concord.execution.binance.SpotFixture.pollUntil;

/** Never twice, nothing lost: dropped connections, a dropped stream, a restart, all against the loopback exchange. */
class BinanceSpotRecoveryTest {
    @TempDir
    Path dir;

    static List<Long> ids(List<LoopbackSpotAccount.Trade> trades) {
        return trades.stream().map(LoopbackSpotAccount.Trade::id).toList();
    }

    static List<Long> fillIds(BinanceSpotBroker b, String clientId) {
        return b.fills().stream().filter(f -> f.clientOrderId().equals(clientId)).map(Fill::fillId).toList();
    }

    @Test
    void connectionDroppedAfterTheNewOrderIsFoundByClientIdAndNeverSentTwice() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = f.broker();
            f.account.dropConnectionAfterNextNewOrder();
            Order o = b.submit(OrderRequest.market("d-1", BTC, OrderSide.BUY, 0.2));
            assertThat(o.state()).as("found on the exchange and caught up over REST").isEqualTo(OrderState.FILLED);
            assertThat(f.account.newOrderRequests()).containsExactly("d-1");
            assertThat(f.account.ordersPlaced("d-1")).isEqualTo(1);
            assertThat(fillIds(b, "d-1")).containsExactlyElementsOf(ids(f.account.trades("d-1")));
            // the stream's reports for the same trades arrive afterwards: applied once only
            f.account.resendReports("d-1");
            pollUntil(b, () -> b.poll() == 0 && b.balances().stream().anyMatch(x -> x.asset().equals("BTC") && x.total() > 1.1), "stream drained");
            assertThat(fillIds(b, "d-1")).containsExactlyElementsOf(ids(f.account.trades("d-1")));
            assertThat(b.events().stream().filter(e -> e.clientOrderId().equals("d-1")).map(e -> e.state()))
                    .containsExactly(OrderState.NEW, OrderState.FILLED);
        }
    }

    @Test
    void anUnansweredOrderTheExchangeNeverGotIsDeclaredNotPlacedAfterItsRecvWindowAndNotResent() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = f.broker();
            f.ex.rest().failNext("/api/v3/order", 1, 503, null); // a gateway error: the exchange never saw the order
            Order o = b.submit(OrderRequest.limit("u-1", BTC, OrderSide.BUY, 0.1, 500));
            assertThat(o.state()).isEqualTo(OrderState.REJECTED);
            assertThat(o.reason()).startsWith("not placed").contains("recvWindow");
            assertThat(f.ex.rest().served("/api/v3/order").stream().filter(s -> s.method().equals("POST")).count()).isEqualTo(1);
            assertThat(f.ex.rest().served("/api/v3/order").stream().filter(s -> s.method().equals("GET")).count()).isGreaterThanOrEqualTo(2);
            assertThat(f.account.ordersPlaced("u-1")).isZero();
        }
    }

    @Test
    void userDataStreamDroppedMidOrderReconnectsReconcilesAndAppliesEachFillOnce() {
        try (SpotFixture f = new SpotFixture(dir, 300)) {
            BinanceSpotBroker b = f.broker();
            BinanceSpotBrokerTest.Crossing c = BinanceSpotBrokerTest.crossing(f, 240);
            b.submit(OrderRequest.limit("s-1", BTC, OrderSide.BUY, c.quantity(), c.limit()));
            long reconciled = b.reconciliations();
            // the stream dies and the exchange is unreachable while the order fills
            Await.until(WAIT, () -> f.ex.stream().openConnections() == 1, () -> "the server holding the adapter's stream");
            f.ex.stream().setAccepting(false);
            f.ex.stream().dropAll();
            for (int i = 0; i < 240 && !f.account.order("s-1").status().equals("FILLED"); i++) {
                f.advance(b, 1);
            }
            assertThat(f.account.order("s-1").status()).isEqualTo("FILLED");
            b.poll();
            assertThat(b.order("s-1").orElseThrow().state()).as("no event reached the adapter").isEqualTo(OrderState.NEW);
            // the adapter sees the drop at once, as a rule; about one drop in ten went unreported by the JDK's WebSocket
            // here (no close, no error: "timed out waiting for a refused reconnect" in CI), and then the adapter's idle
            // watchdog replaces the connection after the fixture's idle timeout (30 s), as it would in production
            Await.until(WAIT.plus(Duration.ofSeconds(35)), () -> !f.ex.stream().refusedAtNanos().isEmpty(), () -> "a refused reconnect");
            f.ex.stream().setAccepting(true);
            pollUntil(b, () -> b.order("s-1").orElseThrow().state() == OrderState.FILLED, "s-1 filled after reconcile");
            assertThat(b.reconciliations()).isGreaterThan(reconciled);
            List<LoopbackSpotAccount.Trade> trades = f.account.trades("s-1");
            assertThat(trades.size()).isGreaterThanOrEqualTo(2);
            assertThat(fillIds(b, "s-1")).containsExactlyElementsOf(ids(trades));
            // duplicates of every report: still exactly one fill per trade
            f.account.resendReports("s-1");
            pollUntil(b, () -> b.poll() == 0, "duplicates drained");
            assertThat(fillIds(b, "s-1")).containsExactlyElementsOf(ids(trades));
            assertThat(b.order("s-1").orElseThrow().filledQuantity()).isCloseTo(c.quantity(), within(1e-9));
            assertThat(b.events().stream().filter(e -> e.clientOrderId().equals("s-1") && e.state() == OrderState.FILLED)).hasSize(1);
        }
    }

    @Test
    void aRestartedAdapterReconcilesFromItsJournalAndTheExchange() {
        try (SpotFixture f = new SpotFixture(dir, 300)) {
            BinanceSpotBrokerTest.Crossing c = BinanceSpotBrokerTest.crossing(f, 240);
            BinanceSpotBroker first = f.broker();
            double far = Math.floor(f.ex.lastPrice(BTC) * 50) / 100;
            first.submit(OrderRequest.limit("x-1", BTC, OrderSide.BUY, c.quantity(), c.limit()));
            first.submit(OrderRequest.limit("x-2", BTC, OrderSide.BUY, 1, far));
            String next = first.nextClientOrderId();
            first.close(); // the app stops; the market goes on and x-1 fills on the exchange
            for (int i = 0; i < 240 && !f.account.order("x-1").status().equals("FILLED"); i++) {
                f.advance(null, 1);
            }
            assertThat(f.account.order("x-1").status()).isEqualTo("FILLED");

            BinanceSpotBroker second = f.broker(); // same data directory
            assertThat(second.order("x-1").orElseThrow().state()).isEqualTo(OrderState.FILLED);
            assertThat(fillIds(second, "x-1")).containsExactlyElementsOf(ids(f.account.trades("x-1")));
            assertThat(second.openOrders()).extracting(Order::clientOrderId).containsExactly("x-2");
            assertThat(second.submit(OrderRequest.limit("x-2", BTC, OrderSide.BUY, 1, far)).state()).as("idempotent across restarts").isEqualTo(OrderState.NEW);
            assertThat(f.account.ordersPlaced("x-2")).isEqualTo(1);
            assertThat(second.nextClientOrderId()).as("the id sequence survives the restart").isNotEqualTo(next);
            Order canceled = second.cancel("x-2");
            assertThat(canceled.state()).isEqualTo(OrderState.CANCELED);
        }
    }

    @Test
    void aCrashBetweenJournalingAndSendingLeavesAnOrderThatIsQueriedNotSent() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            // the previous session journaled the intent, then died before the request left the machine
            try (SpotJournal j = new SpotJournal(dir.resolve("execution").resolve("loopback"))) {
                SpotOrder o = new SpotOrder(OrderRequest.limit("crash-1", BTC, OrderSide.BUY, 0.1, 500), null, System.currentTimeMillis() - 60_000);
                o.sentAt = o.createdTime;
                j.append(SpotJournal.Entry.submit(o), true);
            }
            BinanceSpotBroker b = f.broker();
            Order o = b.order("crash-1").orElseThrow();
            assertThat(o.state()).isEqualTo(OrderState.REJECTED);
            assertThat(o.reason()).startsWith("not placed");
            assertThat(f.ex.rest().served("/api/v3/order").stream().filter(s -> s.method().equals("POST"))).isEmpty();
            assertThat(b.submit(OrderRequest.limit("crash-1", BTC, OrderSide.BUY, 0.1, 500)).state()).as("never resent").isEqualTo(OrderState.REJECTED);
        }
    }
}
