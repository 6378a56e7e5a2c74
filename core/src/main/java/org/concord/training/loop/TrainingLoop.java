package org.concord.training.loop;

import org.concord.model.Action;
import org.concord.training.frames.FrameSpec;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.MetaFeatures;
import org.concord.training.models.MetaModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Trains the CNN with walk-forward validation (purged, embargoed: {@link WalkForward}), scores every fold out
 * of sample against the majority-class baseline, then selects and fits the meta-model on the CNN's
 * out-of-sample predictions ({@link MetaSelection}), and measures channel importance on the holdout.
 * Requires at least {@link Config#minBars} bars of the base timeframe.
 */
public final class TrainingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    static final String[] CLASSES = {Action.BUY.name(), Action.SELL.name(), Action.HOLD.name()};

    /**
     * @param embargoBars base-timeframe bars of embargo before each test block (-1: the label horizon)
     * @param metaTrials  random hyperparameter draws per meta-model kind
     */
    public record Config(int folds, int embargoBars, int labelHorizonBars, CnnSignalModel.Config cnn, int metaFolds, int metaTrials,
                         int minBars, int importanceSamples, long seed) {
        public static final int MIN_BARS = 1000;
        public static final Config DEFAULT = new Config(4, -1, 15, CnnSignalModel.Config.DEFAULT, 3, 2, MIN_BARS, 1000, 42);

        public Config {
            if (folds < 1 || metaFolds < 1 || metaTrials < 0 || minBars < 1 || importanceSamples < 0 || labelHorizonBars < 1 || cnn == null) {
                throw new IllegalArgumentException("training loop config out of range: " + this);
            }
        }

        public Config withCnn(CnnSignalModel.Config c) {
            return new Config(folds, embargoBars, labelHorizonBars, c, metaFolds, metaTrials, minBars, importanceSamples, seed);
        }

        public Config withMetaTrials0() {
            return new Config(folds, embargoBars, labelHorizonBars, cnn, metaFolds, 0, minBars, importanceSamples, seed);
        }

        public Config withSeed(long s) {
            return new Config(folds, embargoBars, labelHorizonBars, cnn, metaFolds, metaTrials, minBars, importanceSamples, s);
        }
    }

    private final Config config;

    public TrainingLoop(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("config is null");
        }
        this.config = config;
    }

    public Config config() {
        return config;
    }

    public TrainingResult run(SampleSet s, TrainingProgress progress, BooleanSupplier cancelled) {
        if (s.barsCovered() < config.minBars()) {
            throw new IllegalArgumentException("training needs at least " + config.minBars() + " bars of " + s.spec().base() + " history, got "
                    + s.barsCovered() + " for " + s.symbol() + " (" + s.size() + " samples)");
        }
        long t0 = System.nanoTime();
        FrameSpec spec = s.spec();
        TrainingProgress pr = progress == null ? TrainingProgress.NONE : progress;
        long embargoMs = (config.embargoBars() < 0 ? config.labelHorizonBars() : config.embargoBars()) * spec.base().millis();
        List<WalkForward.Fold> folds = WalkForward.split(s.times(), s.horizonEnds(), config.folds(), embargoMs);
        int n = s.size();
        float[] oosProbs = new float[n * 3];
        boolean[] hasOos = new boolean[n];
        List<Metrics> foldMetrics = new ArrayList<>();
        CnnSignalModel last = null;
        Metrics holdout = null;
        int epochs = config.cnn().epochs();
        // per-sample loss weights (expanded annotations); null keeps DJL's plain mean loss for unweighted sets
        double[] weights = s.unweighted() ? null : s.weights();
        try {
            for (WalkForward.Fold fold : folds) {
                if (fold.train().length == 0) {
                    throw new IllegalArgumentException("fold " + fold.index() + " has no training rows after purge/embargo");
                }
                CnnSignalModel cnn = CnnSignalModel.create(spec, config.cnn(), config.seed() + fold.index());
                try {
                    int k = fold.index();
                    cnn.fit(s.x(), s.labels(), weights, fold.train(), config.seed() + k,
                            (e, es, loss) -> pr.onEpoch(k, folds.size(), e, es, (k - 1) * epochs + e, folds.size() * epochs, loss), cancelled);
                    float[] probs = predict(cnn, s.x(), fold.test(), spec.inputLength());
                    int[] truth = new int[fold.test().length];
                    double[] testWeights = new double[truth.length];
                    for (int i = 0; i < truth.length; i++) {
                        int r = fold.test()[i];
                        truth[i] = s.labels()[r];
                        testWeights[i] = s.weights()[r];
                        System.arraycopy(probs, i * 3, oosProbs, r * 3, 3);
                        hasOos[r] = true;
                    }
                    Metrics m = Metrics.of(truth, probs, CLASSES, Metrics.majority(s.labels(), fold.train(), 3))
                            .withWeightedLoss(Metrics.weightedLoss(truth, probs, testWeights, 3));
                    foldMetrics.add(m);
                    pr.onFold(k, folds.size(), m);
                    LOG.info("fold {}/{}: train {} (purged {}, embargoed {}), test {}: {}", k, folds.size(), fold.train().length, fold.purged(),
                            fold.embargoed(), fold.test().length, m);
                    if (k == folds.size()) {
                        last = cnn;
                        holdout = m;
                    } else {
                        cnn.close();
                    }
                } catch (RuntimeException e) {
                    cnn.close();
                    throw e;
                }
            }
            Metrics oos = aggregate(s, folds, oosProbs);
            Map<String, Double> importance = channelImportance(last, s, folds.get(folds.size() - 1), holdout.accuracy());
            MetaPart meta = meta(s, oosProbs, hasOos, embargoMs, cancelled);
            double vol = 0;
            int[] lastTrain = folds.get(folds.size() - 1).train();
            for (int r : lastTrain) {
                vol += org.concord.training.models.ModelBundle.windowVolatility(spec, s.x(), r * spec.inputLength());
            }
            vol /= Math.max(1, lastTrain.length);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new TrainingResult(last, meta.model, foldMetrics, oos, holdout, importance, meta.candidates, meta.winner, meta.importance,
                    n, s.barsCovered(), s.dataFrom(), s.dataTo(), vol, ms, s.rejected());
        } catch (RuntimeException e) {
            if (last != null) {
                last.close();
            }
            throw e;
        }
    }

    private static float[] predict(CnnSignalModel cnn, float[] x, int[] rows, int len) {
        float[] out = new float[rows.length * 3];
        int batch = 512;
        float[] buf = new float[batch * len];
        float[] p = new float[batch * 3];
        for (int from = 0; from < rows.length; from += batch) {
            int m = Math.min(batch, rows.length - from);
            for (int j = 0; j < m; j++) {
                System.arraycopy(x, rows[from + j] * len, buf, j * len, len);
            }
            cnn.probabilitiesBatch(m == batch ? buf : java.util.Arrays.copyOf(buf, m * len), m, p);
            System.arraycopy(p, 0, out, from * 3, m * 3);
        }
        return out;
    }

    private static Metrics aggregate(SampleSet s, List<WalkForward.Fold> folds, float[] oosProbs) {
        List<Integer> rows = new ArrayList<>();
        for (WalkForward.Fold f : folds) {
            for (int r : f.test()) {
                rows.add(r);
            }
        }
        int[] truth = new int[rows.size()];
        float[] probs = new float[rows.size() * 3];
        double[] w = new double[rows.size()];
        for (int i = 0; i < truth.length; i++) {
            int r = rows.get(i);
            truth[i] = s.labels()[r];
            w[i] = s.weights()[r];
            System.arraycopy(oosProbs, r * 3, probs, i * 3, 3);
        }
        return Metrics.of(truth, probs, CLASSES, Metrics.majority(s.labels(), folds.get(0).train(), 3)).withWeightedLoss(Metrics.weightedLoss(truth, probs, w, 3));
    }

    /** Permutation importance per CNN channel on (a sample of) the holdout block. */
    private Map<String, Double> channelImportance(CnnSignalModel cnn, SampleSet s, WalkForward.Fold fold, double baseAcc) {
        Map<String, Double> out = new LinkedHashMap<>();
        int len = s.spec().inputLength();
        int w = s.spec().window();
        int m = Math.min(config.importanceSamples(), fold.test().length);
        if (m < 10) {
            return out;
        }
        int[] rows = java.util.Arrays.copyOfRange(fold.test(), fold.test().length - m, fold.test().length);
        float[] x = new float[m * len];
        int[] truth = new int[m];
        for (int j = 0; j < m; j++) {
            System.arraycopy(s.x(), rows[j] * len, x, j * len, len);
            truth[j] = s.labels()[rows[j]];
        }
        int[] ident = new int[m];
        for (int j = 0; j < m; j++) {
            ident[j] = j;
        }
        double base = accuracy(predict(cnn, x, ident, len), truth);
        Random rnd = new Random(config.seed());
        List<String> names = s.spec().channelNames();
        for (int c = 0; c < names.size(); c++) {
            float[] shuffled = x.clone();
            for (int j = m - 1; j > 0; j--) {
                int q = rnd.nextInt(j + 1);
                for (int t = 0; t < w; t++) {
                    int a = j * len + c * w + t;
                    int b = q * len + c * w + t;
                    float tmp = shuffled[a];
                    shuffled[a] = shuffled[b];
                    shuffled[b] = tmp;
                }
            }
            out.put(names.get(c), 100.0 * (base - accuracy(predict(cnn, shuffled, ident, len), truth)));
        }
        return out;
    }

    private static double accuracy(float[] probs, int[] truth) {
        int ok = 0;
        for (int i = 0; i < truth.length; i++) {
            if (Metrics.argmax(probs, i * 3, 3) == truth[i]) {
                ok++;
            }
        }
        return truth.length == 0 ? Double.NaN : ok / (double) truth.length;
    }

    private record MetaPart(MetaModel model, List<Map<String, Object>> candidates, Map<String, Object> winner, Map<String, Double> importance) {
    }

    private MetaPart meta(SampleSet s, float[] oosProbs, boolean[] hasOos, long embargoMs, BooleanSupplier cancelled) {
        FrameSpec spec = s.spec();
        int width = MetaFeatures.length(spec);
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (hasOos[i]) {
                rows.add(i);
            }
        }
        if (rows.size() < 100 || config.metaTrials() == 0) {
            LOG.info("meta-model skipped: {} out-of-sample rows (needs 100), {} trials", rows.size(), config.metaTrials());
            return new MetaPart(null, List.of(), Map.of("skipped", "too few out-of-sample rows: " + rows.size()), Map.of());
        }
        int m = rows.size();
        float[] mx = new float[m * width];
        int[] my = new int[m];
        long[] mt = new long[m];
        long[] mh = new long[m];
        for (int j = 0; j < m; j++) {
            int r = rows.get(j);
            MetaFeatures.compute(spec, s.x(), r * spec.inputLength(), oosProbs, r * 3, mx, j * width);
            int side = MetaFeatures.side(oosProbs, r * 3);
            my[j] = s.labels()[r] == (side > 0 ? Action.BUY.ordinal() : Action.SELL.ordinal()) ? 1 : 0;
            mt[j] = s.times()[r];
            mh[j] = s.horizonEnds()[r];
        }
        MetaSelection.Outcome o = MetaSelection.select(mx, width, my, mt, mh, config.metaFolds(), embargoMs, config.metaTrials(), config.seed(), cancelled);
        List<Map<String, Object>> cands = new ArrayList<>();
        for (MetaSelection.Candidate c : o.candidates()) {
            cands.add(MetaSelection.describe(c));
        }
        Map<String, Double> imp = new LinkedHashMap<>();
        if (o.model() != null && o.model().importance() != null) {
            double[] raw = o.model().importance();
            List<String> names = MetaFeatures.names(spec);
            for (int i = 0; i < raw.length && i < names.size(); i++) {
                imp.put(names.get(i), raw[i]);
            }
        }
        return new MetaPart(o.model(), cands, o.winner() == null ? Map.of() : MetaSelection.describe(o.winner()), imp);
    }
}
