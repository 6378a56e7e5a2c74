package org.concord.execution;

import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.SqliteDatabase;
import org.concord.store.StoreException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The person's paper account in a real SQLite file: traded, closed, reopened from the same file, it is the same
 * account (cash, positions, fills, orders; a working limit still fills when the price comes), ids go on; a corrupt
 * row is skipped, counted and left in place; a newer schema is refused; a reset archives the old epoch.
 */
class PaperAccountStoreTest {
    static final Symbol BTC = BundledData.BTCUSD;
    static final String ACCOUNT = "manual";
    static BarSeries bars;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        bars = RealBars.bitstamp(Timeframe.M5);
    }

    static PaperBrokerConfig cfg() {
        return PaperBrokerConfig.defaults().withCash(100_000);
    }

    /** An account as the desk keeps it: a broker restored from (and journaled to) the file. */
    private record Kept(SqliteDatabase db, PaperBroker broker, PaperJournalWriter journal) implements AutoCloseable {
        @Override
        public void close() {
            journal.close();
            db.close();
        }
    }

    private Kept open() {
        SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
        PaperBroker b = new PaperBroker(cfg());
        return new Kept(db, b, PaperJournalWriter.restore(b, new PaperAccountStore(db), ACCOUNT));
    }

    /** The lowest low of bars (from, to]: a buy limit just above it is reached in that window. */
    private static double lowestLow(int from, int to) {
        double low = Double.MAX_VALUE;
        for (int i = from + 1; i <= to; i++) {
            low = Math.min(low, bars.low(i));
        }
        return low;
    }

    @Test
    void aReopenedAccountEqualsTheOneClosedAndItsWorkingLimitStillFills() {
        int last = 40;
        double limit = lowestLow(last, last + 300) + 0.01;
        double before;
        java.util.List<Fill> fills;
        java.util.List<Order> orders;
        java.util.List<Order> open;
        Position pos;
        long nextId;
        try (Kept k = open()) {
            PaperBroker b = k.broker();
            RealBars.feed(b, bars, 0);
            b.submit(OrderRequest.market("man-1", BTC, OrderSide.BUY, 1.5).manual());
            RealBars.feed(b, bars, 1);
            b.submit(OrderRequest.market("man-2", BTC, OrderSide.SELL, 0.5).manual());
            b.submit(OrderRequest.market("man-3", BTC, OrderSide.BUY, 1_000).manual()); // rejected: no such cash
            for (int i = 2; i <= last; i++) {
                RealBars.feed(b, bars, i);
            }
            assertThat(limit).isLessThan(bars.close(last));
            b.submit(OrderRequest.limit("man-4", BTC, OrderSide.BUY, 0.25, limit).manual());
            b.submit(OrderRequest.market("man-5", BTC, OrderSide.BUY, 0.1).manual().withBracket(bars.close(last) * 0.5, bars.close(last) * 2));
            RealBars.feed(b, bars, last + 1);
            assertThat(b.order("man-4").orElseThrow().state()).isEqualTo(OrderState.NEW);
            assertThat(b.openOrders()).extracting(Order::clientOrderId).containsExactly("man-4", "man-5-sl", "man-5-tp");
            before = b.cash();
            fills = b.fills();
            orders = b.orders();
            open = b.openOrders();
            pos = b.position(BTC);
            nextId = b.nextOrderId();
            assertThat(fills).hasSize(3);
        }

        try (Kept k = open()) {
            PaperBroker b = k.broker();
            assertThat(b.cash()).isCloseTo(before, within(1e-6));
            assertThat(b.fills()).isEqualTo(fills);
            assertThat(b.orders()).isEqualTo(orders);
            assertThat(b.openOrders()).isEqualTo(open);
            Position p = b.position(BTC);
            assertThat(p.quantity()).isCloseTo(pos.quantity(), within(1e-12));
            assertThat(p.averagePrice()).isCloseTo(pos.averagePrice(), within(1e-9));
            assertThat(p.realizedPnl()).isCloseTo(pos.realizedPnl(), within(1e-9));
            assertThat(p.fees()).isCloseTo(pos.fees(), within(1e-9));
            assertThat(b.balances().get(0).locked()).isCloseTo(0.25 * limit * (1 + 10e-4), within(1e-6)); // the limit's cash is held again
            assertThat(b.nextOrderId()).isEqualTo(nextId);
            // the market comes back to the limit: it fills after the restart, and is kept
            int i = last + 2;
            while (b.order("man-4").orElseThrow().state() != OrderState.FILLED && i <= last + 300) {
                RealBars.feed(b, bars, i++);
            }
            assertThat(b.order("man-4").orElseThrow().state()).isEqualTo(OrderState.FILLED);
            assertThat(b.fills().get(b.fills().size() - 1).price()).isLessThanOrEqualTo(limit);
            assertThat(b.position(BTC).quantity()).isCloseTo(pos.quantity() + 0.25, within(1e-9));
            Order next = b.submit(OrderRequest.market("man-" + b.nextOrderId(), BTC, OrderSide.SELL, 0.1).manual());
            assertThat(next.orderId()).isGreaterThan(orders.get(orders.size() - 1).orderId());
        }

        try (Kept k = open()) {
            assertThat(k.broker().order("man-4").orElseThrow().state()).isEqualTo(OrderState.FILLED);
            assertThat(k.broker().fills()).hasSize(4);
            assertThat(k.broker().openOrders()).extracting(Order::clientOrderId).contains("man-5-sl", "man-5-tp").doesNotContain("man-4");
        }
    }

    @Test
    void aCorruptRowIsSkippedCountedLoggedOnceAndLeftInTheStore() throws Exception {
        try (Kept k = open()) {
            RealBars.feed(k.broker(), bars, 0);
            k.broker().submit(OrderRequest.market("man-1", BTC, OrderSide.BUY, 1).manual());
            RealBars.feed(k.broker(), bars, 1);
            k.broker().submit(OrderRequest.market("man-2", BTC, OrderSide.BUY, 1).manual());
            RealBars.feed(k.broker(), bars, 2);
            assertThat(k.journal().flush(10, TimeUnit.SECONDS)).isTrue();
            k.db().withConnection(c -> c.createStatement().executeUpdate("UPDATE paper_fills SET quantity = 'abc' WHERE fill_id = 1"));
            k.db().withConnection(c -> c.createStatement().executeUpdate("UPDATE paper_orders SET side = 'SIDEWAYS' WHERE client_id = 'man-1'"));
        }
        String log = stderrOf(() -> {
            try (Kept k = open()) {
                assertThat(k.broker().fills()).extracting(Fill::clientOrderId).containsExactly("man-2");
                assertThat(k.broker().orders()).extracting(Order::clientOrderId).containsExactly("man-2");
                assertThat(k.broker().position(BTC).quantity()).isEqualTo(1);
                assertThat(k.broker().nextOrderId()).isEqualTo(3); // the skipped order's id is not given out again
            }
        });
        assertThat(log.lines().filter(l -> l.contains("unreadable")).toList()).hasSize(1)
                .first().asString().contains("skipped 2 unreadable").contains("quantity is 'abc'");
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"))) {
            assertThat(one(db, "SELECT quantity FROM paper_fills WHERE fill_id = 1")).isEqualTo("abc");
            assertThat(one(db, "SELECT COUNT(*) FROM paper_orders")).isEqualTo("2");
        }
    }

    @Test
    void aStoreOfANewerSchemaIsRefusedAndLeftAsItWas() {
        try (Kept k = open()) {
            RealBars.feed(k.broker(), bars, 0);
            k.broker().submit(OrderRequest.market("man-1", BTC, OrderSide.BUY, 1).manual());
            RealBars.feed(k.broker(), bars, 1);
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"))) {
            db.withConnection(c -> c.createStatement().executeUpdate("UPDATE paper_meta SET value = '2' WHERE key = 'schema'"));
            assertThatThrownBy(() -> new PaperAccountStore(db)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("newer Concord").hasMessageContaining("paper schema 2, this build reads 1");
            assertThat(one(db, "SELECT COUNT(*) FROM paper_fills")).isEqualTo("1");
        }
    }

    @Test
    void aResetStartsAtTheInitialCashAndArchivesTheOldHistory() throws Exception {
        try (Kept k = open()) {
            RealBars.feed(k.broker(), bars, 0);
            k.broker().submit(OrderRequest.market("man-1", BTC, OrderSide.BUY, 1).manual());
            RealBars.feed(k.broker(), bars, 1);
            k.broker().reset();
            k.journal().archive(cfg().initialCash());
            assertThat(k.broker().cash()).isEqualTo(100_000);
            assertThat(k.broker().fills()).isEmpty();
            assertThat(k.broker().nextOrderId()).isEqualTo(2);
            RealBars.feed(k.broker(), bars, 2);
            k.broker().submit(OrderRequest.market("man-2", BTC, OrderSide.BUY, 0.5).manual());
            RealBars.feed(k.broker(), bars, 3);
        }
        try (Kept k = open()) {
            assertThat(k.broker().fills()).extracting(Fill::clientOrderId).containsExactly("man-2");
            assertThat(k.broker().position(BTC).quantity()).isEqualTo(0.5);
            assertThat(k.journal().epoch()).isEqualTo(2);
            PaperAccountStore store = new PaperAccountStore(k.db());
            assertThat(store.archivedEpochs(ACCOUNT)).containsExactly(1L);
            assertThat(one(k.db(), "SELECT client_id FROM paper_fills WHERE epoch = 1")).isEqualTo("man-1");
        }
    }

    /** The first column of the first row of {@code sql}, as text. */
    private static String one(SqliteDatabase db, String sql) {
        return db.withConnection(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    /** What {@code run} logged (slf4j-simple writes to System.err). */
    private static String stderrOf(Runnable run) {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            run.run();
        } finally {
            System.setErr(err);
        }
        return log.toString(StandardCharsets.UTF_8);
    }
}
