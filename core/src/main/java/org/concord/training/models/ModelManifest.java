package org.concord.training.models;

import org.concord.model.Timeframe;
import org.concord.training.eval.Calibration;
import org.concord.training.eval.Scorecard;
import org.concord.training.frames.FrameSpec;
import org.concord.training.loop.Metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON manifest beside a model version's files (see docs/training.md for an example). Everything needed to
 * rebuild the networks and their inputs: the frame spec, feature names, normalization, architecture and
 * hyperparameters; what it was trained on (data range) and how well it did (metrics, the baselines beside them,
 * calibration); the SHA-256 of each file; and {@code hash}: the SHA-256 of the canonical JSON of everything else
 * in the manifest (files' hashes included), verified when loading, so neither a file nor a parameter in the
 * manifest can change unnoticed.
 *
 * @param baselines        all out-of-sample rows against majority, always-long, always-flat and buy-and-hold: what
 *                         the promotion gate judges
 * @param holdoutBaselines the same for the newest block
 * @param calibration      Brier score, reliability and the temperature the deployed CNN applies
 * @param agent            retired: the configuration of a DQN agent trained with versions written before the agent was
 *                         removed (it never voted; docs/training.md), kept as read so those manifests keep their content
 *                         hash; null in every new version, and nothing reads it
 */
public record ModelManifest(int schema, String modelId, String version, long createdAt, String symbol,
                            List<String> timeframes, int window, List<String> featureNames, List<String> metaFeatureNames,
                            CnnSignalModel.Config cnn, NormalizationJson cnnNormalization, Label label,
                            String metaKind, Map<String, Object> metaParams, NormalizationJson metaNormalization,
                            Metrics oos, Metrics holdout, List<Metrics> folds, List<Map<String, Object>> metaCandidates,
                            Map<String, Double> channelImportance, Map<String, Double> metaImportance,
                            DataRange dataRange, double trainingVolatility, Map<String, Object> agent, Scorecard baselines,
                            Scorecard holdoutBaselines, Calibration calibration, Map<String, String> files, String hash) {
    /** 2: canonical content hash, baselines and calibration (a schema-1 manifest's hash covered only its files). */
    public static final int SCHEMA = 2;

    /** The frame spec this version was trained on. */
    public FrameSpec spec() {
        return new FrameSpec(timeframes.stream().map(Timeframe::ofCode).toList(), window);
    }

    /** The CNN's calibration temperature (1 when none was fitted). */
    public double temperature() {
        return calibration == null ? 1.0 : calibration.temperature();
    }

    /** Label rule used for the training data. */
    public record Label(String rule, int horizonBars, double profitTake, double stopLoss, int volLookback, double minWidthPct) {
    }

    /** The data the model was trained on (epoch ms of the first window end and of the last label's horizon end). */
    public record DataRange(long from, long to, int bars, int samples, int rejectedFrames) {
    }

    /** Normalization as plain lists for JSON. */
    public record NormalizationJson(List<Float> mean, List<Float> std, int groupLength) {
        public static NormalizationJson of(Normalization n) {
            if (n == null) {
                return null;
            }
            return new NormalizationJson(toList(n.mean()), toList(n.std()), n.groupLength());
        }

        public Normalization toNormalization() {
            float[] m = new float[mean.size()];
            float[] s = new float[std.size()];
            for (int i = 0; i < m.length; i++) {
                m[i] = mean.get(i);
                s[i] = std.get(i);
            }
            return new Normalization(m, s, groupLength);
        }

        private static List<Float> toList(float[] a) {
            List<Float> l = new ArrayList<>(a.length);
            for (float f : a) {
                l.add(f);
            }
            return l;
        }
    }

    public ModelManifest withFiles(Map<String, String> f, String h) {
        return new ModelManifest(schema, modelId, version, createdAt, symbol, timeframes, window, featureNames, metaFeatureNames, cnn,
                cnnNormalization, label, metaKind, metaParams, metaNormalization, oos, holdout, folds, metaCandidates, channelImportance,
                metaImportance, dataRange, trainingVolatility, agent, baselines, holdoutBaselines, calibration, f, h);
    }
}
