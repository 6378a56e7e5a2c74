package org.concord.store;

import org.concord.model.Action;
import org.concord.model.InferenceFrameReference;
import org.concord.model.InferenceFrameReference.Barriers;
import org.concord.model.InferenceFrameReference.BarrierHit;
import org.concord.model.InferenceFrameReference.Outcome;
import org.concord.model.InferenceFrameReference.Source;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Inference-frame references in SQLite (never the tensors). Every write is one transaction: when it returns,
 * it is durable. Inference frames and annotation frames share the table ({@code source} tells them apart).
 */
public final class FrameStore {
    private static final String COLS = "id, symbol, timeframes, bar_counts, window_end, model_id, model_version, prediction, confidence, "
            + "content_hash, source, horizon_ms, barrier_upper, barrier_lower, label, return_pct, barrier_hit, exit_time, matured_at";
    private static final String INSERT = "INSERT INTO inference_frames(" + COLS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String SET_OUTCOME = "UPDATE inference_frames SET label=?, return_pct=?, barrier_hit=?, exit_time=?, matured_at=? WHERE id=?";

    private final SqliteDatabase db;

    public FrameStore(SqliteDatabase db) {
        if (db == null) {
            throw new IllegalArgumentException("db is null");
        }
        this.db = db;
        db.ensureSchema("CREATE TABLE IF NOT EXISTS inference_frames (id TEXT PRIMARY KEY, symbol TEXT NOT NULL, timeframes TEXT NOT NULL, "
                        + "bar_counts TEXT NOT NULL, window_end INTEGER NOT NULL, model_id TEXT NOT NULL, model_version TEXT NOT NULL, "
                        + "prediction TEXT NOT NULL, confidence REAL NOT NULL, content_hash TEXT NOT NULL, source TEXT NOT NULL, "
                        + "horizon_ms INTEGER NOT NULL, barrier_upper REAL, barrier_lower REAL, label TEXT, return_pct REAL, "
                        + "barrier_hit TEXT, exit_time INTEGER, matured_at INTEGER)",
                "CREATE INDEX IF NOT EXISTS inference_frames_by_time ON inference_frames(symbol, window_end)",
                "CREATE INDEX IF NOT EXISTS inference_frames_pending ON inference_frames(matured_at, window_end)",
                // pending frames by target time: a candle finds the frames it matures without scanning every pending row
                "CREATE INDEX IF NOT EXISTS inference_frames_due ON inference_frames(symbol, window_end + horizon_ms) WHERE matured_at IS NULL");
    }

    public SqliteDatabase database() {
        return db;
    }

    /** Inserts one frame; a frame id already stored is an error (nothing written). */
    public void insert(InferenceFrameReference ref) {
        insertAll(List.of(ref));
    }

    /** Inserts frames in one transaction (all or none). */
    public void insertAll(Collection<InferenceFrameReference> refs) {
        if (refs.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (InferenceFrameReference r : refs) {
                    bind(ps, r);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /**
     * Inserts or replaces one frame on {@code c} inside the caller's transaction (the annotation store saves an
     * annotation and its frame atomically).
     */
    public void upsert(Connection c, InferenceFrameReference ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT.replace("INSERT INTO", "INSERT OR REPLACE INTO"))) {
            bind(ps, ref);
            ps.executeUpdate();
        }
    }

    /** Records outcomes in one transaction. */
    public void setOutcomes(Collection<InferenceFrameReference> matured) {
        if (matured.isEmpty()) {
            return;
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(SET_OUTCOME)) {
                for (InferenceFrameReference r : matured) {
                    Outcome o = r.outcome();
                    if (o == null) {
                        throw new IllegalArgumentException("frame " + r.id() + " has no outcome");
                    }
                    ps.setString(1, o.label().name());
                    ps.setDouble(2, o.returnPct());
                    ps.setString(3, o.hit().name());
                    ps.setLong(4, o.exitTime());
                    ps.setLong(5, o.maturedAt());
                    ps.setString(6, r.id());
                    ps.addBatch();
                }
                int[] rows = ps.executeBatch();
                for (int i = 0; i < rows.length; i++) {
                    if (rows[i] == 0) {
                        throw new SQLException("no stored frame with id " + new ArrayList<>(matured).get(i).id());
                    }
                }
            }
            return null;
        });
    }

    public Optional<InferenceFrameReference> get(String id) {
        List<InferenceFrameReference> l = query("WHERE id=?", ps -> ps.setString(1, id));
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Unmatured frames whose time limit has passed by {@code now}, oldest first. */
    public List<InferenceFrameReference> due(long now, int limit) {
        return query("WHERE matured_at IS NULL AND window_end + horizon_ms <= ? ORDER BY window_end LIMIT ?", ps -> {
            ps.setLong(1, now);
            ps.setInt(2, limit);
        });
    }

    /** Unmatured frames of one symbol whose time limit has passed by {@code now}, oldest first. */
    public List<InferenceFrameReference> due(Symbol symbol, long now, int limit) {
        return query("WHERE matured_at IS NULL AND symbol=? AND window_end + horizon_ms <= ? ORDER BY window_end LIMIT ?", ps -> {
            ps.setString(1, symbol.code());
            ps.setLong(2, now);
            ps.setInt(3, limit);
        });
    }

    /** Unmatured frames of one symbol whose time limit (window end + horizon) lies in {@code (after, now]}, oldest first. */
    public List<InferenceFrameReference> due(Symbol symbol, long after, long now, int limit) {
        return query("WHERE matured_at IS NULL AND symbol=? AND window_end + horizon_ms > ? AND window_end + horizon_ms <= ? ORDER BY window_end LIMIT ?",
                ps -> {
                    ps.setString(1, symbol.code());
                    ps.setLong(2, after);
                    ps.setLong(3, now);
                    ps.setInt(4, limit);
                });
    }

    /** Unmatured frames of a symbol, oldest first. */
    public List<InferenceFrameReference> pending(Symbol symbol, int limit) {
        return query("WHERE matured_at IS NULL AND symbol=? ORDER BY window_end LIMIT ?", ps -> {
            ps.setString(1, symbol.code());
            ps.setInt(2, limit);
        });
    }

    /** Matured frames of a symbol with window end in {@code [from, to]}, oldest first ({@code source} null = all). */
    public List<InferenceFrameReference> matured(Symbol symbol, Source source, long from, long to) {
        return query("WHERE matured_at IS NOT NULL AND symbol=? AND window_end BETWEEN ? AND ?" + (source == null ? "" : " AND source=?")
                + " ORDER BY window_end, id", ps -> {
            ps.setString(1, symbol.code());
            ps.setLong(2, from);
            ps.setLong(3, to);
            if (source != null) {
                ps.setString(4, source.name());
            }
        });
    }

    /**
     * Frames of a symbol (matured or not) with window end in {@code [from, to]}, oldest first, at most
     * {@code limit} ({@code source} null = all; {@code modelId} null = any model).
     */
    public List<InferenceFrameReference> between(Symbol symbol, Source source, String modelId, long from, long to, int limit) {
        if (symbol == null || from > to || limit < 1) {
            throw new IllegalArgumentException("symbol required, from <= to and limit >= 1 (got " + from + ", " + to + ", " + limit + ")");
        }
        return query("WHERE symbol=? AND window_end BETWEEN ? AND ?" + (source == null ? "" : " AND source=?")
                + (modelId == null ? "" : " AND model_id=?") + " ORDER BY window_end, id LIMIT " + limit, ps -> {
            int i = 1;
            ps.setString(i++, symbol.code());
            ps.setLong(i++, from);
            ps.setLong(i++, to);
            if (source != null) {
                ps.setString(i++, source.name());
            }
            if (modelId != null) {
                ps.setString(i, modelId);
            }
        });
    }

    public long count(boolean maturedOnly) {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM inference_frames" + (maturedOnly ? " WHERE matured_at IS NOT NULL" : ""));
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Removes a frame (an annotation deleted by its author takes its frame with it). */
    public boolean delete(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM inference_frames WHERE id=?")) {
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<InferenceFrameReference> query(String where, Binder binder) {
        return db.withConnection(c -> {
            List<InferenceFrameReference> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM inference_frames " + where)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                    }
                }
            }
            return out;
        });
    }

    private static void bind(PreparedStatement ps, InferenceFrameReference r) throws SQLException {
        ps.setString(1, r.id());
        ps.setString(2, r.symbol().code());
        ps.setString(3, String.join(",", r.timeframes().stream().map(Timeframe::code).toList()));
        ps.setString(4, String.join(",", r.barCounts().stream().map(String::valueOf).toList()));
        ps.setLong(5, r.windowEnd());
        ps.setString(6, r.modelId());
        ps.setString(7, r.modelVersion());
        ps.setString(8, r.prediction().name());
        ps.setDouble(9, r.confidence());
        ps.setString(10, r.contentHash());
        ps.setString(11, r.source().name());
        ps.setLong(12, r.horizonMs());
        setNullable(ps, 13, r.barriers() == null ? Double.NaN : r.barriers().upper());
        setNullable(ps, 14, r.barriers() == null ? Double.NaN : r.barriers().lower());
        Outcome o = r.outcome();
        ps.setString(15, o == null ? null : o.label().name());
        setNullable(ps, 16, o == null ? Double.NaN : o.returnPct());
        ps.setString(17, o == null ? null : o.hit().name());
        if (o == null) {
            ps.setNull(18, Types.INTEGER);
            ps.setNull(19, Types.INTEGER);
        } else {
            ps.setLong(18, o.exitTime());
            ps.setLong(19, o.maturedAt());
        }
    }

    private static void setNullable(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static InferenceFrameReference read(ResultSet rs) throws SQLException {
        List<Timeframe> tfs = new ArrayList<>();
        for (String s : rs.getString(3).split(",")) {
            tfs.add(Timeframe.ofCode(s));
        }
        List<Integer> counts = new ArrayList<>();
        for (String s : rs.getString(4).split(",")) {
            counts.add(Integer.parseInt(s));
        }
        double up = nullable(rs, 13);
        double lo = nullable(rs, 14);
        Barriers barriers = Double.isNaN(up) && Double.isNaN(lo) ? null : new Barriers(up, lo);
        Outcome outcome = null;
        String label = rs.getString(15);
        if (label != null) {
            outcome = new Outcome(Action.valueOf(label), rs.getDouble(16), BarrierHit.valueOf(rs.getString(17)), rs.getLong(18), rs.getLong(19));
        }
        return new InferenceFrameReference(rs.getString(1), Symbol.of(rs.getString(2)), tfs, counts, rs.getLong(5), rs.getString(6),
                rs.getString(7), Action.valueOf(rs.getString(8)), rs.getDouble(9), rs.getString(10), Source.valueOf(rs.getString(11)),
                rs.getLong(12), barriers, outcome);
    }

    private static double nullable(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }
}
