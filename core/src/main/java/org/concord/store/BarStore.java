package org.concord.store;

import org.concord.model.Bar;
import org.concord.model.BarChecks;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Bars per symbol × timeframe in SQLite. Keyed by (symbol, timeframe, open time): writing the same bar again is
 * a no-op and writing different values for a stored open time replaces them, so re-ingesting a source never
 * creates duplicates. Every write is one transaction; when it returns the bars are durable.
 *
 * <p>Bars dated in the future (beyond a clock plus their interval) are moved, not deleted, to the table
 * {@code bars_quarantine} by {@link #quarantineBeyond}: same columns plus why and when, so a person can inspect
 * them (and copy them back by hand if the clock was wrong).
 */
public final class BarStore {
    private static final Logger LOG = LoggerFactory.getLogger(BarStore.class);
    private static final String BAR_COLUMNS = "symbol, tf, open_time, open, high, low, close, volume";
    /** Distinct symbols by hopping the primary key (one index seek per symbol instead of a scan of every bar). */
    private static final String SYMBOLS = "WITH RECURSIVE s(x) AS (SELECT MIN(symbol) FROM bars UNION ALL "
            + "SELECT (SELECT MIN(symbol) FROM bars WHERE symbol > x) FROM s WHERE x IS NOT NULL) SELECT x FROM s WHERE x IS NOT NULL";
    private static final String UPSERT = "INSERT INTO bars(symbol, tf, open_time, open, high, low, close, volume) VALUES (?,?,?,?,?,?,?,?) "
            + "ON CONFLICT(symbol, tf, open_time) DO UPDATE SET open=excluded.open, high=excluded.high, low=excluded.low, "
            + "close=excluded.close, volume=excluded.volume WHERE open<>excluded.open OR high<>excluded.high "
            + "OR low<>excluded.low OR close<>excluded.close OR volume<>excluded.volume";
    private static final String COLS = "SELECT open_time, open, high, low, close, volume FROM bars WHERE symbol=? AND tf=? ";

    private final SqliteDatabase db;

    public BarStore(SqliteDatabase db) {
        if (db == null) {
            throw new IllegalArgumentException("db is null");
        }
        this.db = db;
        db.ensureSchema("CREATE TABLE IF NOT EXISTS bars (symbol TEXT NOT NULL, tf TEXT NOT NULL, open_time INTEGER NOT NULL, "
                + "open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL, volume REAL NOT NULL, "
                + "PRIMARY KEY (symbol, tf, open_time)) WITHOUT ROWID",
                "CREATE TABLE IF NOT EXISTS bars_quarantine (symbol TEXT NOT NULL, tf TEXT NOT NULL, open_time INTEGER NOT NULL, "
                + "open REAL NOT NULL, high REAL NOT NULL, low REAL NOT NULL, close REAL NOT NULL, volume REAL NOT NULL, "
                + "reason TEXT NOT NULL, quarantined_at INTEGER NOT NULL, PRIMARY KEY (symbol, tf, open_time)) WITHOUT ROWID");
    }

    /**
     * The repair rule for a store that holds bars dated in the future (written by an older build or a bad source):
     * every bar whose open time is beyond {@code now} plus its interval is moved to {@code bars_quarantine} in one
     * transaction, and one line is logged with the count per series. Nothing is deleted.
     *
     * @return bars moved
     */
    public long quarantineBeyond(long now) {
        List<String> moved = new ArrayList<>();
        long total = db.inTransaction(c -> {
            List<String> symbols = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SYMBOLS); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    symbols.add(rs.getString(1));
                }
            }
            long n = 0;
            String reason = "open time beyond " + Instant.ofEpochMilli(now) + " + its interval";
            try (PreparedStatement first = c.prepareStatement("SELECT MIN(open_time), COUNT(*) FROM bars WHERE symbol=? AND tf=? AND open_time > ?");
                 PreparedStatement copy = c.prepareStatement("INSERT OR REPLACE INTO bars_quarantine(" + BAR_COLUMNS + ", reason, quarantined_at) SELECT "
                         + BAR_COLUMNS + ", ?, ? FROM bars WHERE symbol=? AND tf=? AND open_time > ?");
                 PreparedStatement delete = c.prepareStatement("DELETE FROM bars WHERE symbol=? AND tf=? AND open_time > ?")) {
                for (String sym : symbols) {
                    for (Timeframe tf : Timeframe.values()) {
                        long limit = now + tf.millis();
                        first.setString(1, sym);
                        first.setString(2, tf.code());
                        first.setLong(3, limit);
                        long count;
                        long from;
                        try (ResultSet rs = first.executeQuery()) {
                            rs.next();
                            from = rs.getLong(1);
                            count = rs.getLong(2);
                        }
                        if (count == 0) {
                            continue;
                        }
                        copy.setString(1, reason);
                        copy.setLong(2, now);
                        copy.setString(3, sym);
                        copy.setString(4, tf.code());
                        copy.setLong(5, limit);
                        copy.executeUpdate();
                        delete.setString(1, sym);
                        delete.setString(2, tf.code());
                        delete.setLong(3, limit);
                        delete.executeUpdate();
                        moved.add(sym + " " + tf + ": " + count + " from " + Instant.ofEpochMilli(from));
                        n += count;
                    }
                }
            }
            return n;
        });
        if (total > 0) {
            LOG.warn("store {}: moved {} bars dated in the future (beyond {} + their interval) to bars_quarantine: {}",
                    db.file().getFileName(), total, Instant.ofEpochMilli(now), String.join("; ", moved));
        }
        return total;
    }

    /** Bars kept in {@code bars_quarantine}. */
    public long quarantined() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bars_quarantine"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    public SqliteDatabase database() {
        return db;
    }

    /**
     * Writes bars {@code [from, to)} of {@code series} in one transaction.
     *
     * @return rows inserted or changed (0 when all were already stored with the same values)
     * @throws IllegalArgumentException if any bar is invalid; then nothing is written
     */
    public int upsert(BarSeries series, int from, int to) {
        if (from < 0 || to > series.size() || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + "," + to + ") of " + series);
        }
        for (int i = from; i < to; i++) {
            String p = BarChecks.problem(series.open(i), series.high(i), series.low(i), series.close(i), series.volume(i));
            if (p != null) {
                throw new IllegalArgumentException("refusing to store invalid bar " + series.symbol() + " " + series.timeframe()
                        + " @" + series.time(i) + ": " + p + " (nothing written)");
            }
        }
        if (from == to) {
            return 0;
        }
        String sym = series.symbol().code();
        String tf = series.timeframe().code();
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (int i = from; i < to; i++) {
                    ps.setString(1, sym);
                    ps.setString(2, tf);
                    ps.setLong(3, series.time(i));
                    ps.setDouble(4, series.open(i));
                    ps.setDouble(5, series.high(i));
                    ps.setDouble(6, series.low(i));
                    ps.setDouble(7, series.close(i));
                    ps.setDouble(8, series.volume(i));
                    ps.addBatch();
                }
                int changed = 0;
                for (int r : ps.executeBatch()) {
                    changed += Math.max(r, 0);
                }
                return changed;
            }
        });
    }

    /**
     * Writes bars of any symbols/timeframes in one transaction (the DataProvider's write-behind batches).
     *
     * @return rows inserted or changed
     */
    public int upsertAll(Collection<Bar> bars) {
        if (bars.isEmpty()) {
            return 0;
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                for (Bar b : bars) {
                    ps.setString(1, b.symbol().code());
                    ps.setString(2, b.timeframe().code());
                    ps.setLong(3, b.openTime());
                    ps.setDouble(4, b.open());
                    ps.setDouble(5, b.high());
                    ps.setDouble(6, b.low());
                    ps.setDouble(7, b.close());
                    ps.setDouble(8, b.volume());
                    ps.addBatch();
                }
                int changed = 0;
                for (int r : ps.executeBatch()) {
                    changed += Math.max(r, 0);
                }
                return changed;
            }
        });
    }

    public int upsert(BarSeries series) {
        return upsert(series, 0, series.size());
    }

    /** Bars by the rules of {@link Direction}, oldest first. */
    public BarSeries query(Symbol symbol, Timeframe tf, long from, long to, int limit, Direction direction) {
        if (symbol == null || tf == null || direction == null) {
            throw new IllegalArgumentException("symbol, timeframe and direction are required");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        String sql = switch (direction) {
            case LATEST -> COLS + "AND open_time >= ? AND open_time <= ? ORDER BY open_time DESC LIMIT ?";
            case BEFORE -> COLS + "AND open_time >= ? AND open_time < ? ORDER BY open_time DESC LIMIT ?";
            case AFTER -> COLS + "AND open_time > ? AND open_time <= ? ORDER BY open_time ASC LIMIT ?";
        };
        boolean descending = direction != Direction.AFTER;
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, symbol.code());
                ps.setString(2, tf.code());
                ps.setLong(3, from);
                ps.setLong(4, to);
                ps.setInt(5, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    return read(rs, symbol, tf, descending, Math.min(limit, 4096));
                }
            }
        });
    }

    private static BarSeries read(ResultSet rs, Symbol symbol, Timeframe tf, boolean descending, int cap) throws SQLException {
        long[] t = new long[cap];
        double[][] v = new double[5][cap];
        int n = 0;
        while (rs.next()) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                for (int k = 0; k < 5; k++) {
                    v[k] = Arrays.copyOf(v[k], n * 2);
                }
            }
            t[n] = rs.getLong(1);
            for (int k = 0; k < 5; k++) {
                v[k][n] = rs.getDouble(k + 2);
            }
            n++;
        }
        BarSeries s = new BarSeries(symbol, tf, Math.max(1, n));
        for (int j = 0; j < n; j++) {
            int i = descending ? n - 1 - j : j;
            s.append(t[i], v[0][i], v[1][i], v[2][i], v[3][i], v[4][i]);
        }
        return s;
    }

    public long count(Symbol symbol, Timeframe tf) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM bars WHERE symbol=? AND tf=?")) {
                ps.setString(1, symbol.code());
                ps.setString(2, tf.code());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** {first, last} open times stored, or null when there are none. */
    public long[] range(Symbol symbol, Timeframe tf) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(open_time), MAX(open_time), COUNT(*) FROM bars WHERE symbol=? AND tf=?")) {
                ps.setString(1, symbol.code());
                ps.setString(2, tf.code());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getLong(3) > 0 ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
                }
            }
        });
    }

    /** Symbols that have any stored bars. */
    public List<Symbol> symbols() {
        return db.withConnection(c -> {
            List<Symbol> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT symbol FROM bars ORDER BY symbol"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Symbol.of(rs.getString(1)));
                }
            }
            return out;
        });
    }
}
