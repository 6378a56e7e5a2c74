package org.concord.training.loop;

import org.concord.model.Action;
import org.concord.training.eval.Calibration;
import org.concord.training.eval.Scorecard;
import org.concord.training.frames.FrameSpec;
import org.concord.training.models.DjlNet;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.MetaFeatures;
import org.concord.training.models.MetaModel;
import org.concord.training.models.ModelBundle;
import org.concord.training.models.UnfoldConv1d;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Trains the CNN with walk-forward validation (purged, embargoed: {@link WalkForward}), scores every fold out
 * of sample against the baselines ({@link Metrics}: majority class; {@link Scorecard}: majority, always-long,
 * always-flat by accuracy and by P&L after costs), measures calibration on the out-of-fold probabilities and fits a
 * temperature on them ({@link Calibration}), then <b>refits the CNN on every row</b> — so the newest data, the last
 * block included, trains the deployed model — and selects and fits the meta-model on the CNN's (calibrated)
 * out-of-sample predictions ({@link MetaSelection}). Channel importance is measured with the last fold's model on
 * its test block. Requires at least {@link Config#minBars} bars of the base timeframe and
 * {@link Config#minFoldSamples} training and test rows in every fold.
 */
public final class TrainingLoop {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingLoop.class);
    static final String[] CLASSES = {Action.BUY.name(), Action.SELL.name(), Action.HOLD.name()};
    static final int FIT_ATTEMPTS = 3;

    /**
     * @param embargoBars    base-timeframe bars of embargo before each test block, beyond the purge (-1: the label horizon)
     * @param metaTrials     random hyperparameter draws per meta-model kind
     * @param minFoldSamples fewest training rows and fewest test rows any fold (the holdout included) may have
     * @param costPct        round-trip cost (percent) charged on every non-flat call in the P&L scores
     */
    public record Config(int folds, int embargoBars, int labelHorizonBars, CnnSignalModel.Config cnn, int metaFolds, int metaTrials,
                         int minBars, int importanceSamples, long seed, int minFoldSamples, double costPct) {
        public static final int MIN_BARS = 1000;
        public static final int MIN_FOLD_SAMPLES = 30;
        public static final Config DEFAULT = new Config(4, -1, 15, CnnSignalModel.Config.DEFAULT, 3, 2, MIN_BARS, 1000, 42);

        public Config {
            if (folds < 1 || metaFolds < 1 || metaTrials < 0 || minBars < 1 || importanceSamples < 0 || labelHorizonBars < 1 || cnn == null
                    || minFoldSamples < 1 || !(costPct >= 0)) {
                throw new IllegalArgumentException("training loop config out of range: " + this);
            }
        }

        /** At least {@link #MIN_FOLD_SAMPLES} rows per fold side; P&L after {@link Scorecard#DEFAULT_COST_PCT}. */
        public Config(int folds, int embargoBars, int labelHorizonBars, CnnSignalModel.Config cnn, int metaFolds, int metaTrials,
                      int minBars, int importanceSamples, long seed) {
            this(folds, embargoBars, labelHorizonBars, cnn, metaFolds, metaTrials, minBars, importanceSamples, seed, MIN_FOLD_SAMPLES,
                    Scorecard.DEFAULT_COST_PCT);
        }

        public Config withCnn(CnnSignalModel.Config c) {
            return new Config(folds, embargoBars, labelHorizonBars, c, metaFolds, metaTrials, minBars, importanceSamples, seed, minFoldSamples, costPct);
        }

        public Config withMetaTrials0() {
            return new Config(folds, embargoBars, labelHorizonBars, cnn, metaFolds, 0, minBars, importanceSamples, seed, minFoldSamples, costPct);
        }

        public Config withSeed(long s) {
            return new Config(folds, embargoBars, labelHorizonBars, cnn, metaFolds, metaTrials, minBars, importanceSamples, s, minFoldSamples, costPct);
        }

        public Config withMinFoldSamples(int m) {
            return new Config(folds, embargoBars, labelHorizonBars, cnn, metaFolds, metaTrials, minBars, importanceSamples, seed, m, costPct);
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
        checkFoldSizes(s, folds);
        int n = s.size();
        float[] oosProbs = new float[n * 3];
        boolean[] hasOos = new boolean[n];
        int[] foldOf = new int[n];
        int[] majorityOf = new int[n];
        List<Metrics> foldMetrics = new ArrayList<>();
        List<Scorecard> foldScores = new ArrayList<>();
        Metrics holdout = null;
        Map<String, Double> importance = Map.of();
        int epochs = config.cnn().epochs();
        int passes = folds.size() + 1; // the folds, then the refit on every row
        // per-sample loss weights (expanded annotations); null keeps DJL's plain mean loss for unweighted sets
        double[] weights = s.unweighted() ? null : s.weights();
        for (WalkForward.Fold fold : folds) {
            int k = fold.index();
            try (CnnSignalModel cnn = fit(s, weights, fold.train(), config.seed() + k, "fold " + k,
                    (e, es, loss) -> pr.onEpoch(k, passes, e, es, (k - 1) * epochs + e, passes * epochs, loss), cancelled)) {
                float[] probs = predict(cnn, s.x(), fold.test(), spec.inputLength());
                int majority = Metrics.majority(s.labels(), fold.train(), 3);
                int[] truth = new int[fold.test().length];
                double[] testWeights = new double[truth.length];
                for (int i = 0; i < truth.length; i++) {
                    int r = fold.test()[i];
                    truth[i] = s.labels()[r];
                    testWeights[i] = s.weights()[r];
                    System.arraycopy(probs, i * 3, oosProbs, r * 3, 3);
                    hasOos[r] = true;
                    foldOf[r] = k;
                    majorityOf[r] = majority;
                }
                Metrics m = Metrics.of(truth, probs, CLASSES, majority).withWeightedLoss(Metrics.weightedLoss(truth, probs, testWeights, 3));
                foldMetrics.add(m);
                Scorecard sc = score(s, fold.test(), oosProbs, majorityOf);
                foldScores.add(sc);
                pr.onFold(k, folds.size(), m, sc);
                LOG.info("fold {}/{}: train {} (purged {}, embargoed {}), test {}: {}", k, folds.size(), fold.train().length, fold.purged(),
                        fold.embargoed(), fold.test().length, m);
                if (k == folds.size()) {
                    holdout = m;
                    importance = channelImportance(cnn, s, fold, m.accuracy());
                }
            }
        }
        int[] oosRows = oosRows(folds);
        Metrics oos = aggregate(s, oosRows, oosProbs, majorityOf);
        Scorecard oosScore = score(s, oosRows, oosProbs, majorityOf);
        Calibration calibration = calibrate(s, oosRows, oosProbs, foldOf, folds);
        LOG.info("out of sample: {}; calibration: temperature {}, Brier {} raw, {} calibrated, {} climatology", oosScore.describe(),
                String.format(Locale.ROOT, "%.3f", calibration.temperature()), fmt(calibration.brier()),
                fmt(calibration.brierCalibrated()), fmt(calibration.brierClimatology()));
        // the deployed model: refit on every row, so the newest block (the holdout above) trains it too
        int[] all = identity(n);
        CnnSignalModel deployed = fit(s, weights, all, config.seed(), "the refit on every row",
                (e, es, loss) -> pr.onEpoch(passes, passes, e, es, (passes - 1) * epochs + e, passes * epochs, loss), cancelled);
        try {
            deployed.setTemperature(calibration.temperature());
            float[] calibrated = new float[oosProbs.length];
            for (int r : oosRows) {
                Calibration.scale(oosProbs, r * 3, calibration.temperature(), calibrated, r * 3, 3);
            }
            MetaPart meta = meta(s, calibrated, hasOos, embargoMs, cancelled);
            double vol = 0;
            for (int r : all) {
                vol += ModelBundle.windowVolatility(spec, s.x(), r * spec.inputLength());
            }
            vol /= Math.max(1, n);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            return new TrainingResult(deployed, meta.model, foldMetrics, oos, holdout, importance, meta.candidates, meta.winner, meta.importance,
                    n, s.barsCovered(), s.dataFrom(), s.dataTo(), vol, ms, s.rejected(), oosScore, foldScores, foldScores.get(foldScores.size() - 1),
                    calibration);
        } catch (RuntimeException e) {
            deployed.close();
            throw e;
        }
    }

    /**
     * A CNN fitted on {@code rows}. Fits once turned NaN at random (oneDNN's convolution kernels on AMD EPYC; fixed by
     * {@link UnfoldConv1d}); as a last line of defence a fit that ends non-finite is logged and done again on a fresh
     * network, up to {@link #FIT_ATTEMPTS} times, then the job fails with a clear message instead of deploying a model
     * whose every output is NaN.
     */
    private CnnSignalModel fit(SampleSet s, double[] weights, int[] rows, long seed, String what,
                               DjlNet.EpochListener listener, BooleanSupplier cancelled) {
        for (int attempt = 1; ; attempt++) {
            CnnSignalModel cnn = CnnSignalModel.create(s.spec(), config.cnn(), seed);
            try {
                double loss = cnn.fit(s.x(), s.labels(), weights, rows, seed, listener, cancelled);
                if (Double.isFinite(loss)) {
                    return cnn;
                }
                LOG.warn("CNN training of {} ended with a non-finite loss ({}), attempt {}", what, loss, attempt);
            } catch (RuntimeException e) {
                cnn.close();
                throw e;
            }
            cnn.close();
            if (attempt == FIT_ATTEMPTS) {
                throw new IllegalStateException("CNN training diverged (non-finite loss) " + FIT_ATTEMPTS + " times in " + what + " on " + rows.length
                        + " rows: not deploying it");
            }
        }
    }

    /** Every fold needs {@link Config#minFoldSamples} training and test rows: a figure from 3 rows is no evidence. */
    private void checkFoldSizes(SampleSet s, List<WalkForward.Fold> folds) {
        for (WalkForward.Fold f : folds) {
            if (f.train().length < config.minFoldSamples() || f.test().length < config.minFoldSamples()) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "too few samples: fold %d/%d has %d training and %d test rows after purge and embargo, needs at least %d of each "
                                + "(%d samples over %d bars of %s)", f.index(), folds.size(), f.train().length, f.test().length,
                        config.minFoldSamples(), s.size(), s.barsCovered(), s.symbol()));
            }
        }
    }

    private Scorecard score(SampleSet s, int[] rows, float[] probs, int[] majorityOf) {
        int[] truth = new int[rows.length];
        int[] predicted = new int[rows.length];
        double[] ret = new double[rows.length];
        double[] px = new double[rows.length];
        int[] maj = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int r = rows[i];
            truth[i] = s.labels()[r];
            predicted[i] = Metrics.argmax(probs, r * 3, 3);
            ret[i] = s.returnsPct()[r];
            px[i] = s.entryPrices()[r];
            maj[i] = majorityOf[r];
        }
        return Scorecard.of(truth, predicted, ret, px, maj, config.costPct());
    }

    private static Calibration calibrate(SampleSet s, int[] rows, float[] oosProbs, int[] foldOf, List<WalkForward.Fold> folds) {
        float[] p = new float[rows.length * 3];
        int[] truth = new int[rows.length];
        int[] fold = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(oosProbs, rows[i] * 3, p, i * 3, 3);
            truth[i] = s.labels()[rows[i]];
            fold[i] = foldOf[rows[i]];
        }
        // climatology: the class frequencies of the last fold's training rows (the most data any fold trained on)
        double[] prior = new double[3];
        int[] train = folds.get(folds.size() - 1).train();
        for (int r : train) {
            prior[s.labels()[r]] += 1.0 / train.length;
        }
        return Calibration.of(p, truth, fold, folds.size(), prior, 3);
    }

    private static int[] oosRows(List<WalkForward.Fold> folds) {
        List<Integer> rows = new ArrayList<>();
        for (WalkForward.Fold f : folds) {
            for (int r : f.test()) {
                rows.add(r);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
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
            cnn.probabilitiesBatch(m == batch ? buf : Arrays.copyOf(buf, m * len), m, p);
            System.arraycopy(p, 0, out, from * 3, m * 3);
        }
        return out;
    }

    /** All out-of-sample rows; the baseline of each row is its own fold's training majority (reported: the most frequent one). */
    private static Metrics aggregate(SampleSet s, int[] rows, float[] oosProbs, int[] majorityOf) {
        int[] truth = new int[rows.length];
        float[] probs = new float[rows.length * 3];
        double[] w = new double[rows.length];
        int[] count = new int[3];
        int base = 0;
        for (int i = 0; i < truth.length; i++) {
            int r = rows[i];
            truth[i] = s.labels()[r];
            w[i] = s.weights()[r];
            count[majorityOf[r]]++;
            base += truth[i] == majorityOf[r] ? 1 : 0;
            System.arraycopy(oosProbs, r * 3, probs, i * 3, 3);
        }
        int majority = count[0] >= count[1] && count[0] >= count[2] ? 0 : count[1] >= count[2] ? 1 : 2;
        Metrics m = Metrics.of(truth, probs, CLASSES, majority).withWeightedLoss(Metrics.weightedLoss(truth, probs, w, 3));
        return new Metrics(m.n(), m.accuracy(), m.auc(), truth.length == 0 ? Double.NaN : base / (double) truth.length, majority, m.perClass(),
                m.weightedLoss());
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
        int[] rows = Arrays.copyOfRange(fold.test(), fold.test().length - m, fold.test().length);
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
