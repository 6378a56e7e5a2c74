package org.concord.training.models;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The meta-model as gradient-boosted trees (XGBoost4J, Apache-2.0; its native library ships inside the jar for
 * linux/macOS/windows and loads offline). Trained with one thread and a fixed seed, saved in XGBoost's UBJSON
 * format: identical training gives identical bytes, so a version's hash is reproducible. Silent (verbosity 0).
 */
public final class BoostedMetaModel implements MetaModel {
    public static final String KIND = "xgboost";
    public static final String FILE = "meta-xgboost.ubj";

    /** Hyperparameters (searched at random by the training loop). */
    public record Params(int rounds, int maxDepth, double eta, double subsample, double minChildWeight, double colsampleBynode) {
        public Params {
            if (rounds < 1 || maxDepth < 1 || !(eta > 0 && eta <= 1) || !(subsample > 0 && subsample <= 1) || !(minChildWeight >= 0)
                    || !(colsampleBynode > 0 && colsampleBynode <= 1)) {
                throw new IllegalArgumentException("boosted trees params out of range: " + this);
            }
        }
    }

    private final int width;
    private final Params params;
    private Booster booster;

    public BoostedMetaModel(int width, Params params) {
        if (width < 1 || params == null) {
            throw new IllegalArgumentException("width >= 1 and params are required");
        }
        this.width = width;
        this.params = params;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void fit(float[] x, int w, int[] y, int[] rows, long seed, BooleanSupplier cancelled) {
        if (w != width) {
            throw new IllegalArgumentException("width " + w + " != model width " + width);
        }
        float[] data = new float[rows.length * width];
        float[] labels = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(x, rows[i] * width, data, i * width, width);
            labels[i] = y[rows[i]];
        }
        Map<String, Object> p = new HashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", "logloss");
        p.put("max_depth", params.maxDepth());
        p.put("eta", params.eta());
        p.put("subsample", params.subsample());
        p.put("min_child_weight", params.minChildWeight());
        p.put("colsample_bynode", params.colsampleBynode()); // features drawn per split, as a random forest does
        p.put("tree_method", "hist");
        p.put("nthread", 1);   // deterministic, and never more than one core away from the decision thread
        p.put("seed", (int) seed);
        p.put("verbosity", 0);
        DMatrix m = null;
        try {
            m = new DMatrix(data, rows.length, width, Float.NaN);
            m.setLabel(labels);
            Booster b = XGBoost.train(m, p, params.rounds(), new HashMap<>(), null, null);
            if (booster != null) {
                booster.dispose();
            }
            booster = b;
        } catch (XGBoostError e) {
            throw new IllegalStateException("boosted trees training failed: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
        if (cancelled != null && cancelled.getAsBoolean()) {
            throw new CancellationException("after the boosted trees fit"); // reads after "cancelled" (TrainingJobRunner)
        }
    }

    @Override
    public double probability(float[] x, int offset) {
        if (booster == null) {
            throw new IllegalStateException("boosted trees not trained");
        }
        float[] row = Arrays.copyOfRange(x, offset, offset + width);
        DMatrix m = null;
        try {
            m = new DMatrix(row, 1, width, Float.NaN);
            return booster.predict(m)[0][0];
        } catch (XGBoostError e) {
            throw new IllegalStateException("boosted trees prediction failed: " + e.getMessage(), e);
        } finally {
            if (m != null) {
                m.dispose();
            }
        }
    }

    /** Total gain per feature (0 for features no split used). */
    @Override
    public double[] importance() {
        if (booster == null) {
            return null;
        }
        try {
            double[] out = new double[width];
            for (Map.Entry<String, Double> e : booster.getScore((String) null, "total_gain").entrySet()) {
                int j = Integer.parseInt(e.getKey().substring(1)); // "f<index>"
                if (j >= 0 && j < width) {
                    out[j] = e.getValue();
                }
            }
            return out;
        } catch (XGBoostError | RuntimeException e) {
            return null;
        }
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rounds", params.rounds());
        m.put("maxDepth", params.maxDepth());
        m.put("eta", params.eta());
        m.put("subsample", params.subsample());
        m.put("minChildWeight", params.minChildWeight());
        m.put("colsampleBynode", params.colsampleBynode());
        return m;
    }

    public Params hyper() {
        return params;
    }

    @Override
    public void save(Path dir) {
        try {
            Files.write(dir.resolve(FILE), booster.toByteArray("ubj"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write boosted trees " + dir, e);
        } catch (XGBoostError e) {
            throw new IllegalStateException("cannot serialise boosted trees: " + e.getMessage(), e);
        }
    }

    public static BoostedMetaModel load(Path dir, int width, Params params) {
        BoostedMetaModel m = new BoostedMetaModel(width, params);
        try {
            m.booster = XGBoost.loadModel(Files.readAllBytes(dir.resolve(FILE)));
            return m;
        } catch (IOException | XGBoostError e) {
            throw new IllegalArgumentException("cannot read boosted trees " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (booster != null) {
            booster.dispose();
            booster = null;
        }
    }
}
