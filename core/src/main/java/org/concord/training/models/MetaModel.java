package org.concord.training.models;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Meta-labeling: the probability that the primary signal's side is right ({@code meta_confidence}). Two
 * implementations compete out of sample (a small DJL MLP and XGBoost gradient-boosted trees); the winner is kept.
 */
public interface MetaModel extends AutoCloseable {
    /** "mlp" or "xgboost". */
    String kind();

    /** Trains on {@code rows} of flat {@code x} (rows of {@code width}) with 0/1 targets {@code y} (one per row of x). */
    void fit(float[] x, int width, int[] y, int[] rows, long seed, BooleanSupplier cancelled);

    /** P(primary side is right) for one row at {@code offset}. */
    double probability(float[] x, int offset);

    /** Per-feature importance where the model offers it natively (the trees' total gain), else null. */
    double[] importance();

    /** The hyperparameters, for the manifest. */
    Map<String, Object> params();

    void save(Path dir);

    @Override
    void close();
}
