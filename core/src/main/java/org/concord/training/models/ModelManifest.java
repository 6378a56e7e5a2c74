package org.concord.training.models;

import org.concord.training.loop.Metrics;

import java.util.List;
import java.util.Map;

/**
 * The JSON manifest beside a model version's files (see docs/training.md for an example). Everything needed to
 * rebuild the networks and their inputs: the frame spec, feature names, normalization, architecture and
 * hyperparameters; what it was trained on (data range) and how well it did (metrics); and the SHA-256 of each
 * file plus one {@code hash} over them, checked when loading. {@code agent} is the DQN's configuration when a
 * DQN agent was trained with this version (its state is the {@link MetaFeatures} vector), else null.
 */
public record ModelManifest(int schema, String modelId, String version, long createdAt, String symbol,
                            List<String> timeframes, int window, List<String> featureNames, List<String> metaFeatureNames,
                            CnnSignalModel.Config cnn, NormalizationJson cnnNormalization, Label label,
                            String metaKind, Map<String, Object> metaParams, NormalizationJson metaNormalization,
                            Metrics oos, Metrics holdout, List<Metrics> folds, List<Map<String, Object>> metaCandidates,
                            Map<String, Double> channelImportance, Map<String, Double> metaImportance,
                            DataRange dataRange, double trainingVolatility, DqnAgent.Config agent, Map<String, String> files, String hash) {
    public static final int SCHEMA = 1;

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
            List<Float> l = new java.util.ArrayList<>(a.length);
            for (float f : a) {
                l.add(f);
            }
            return l;
        }
    }

    public ModelManifest withFiles(Map<String, String> f, String h) {
        return new ModelManifest(schema, modelId, version, createdAt, symbol, timeframes, window, featureNames, metaFeatureNames, cnn,
                cnnNormalization, label, metaKind, metaParams, metaNormalization, oos, holdout, folds, metaCandidates, channelImportance,
                metaImportance, dataRange, trainingVolatility, agent, f, h);
    }
}
