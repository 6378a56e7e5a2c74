package org.concord.execution;

import org.concord.model.Symbol;
import org.concord.store.SqliteDatabase;
import org.concord.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The desk's paper accounts in SQLite (the data directory's {@code concord.db}), so a restart finds the person's
 * account as it was.
 *
 * <p><b>Design: a journal, replayed.</b> Fills are appended as they happen ({@code paper_fills}) and each order's row
 * ({@code paper_orders}) is rewritten at every transition; a start replays the fills through a fresh
 * {@link PaperBroker}'s ledger and puts the orders back ({@link PaperBroker#restore}). Chosen over a snapshot of cash
 * and positions because the fills are what the blotter shows anyway, and cash, positions, average prices, realized
 * P&amp;L and fees then follow from them by the same ledger code that made them: there is no second copy of the money
 * that could disagree with the fills. The price is a replay of every fill at start (thousands of rows: milliseconds).
 *
 * <p><b>Epochs.</b> A "Reset paper account" archives the current epoch ({@code archived_at} set) and opens the next
 * at the initial cash: the old rows stay, never deleted. Order ids go on across epochs, so no client order id repeats.
 *
 * <p><b>Bad input.</b> A row that does not read back (a bad number, an unknown side) is skipped and counted, one log
 * line says how many and the first reason; the row itself stays as it was. A store whose {@code paper_meta} schema is
 * newer than {@value #SCHEMA} is refused (a {@link StoreException} that names it): this build would misread it.
 *
 * <p>Thread-safety comes from {@link SqliteDatabase}; the desk writes through a {@link PaperJournalWriter}, never on
 * the trading thread.
 */
public final class PaperAccountStore {
    private static final Logger LOG = LoggerFactory.getLogger(PaperAccountStore.class);
    public static final int SCHEMA = 1;
    private static final String ORDER_COLS = "account, epoch, client_id, order_id, symbol, side, type, quantity, limit_price, stop_price, tif, "
            + "expire_time, stop_loss, take_profit, origin, book, risk_override, state, filled, notional, fees, created, updated, reason, "
            + "parent_client_id, oco_client_id, reduce_only, triggered, seen_market, reserved_cash";
    private static final String FILL_COLS = "account, epoch, fill_id, order_id, client_id, symbol, side, quantity, price, fee, liquidity, time, book";

    /** One account epoch read back; {@code skipped} rows did not read and were left in the store. */
    public record Loaded(long epoch, PaperAccountState state, int skipped) {
    }

    private final SqliteDatabase db;

    public PaperAccountStore(SqliteDatabase db) {
        if (db == null) {
            throw new IllegalArgumentException("db is null");
        }
        this.db = db;
        db.inTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS paper_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
                int stored = storedSchema(c);
                if (stored > SCHEMA) {
                    throw new StoreException("the paper accounts in " + db.file() + " were written by a newer Concord (paper schema " + stored
                            + ", this build reads " + SCHEMA + "); refusing to open them rather than lose them: run the newer build, or move "
                            + db.file().getFileName() + " aside to start new accounts");
                }
                s.execute("CREATE TABLE IF NOT EXISTS paper_epochs (account TEXT NOT NULL, epoch INTEGER NOT NULL, initial_cash REAL NOT NULL, "
                        + "started_at INTEGER NOT NULL, archived_at INTEGER, PRIMARY KEY (account, epoch))");
                s.execute("CREATE TABLE IF NOT EXISTS paper_orders (account TEXT NOT NULL, epoch INTEGER NOT NULL, client_id TEXT NOT NULL, "
                        + "order_id INTEGER NOT NULL, symbol TEXT, side TEXT, type TEXT, quantity REAL, limit_price REAL, stop_price REAL, "
                        + "tif TEXT, expire_time INTEGER, stop_loss REAL, take_profit REAL, origin TEXT, book TEXT, risk_override INTEGER, "
                        + "state TEXT, filled REAL, notional REAL, fees REAL, created INTEGER, updated INTEGER, reason TEXT, "
                        + "parent_client_id TEXT, oco_client_id TEXT, reduce_only INTEGER, triggered INTEGER, seen_market INTEGER, "
                        + "reserved_cash REAL, PRIMARY KEY (account, epoch, client_id))");
                s.execute("CREATE TABLE IF NOT EXISTS paper_fills (account TEXT NOT NULL, epoch INTEGER NOT NULL, fill_id INTEGER NOT NULL, "
                        + "order_id INTEGER, client_id TEXT, symbol TEXT, side TEXT, quantity REAL, price REAL, fee REAL, liquidity TEXT, "
                        + "time INTEGER, book TEXT, PRIMARY KEY (account, epoch, fill_id))");
                if (stored == 0) {
                    s.execute("INSERT INTO paper_meta(key, value) VALUES ('schema', '" + SCHEMA + "')");
                }
            }
            return null;
        });
    }

    private static int storedSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT value FROM paper_meta WHERE key = 'schema'")) {
            if (!rs.next()) {
                return 0;
            }
            try {
                return Integer.parseInt(rs.getString(1).trim());
            } catch (RuntimeException e) {
                throw new StoreException("paper_meta schema is '" + rs.getString(1) + "', not a number: refusing to open the paper accounts");
            }
        }
    }

    /** {@code account}'s open epoch, created at {@code initialCash} when there is none (a new data directory, or all archived). */
    public Loaded load(String account, double initialCash, long now) {
        requireAccount(account);
        return db.inTransaction(c -> {
            long epoch;
            double cash;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT epoch, initial_cash FROM paper_epochs WHERE account = ? AND archived_at IS NULL ORDER BY epoch DESC LIMIT 1")) {
                ps.setString(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        epoch = rs.getLong(1);
                        cash = rs.getDouble(2);
                    } else {
                        epoch = openEpoch(c, account, initialCash, now);
                        cash = initialCash;
                    }
                }
            }
            Skips skips = new Skips();
            List<Fill> fills = readFills(c, account, epoch, skips);
            List<PaperOrderRecord> orders = readOrders(c, account, epoch, skips);
            long nextOrder = 1 + maxOf(c, "SELECT MAX(order_id) FROM paper_orders WHERE account = ?", account);
            long nextFill = 1 + maxOf(c, "SELECT MAX(fill_id) FROM paper_fills WHERE account = ?", account);
            if (skips.count > 0) {
                LOG.warn("paper account '{}' (epoch {}): skipped {} unreadable stored row(s), left in the store untouched (first: {})",
                        account, epoch, skips.count, skips.first);
            }
            LOG.info("paper account '{}' restored (epoch {}): {} fills, {} orders, {} working", account, epoch, fills.size(), orders.size(),
                    orders.stream().filter(o -> o.state().isWorking()).count());
            return new Loaded(epoch, new PaperAccountState(cash, orders, fills, nextOrder, nextFill), skips.count);
        });
    }

    /** Archives {@code epoch} (its rows stay) and opens the next one at {@code initialCash}; returns the new epoch. */
    public long archive(String account, long epoch, double initialCash, long now) {
        requireAccount(account);
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE paper_epochs SET archived_at = ? WHERE account = ? AND epoch = ? AND archived_at IS NULL")) {
                ps.setLong(1, now);
                ps.setString(2, account);
                ps.setLong(3, epoch);
                ps.executeUpdate();
            }
            return openEpoch(c, account, initialCash, now);
        });
    }

    /** The archived epochs of {@code account}, oldest first. */
    public List<Long> archivedEpochs(String account) {
        return db.withConnection(c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT epoch FROM paper_epochs WHERE account = ? AND archived_at IS NOT NULL ORDER BY epoch")) {
                ps.setString(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    /** Writes fills (appended; one already stored is kept) and order rows (the newest state wins) in one transaction. */
    public void write(String account, long epoch, List<Fill> fills, List<PaperOrderRecord> orders) {
        requireAccount(account);
        if (fills.isEmpty() && orders.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO paper_fills(" + FILL_COLS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (Fill f : fills) {
                    bindFill(ps, account, epoch, f);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO paper_orders(" + ORDER_COLS
                    + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (PaperOrderRecord o : orders) {
                    bindOrder(ps, account, epoch, o);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ rows

    private static final class Skips {
        int count;
        String first;

        void add(String table, String key, RuntimeException e) {
            if (count++ == 0) {
                first = table + " " + key + ": " + e.getMessage();
            }
        }
    }

    private static long openEpoch(Connection c, String account, double initialCash, long now) throws SQLException {
        if (!(initialCash > 0) || Double.isInfinite(initialCash)) {
            throw new IllegalArgumentException("initial cash must be finite and > 0, got " + initialCash);
        }
        long epoch = 1 + maxOf(c, "SELECT MAX(epoch) FROM paper_epochs WHERE account = ?", account);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO paper_epochs(account, epoch, initial_cash, started_at) VALUES (?,?,?,?)")) {
            ps.setString(1, account);
            ps.setLong(2, epoch);
            ps.setDouble(3, initialCash);
            ps.setLong(4, now);
            ps.executeUpdate();
        }
        return epoch;
    }

    private static long maxOf(Connection c, String sql, String account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0; // MAX of no rows is NULL: getLong reads it as 0
            }
        }
    }

    private static List<Fill> readFills(Connection c, String account, long epoch, Skips skips) throws SQLException {
        List<Fill> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + FILL_COLS + " FROM paper_fills WHERE account = ? AND epoch = ? ORDER BY fill_id")) {
            ps.setString(1, account);
            ps.setLong(2, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        out.add(new Fill(rs.getLong("fill_id"), rs.getLong("order_id"), rs.getString("client_id"), symbol(rs, "symbol"),
                                OrderSide.valueOf(text(rs, "side")), real(rs, "quantity"), real(rs, "price"), real(rs, "fee"),
                                Liquidity.valueOf(text(rs, "liquidity")), integer(rs, "time"), rs.getString("book")));
                    } catch (RuntimeException e) {
                        skips.add("paper_fills", "fill " + rs.getString("fill_id"), e);
                    }
                }
            }
        }
        return out;
    }

    private static List<PaperOrderRecord> readOrders(Connection c, String account, long epoch, Skips skips) throws SQLException {
        List<PaperOrderRecord> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + ORDER_COLS + " FROM paper_orders WHERE account = ? AND epoch = ? ORDER BY order_id")) {
            ps.setString(1, account);
            ps.setLong(2, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    try {
                        OrderRequest r = new OrderRequest(rs.getString("client_id"), symbol(rs, "symbol"), OrderSide.valueOf(text(rs, "side")),
                                OrderType.valueOf(text(rs, "type")), real(rs, "quantity"), real(rs, "limit_price"), real(rs, "stop_price"),
                                TimeInForce.valueOf(text(rs, "tif")), integer(rs, "expire_time"), real(rs, "stop_loss"), real(rs, "take_profit"),
                                OrderOrigin.valueOf(text(rs, "origin")), rs.getString("book"), integer(rs, "risk_override") != 0);
                        out.add(new PaperOrderRecord(rs.getLong("order_id"), r, OrderState.valueOf(text(rs, "state")), real(rs, "filled"),
                                real(rs, "notional"), real(rs, "fees"), integer(rs, "created"), integer(rs, "updated"), rs.getString("reason"),
                                rs.getString("parent_client_id"), rs.getString("oco_client_id"), integer(rs, "reduce_only") != 0,
                                integer(rs, "triggered") != 0, integer(rs, "seen_market") != 0, real(rs, "reserved_cash")));
                    } catch (RuntimeException e) {
                        skips.add("paper_orders", "order " + rs.getString("client_id"), e);
                    }
                }
            }
        }
        return out;
    }

    private static void bindFill(PreparedStatement ps, String account, long epoch, Fill f) throws SQLException {
        ps.setString(1, account);
        ps.setLong(2, epoch);
        ps.setLong(3, f.fillId());
        ps.setLong(4, f.orderId());
        ps.setString(5, f.clientOrderId());
        ps.setString(6, f.symbol().code());
        ps.setString(7, f.side().name());
        ps.setDouble(8, f.quantity());
        ps.setDouble(9, f.price());
        ps.setDouble(10, f.fee());
        ps.setString(11, f.liquidity().name());
        ps.setLong(12, f.time());
        ps.setString(13, f.book());
    }

    private static void bindOrder(PreparedStatement ps, String account, long epoch, PaperOrderRecord o) throws SQLException {
        OrderRequest r = o.request();
        ps.setString(1, account);
        ps.setLong(2, epoch);
        ps.setString(3, r.clientOrderId());
        ps.setLong(4, o.orderId());
        ps.setString(5, r.symbol().code());
        ps.setString(6, r.side().name());
        ps.setString(7, r.type().name());
        ps.setDouble(8, r.quantity());
        ps.setDouble(9, r.limitPrice());
        ps.setDouble(10, r.stopPrice());
        ps.setString(11, r.timeInForce().name());
        ps.setLong(12, r.expireTime());
        ps.setDouble(13, r.stopLoss());
        ps.setDouble(14, r.takeProfit());
        ps.setString(15, r.origin().name());
        ps.setString(16, r.book());
        ps.setInt(17, r.riskOverride() ? 1 : 0);
        ps.setString(18, o.state().name());
        ps.setDouble(19, o.filled());
        ps.setDouble(20, o.notionalFilled());
        ps.setDouble(21, o.fees());
        ps.setLong(22, o.createdTime());
        ps.setLong(23, o.updatedTime());
        ps.setString(24, o.reason());
        ps.setString(25, o.parentClientId());
        ps.setString(26, o.ocoClientId());
        ps.setInt(27, o.reduceOnly() ? 1 : 0);
        ps.setInt(28, o.triggered() ? 1 : 0);
        ps.setInt(29, o.seenMarket() ? 1 : 0);
        ps.setDouble(30, o.reservedCash());
    }

    /** A REAL column as stored: a text or NULL where a number belongs is an unreadable row, not a 0. */
    private static double real(ResultSet rs, String col) throws SQLException {
        Object v = rs.getObject(col);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(col + " is " + (v == null ? "missing" : "'" + v + "', not a number"));
        }
        return n.doubleValue();
    }

    private static long integer(ResultSet rs, String col) throws SQLException {
        Object v = rs.getObject(col);
        if (!(v instanceof Integer || v instanceof Long)) {
            throw new IllegalArgumentException(col + " is " + (v == null ? "missing" : "'" + v + "', not an integer"));
        }
        return ((Number) v).longValue();
    }

    private static String text(ResultSet rs, String col) throws SQLException {
        String v = rs.getString(col);
        if (v == null) {
            throw new IllegalArgumentException(col + " is missing");
        }
        return v;
    }

    private static Symbol symbol(ResultSet rs, String col) throws SQLException {
        return Symbol.of(text(rs, col));
    }

    private static void requireAccount(String account) {
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("account name is required");
        }
    }
}
