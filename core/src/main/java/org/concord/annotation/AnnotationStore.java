package org.concord.annotation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.SqliteDatabase;
import org.concord.store.FrameStore;

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
 * Annotations in SQLite, each saved with its frame reference in one transaction: when {@link #save} returns
 * the annotation is durable (WAL, synchronous=FULL) and survives a crash.
 *
 * <p><b>Ownership.</b> An annotation owns exactly one frame, {@code ann-<annotation id>} of source ANNOTATION
 * ({@link AnnotationFramer#frameId}). Saving refuses any other frame (a model's inference frame, another
 * annotation's), so a save never replaces someone else's row, and {@link #delete} removes only the annotation's own
 * frame. {@link #importAll} adds new ids and skips existing ones unless asked to replace them.
 */
public final class AnnotationStore {
    private static final String COLS = "id, symbol, timeframe, entry_time, entry_price, exit_time, exit_price, direction, pnl_pct, "
            + "stop_loss, take_profit, tags, note, created_at, updated_at, author, frame_id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SqliteDatabase db;
    private final FrameStore frames;

    public AnnotationStore(SqliteDatabase db, FrameStore frames) {
        if (db == null || frames == null || frames.database() != db) {
            throw new IllegalArgumentException("db and a frame store on the same database are required");
        }
        this.db = db;
        this.frames = frames;
        db.ensureSchema("CREATE TABLE IF NOT EXISTS annotations (id TEXT PRIMARY KEY, symbol TEXT NOT NULL, timeframe TEXT NOT NULL, "
                + "entry_time INTEGER NOT NULL, entry_price REAL NOT NULL, exit_time INTEGER NOT NULL, exit_price REAL NOT NULL, "
                + "direction TEXT NOT NULL, pnl_pct REAL NOT NULL, stop_loss REAL, take_profit REAL, tags TEXT NOT NULL, note TEXT NOT NULL, "
                + "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, author TEXT NOT NULL, frame_id TEXT)",
                "CREATE INDEX IF NOT EXISTS annotations_by_symbol ON annotations(symbol, entry_time)");
    }

    /** What an import did: annotations added, replaced (asked for) and skipped (their id exists). */
    public record ImportCounts(int added, int replaced, int skipped) {
    }

    /** Inserts or replaces one annotation (and its own frame) durably: the desk's create and edit. */
    public void save(Annotation a) {
        saveAll(List.of(a));
    }

    /** Inserts or replaces annotations and their own frames in one transaction: all or none. */
    public void saveAll(Collection<Annotation> list) {
        db.inTransaction(c -> {
            for (Annotation a : list) {
                write(c, a);
            }
            return null;
        });
    }

    /**
     * Saves imported annotations in one transaction (all or none): an id not stored yet is added; an id already
     * stored is replaced when {@code replaceExisting}, else skipped and counted.
     */
    public ImportCounts importAll(Collection<Annotation> list, boolean replaceExisting) {
        return db.inTransaction(c -> {
            int added = 0;
            int replaced = 0;
            int skipped = 0;
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM annotations WHERE id=?")) {
                for (Annotation a : list) {
                    exists.setString(1, a.id());
                    boolean stored;
                    try (ResultSet rs = exists.executeQuery()) {
                        stored = rs.next();
                    }
                    if (stored && !replaceExisting) {
                        skipped++;
                        continue;
                    }
                    write(c, a);
                    if (stored) {
                        replaced++;
                    } else {
                        added++;
                    }
                }
            }
            return new ImportCounts(added, replaced, skipped);
        });
    }

    private void write(Connection c, Annotation a) throws SQLException {
        if (a.frame() != null) {
            requireOwnFrame(c, a);
            frames.upsert(c, a.frame());
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO annotations(" + COLS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, a.id());
            ps.setString(2, a.symbol().code());
            ps.setString(3, a.timeframe().code());
            ps.setLong(4, a.entryTime());
            ps.setDouble(5, a.entryPrice());
            ps.setLong(6, a.exitTime());
            ps.setDouble(7, a.exitPrice());
            ps.setString(8, a.direction().name());
            ps.setDouble(9, a.pnlPct());
            nullable(ps, 10, a.stopLoss());
            nullable(ps, 11, a.takeProfit());
            try {
                ps.setString(12, JSON.writeValueAsString(a.tags()));
            } catch (JsonProcessingException e) {
                throw new SQLException("tags not serializable: " + e.getMessage(), e);
            }
            ps.setString(13, a.note());
            ps.setLong(14, a.createdAt());
            ps.setLong(15, a.updatedAt());
            ps.setString(16, a.author());
            ps.setString(17, a.frame() == null ? null : a.frame().id());
            ps.executeUpdate();
        }
    }

    /** Refuses a frame that is not this annotation's own (a model's frame, another annotation's): nothing is written. */
    private static void requireOwnFrame(Connection c, Annotation a) throws SQLException {
        InferenceFrameReference f = a.frame();
        String own = Annotation.frameId(a.id());
        if (!own.equals(f.id()) || f.source() != InferenceFrameReference.Source.ANNOTATION) {
            throw new IllegalArgumentException("annotation " + a.id() + " comes with frame '" + f.id() + "' (" + f.source()
                    + "): an annotation's frame is '" + own + "' of source ANNOTATION; nothing saved");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT source FROM inference_frames WHERE id=?")) {
            ps.setString(1, own);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && !InferenceFrameReference.Source.ANNOTATION.name().equals(rs.getString(1))) {
                    throw new IllegalArgumentException("frame '" + own + "' is stored as a " + rs.getString(1)
                            + " frame, not annotation " + a.id() + "'s; nothing saved");
                }
            }
        }
    }

    public Optional<Annotation> get(String id) {
        List<Annotation> l = query("WHERE id=?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** All annotations of a symbol, by entry time. */
    public List<Annotation> list(Symbol symbol) {
        return query("WHERE symbol=? ORDER BY entry_time, id", symbol.code());
    }

    public List<Annotation> all() {
        return query("ORDER BY symbol, entry_time, id", null);
    }

    public long count() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM annotations"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** Deletes an annotation and its own frame (never a frame of another source). */
    public boolean delete(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement f = c.prepareStatement("DELETE FROM inference_frames WHERE id=(SELECT frame_id FROM annotations WHERE id=?) "
                    + "AND source='" + InferenceFrameReference.Source.ANNOTATION.name() + "'");
                 PreparedStatement ps = c.prepareStatement("DELETE FROM annotations WHERE id=?")) {
                f.setString(1, id);
                f.executeUpdate();
                ps.setString(1, id);
                return ps.executeUpdate() > 0;
            }
        });
    }

    private List<Annotation> query(String where, String arg) {
        List<Annotation> out = new ArrayList<>();
        List<String> frameIds = new ArrayList<>();
        db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM annotations " + where)) {
                if (arg != null) {
                    ps.setString(1, arg);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(read(rs));
                        frameIds.add(rs.getString(17));
                    }
                }
            }
            return null;
        });
        for (int i = 0; i < out.size(); i++) {
            String fid = frameIds.get(i);
            if (fid != null) {
                InferenceFrameReference f = frames.get(fid).orElse(null);
                out.set(i, out.get(i).withFrame(f));
            }
        }
        return out;
    }

    private static Annotation read(ResultSet rs) throws SQLException {
        List<String> tags;
        try {
            tags = JSON.readValue(rs.getString(12), new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new SQLException("annotation " + rs.getString(1) + ": tags column is not a JSON list", e);
        }
        return new Annotation(rs.getString(1), Symbol.of(rs.getString(2)), Timeframe.ofCode(rs.getString(3)), rs.getLong(4), rs.getDouble(5),
                rs.getLong(6), rs.getDouble(7), AnnotationDirection.valueOf(rs.getString(8)), rs.getDouble(9), nullable(rs, 10), nullable(rs, 11),
                tags, rs.getString(13), rs.getLong(14), rs.getLong(15), rs.getString(16), null);
    }

    private static void nullable(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static double nullable(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }
}
