package org.concord.training.models;

import org.concord.model.Action;
import org.concord.training.frames.FrameSpec;

/**
 * A deployable model version: the CNN, the meta-model (optional) and their manifest, or the cold-start stand-in
 * when no trained model exists (HOLD at the default confidence 0.5, and it says so). Inference runs on one
 * thread at a time (the decision thread); the coordinator's {@code ModelSlot} guarantees it is never closed
 * while a decision uses it.
 */
public final class ModelBundle implements AutoCloseable {
    public static final double COLD_CONFIDENCE = 0.5;

    private final String modelId;
    private final ModelManifest manifest;
    private final FrameSpec spec;
    private final CnnSignalModel cnn;
    private final MetaModel meta;
    private final StaleGuard guard;
    private final String coldReason;
    private final float[] probs = new float[3];
    private final float[] metaRow;
    private double recentVol = Double.NaN;
    private long decisions;

    private ModelBundle(String modelId, ModelManifest manifest, FrameSpec spec, CnnSignalModel cnn, MetaModel meta,
                        StaleGuard guard, String coldReason) {
        this.modelId = modelId;
        this.manifest = manifest;
        this.spec = spec;
        this.cnn = cnn;
        this.meta = meta;
        this.guard = guard == null ? StaleGuard.DEFAULT : guard;
        this.coldReason = coldReason;
        this.metaRow = new float[MetaFeatures.length(spec)];
    }

    public static ModelBundle of(ModelManifest manifest, FrameSpec spec, CnnSignalModel cnn, MetaModel meta, StaleGuard guard) {
        if (manifest == null || cnn == null) {
            throw new IllegalArgumentException("manifest and CNN are required");
        }
        return new ModelBundle(manifest.modelId(), manifest, spec, cnn, meta, guard, null);
    }

    /** The stand-in when there is no usable trained model. */
    public static ModelBundle coldStart(String modelId, FrameSpec spec, String reason) {
        return new ModelBundle(modelId, null, spec, null, null, null,
                "cold start: " + reason + "; confidence " + COLD_CONFIDENCE);
    }

    public String modelId() {
        return modelId;
    }

    public boolean coldStart() {
        return cnn == null;
    }

    /** Null at cold start. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** The version of a model with none trained and in use (cold start): an identifier, not words for a person. */
    public static final String NO_VERSION = "none";

    public String version() {
        return manifest == null ? NO_VERSION : manifest.version();
    }

    public FrameSpec spec() {
        return spec;
    }

    public MetaModel meta() {
        return meta;
    }

    public CnnSignalModel cnn() {
        return cnn;
    }

    /** What is said about this model (cold start reason), or "". */
    public String note() {
        return coldReason == null ? "" : coldReason;
    }

    /** The decision for one frame input ({@code spec.inputLength()} floats) at data time {@code now}. */
    public ModelVote predict(float[] input, long now) {
        if (cnn == null) {
            return new ModelVote(Action.HOLD, COLD_CONFIDENCE, COLD_CONFIDENCE, 0f, 0f, 1f, NO_VERSION, true, false, COLD_CONFIDENCE, coldReason);
        }
        cnn.probabilities(input, probs);
        int best = probs[0] >= probs[1] ? (probs[0] >= probs[2] ? 0 : 2) : (probs[1] >= probs[2] ? 1 : 2);
        double metaConf = COLD_CONFIDENCE;
        if (meta != null) {
            MetaFeatures.compute(spec, input, 0, probs, 0, metaRow, 0);
            metaConf = meta.probability(metaRow, 0);
        }
        trackVolatility(input);
        StaleGuard.Verdict v = guard.judge(manifest.dataRange().to(), now, manifest.trainingVolatility(), recentVol, decisions);
        return new ModelVote(Action.values()[best], probs[best], metaConf, probs[0], probs[1], probs[2], manifest.version(), false,
                v.stale(), v.weight(), v.reason());
    }

    /** EWMA (α = 0.05) of the base timeframe's one-bar return σ within each window: the drift measure. */
    private void trackVolatility(float[] input) {
        double vol = windowVolatility(spec, input, 0);
        recentVol = Double.isNaN(recentVol) ? vol : 0.95 * recentVol + 0.05 * vol;
        decisions++;
    }

    /** σ of the base timeframe's one-bar returns (percent) in one frame input. */
    public static double windowVolatility(FrameSpec spec, float[] x, int offset) {
        int w = spec.window();
        int ret = offset + 5 * w;
        double m = 0;
        for (int i = 0; i < w; i++) {
            m += x[ret + i];
        }
        m /= w;
        double v = 0;
        for (int i = 0; i < w; i++) {
            double d = x[ret + i] - m;
            v += d * d;
        }
        return Math.sqrt(v / w);
    }

    public boolean isClosed() {
        return cnn != null && cnn.isClosed();
    }

    @Override
    public void close() {
        if (cnn != null) {
            cnn.close();
        }
        if (meta != null) {
            meta.close();
        }
    }
}
