package org.concord.training.models;

import org.concord.store.SqliteDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Model metadata in SQLite (beside the bars, annotations and frames): one row per saved version with its
 * outcome (SWAPPED = validated and made active, REJECTED = failed validation) and headline figures, for the
 * training panel's history. The files and the full manifest stay in the model directory.
 */
public final class ModelVersionStore {
    /** One saved version. */
    public record VersionRow(String modelId, String version, long createdAt, String state, double holdoutAccuracy,
                             double holdoutBaseline, double oosAuc, int samples, long dataFrom, long dataTo, String manifestHash) {
    }

    private final SqliteDatabase db;
    // versions per model as last read: the desk asks every second (the Models table), and a data directory's rows are
    // written only through this store (one process owns it), which drops a model's entry when it writes one
    private final Map<String, List<VersionRow>> cache = new ConcurrentHashMap<>();

    public ModelVersionStore(SqliteDatabase db) {
        if (db == null) {
            throw new IllegalArgumentException("db is null");
        }
        this.db = db;
        db.ensureSchema("CREATE TABLE IF NOT EXISTS model_versions (model_id TEXT NOT NULL, version TEXT NOT NULL, created_at INTEGER NOT NULL, "
                + "state TEXT NOT NULL, holdout_accuracy REAL, holdout_baseline REAL, oos_auc REAL, samples INTEGER NOT NULL, "
                + "data_from INTEGER NOT NULL, data_to INTEGER NOT NULL, manifest_hash TEXT NOT NULL, PRIMARY KEY (model_id, version))");
    }

    /** Records (or updates) a version's row durably. */
    public void record(ModelManifest m, String state) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO model_versions VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, m.modelId());
                ps.setString(2, m.version());
                ps.setLong(3, m.createdAt());
                ps.setString(4, state);
                setReal(ps, 5, m.holdout().accuracy());
                setReal(ps, 6, m.holdout().baselineAccuracy());
                setReal(ps, 7, m.oos().auc());
                ps.setInt(8, m.dataRange().samples());
                ps.setLong(9, m.dataRange().from());
                ps.setLong(10, m.dataRange().to());
                ps.setString(11, m.hash());
                ps.executeUpdate();
            }
            return null;
        });
        cache.remove(m.modelId());
    }

    /** Versions of a model, oldest first. */
    public List<VersionRow> list(String modelId) {
        return cache.computeIfAbsent(modelId, this::read);
    }

    private List<VersionRow> read(String modelId) {
        return db.withConnection(c -> {
            List<VersionRow> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM model_versions WHERE model_id=? ORDER BY version")) {
                ps.setString(1, modelId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new VersionRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), real(rs, 5), real(rs, 6),
                                real(rs, 7), rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getString(11)));
                    }
                }
            }
            return List.copyOf(out);
        });
    }

    private static void setReal(PreparedStatement ps, int i, double v) throws SQLException {
        if (Double.isNaN(v)) {
            ps.setNull(i, Types.REAL);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static double real(ResultSet rs, int i) throws SQLException {
        double v = rs.getDouble(i);
        return rs.wasNull() ? Double.NaN : v;
    }
}
