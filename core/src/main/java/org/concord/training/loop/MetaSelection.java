package org.concord.training.loop;

import org.concord.training.models.BoostedMetaModel;
import org.concord.training.models.MetaModel;
import org.concord.training.models.MlpMetaModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Picks the meta-model: a small random hyperparameter search over the MLP and gradient-boosted trees (XGBoost), each
 * candidate scored by its mean out-of-sample AUC on walk-forward folds of the meta rows (purged, embargoed);
 * the best candidate is refit on all meta rows. Ties keep the trees (no native engine start, faster inference).
 */
final class MetaSelection {
    private static final Logger LOG = LoggerFactory.getLogger(MetaSelection.class);

    /** A scored candidate. */
    record Candidate(String kind, Map<String, Object> params, double meanAuc, double meanAccuracy) {
    }

    record Outcome(MetaModel model, List<Candidate> candidates, Candidate winner) {
    }

    private MetaSelection() {
    }

    static Outcome select(float[] x, int width, int[] y, long[] times, long[] horizonEnds, int folds, long embargoMs, int trials,
                          long seed, BooleanSupplier cancelled) {
        Random rnd = new Random(seed);
        List<MetaFactory> factories = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            MlpMetaModel.Params mp = new MlpMetaModel.Params(pick(rnd, 8, 16, 32), pick(rnd, 5, 10), 128, rnd.nextBoolean() ? 0.001f : 0.003f);
            factories.add(s -> new MlpMetaModel(width, mp, s));
            BoostedMetaModel.Params bp = new BoostedMetaModel.Params(pick(rnd, 50, 100, 200), pick(rnd, 2, 3, 4), rnd.nextBoolean() ? 0.05 : 0.1,
                    0.7, pick(rnd, 5, 20), 0.3);
            factories.add(s -> new BoostedMetaModel(width, bp));
        }
        List<WalkForward.Fold> split = WalkForward.split(times, horizonEnds, folds, embargoMs);
        List<Candidate> scored = new ArrayList<>();
        Candidate best = null;
        MetaFactory bestFactory = null;
        for (MetaFactory f : factories) {
            double aucSum = 0;
            double accSum = 0;
            int m = 0;
            String kind = null;
            Map<String, Object> params = null;
            for (WalkForward.Fold fold : split) {
                if (fold.train().length < 20) {
                    continue;
                }
                try (MetaModel model = f.create(seed + fold.index())) {
                    kind = model.kind();
                    params = model.params();
                    model.fit(x, width, y, fold.train(), seed + fold.index(), cancelled);
                    int[] truth = new int[fold.test().length];
                    float[] probs = new float[truth.length * 2];
                    for (int i = 0; i < truth.length; i++) {
                        int r = fold.test()[i];
                        truth[i] = y[r];
                        float p = (float) model.probability(x, r * width);
                        probs[2 * i] = 1 - p;
                        probs[2 * i + 1] = p;
                    }
                    Metrics mt = Metrics.of(truth, probs, new String[] {"wrong", "right"}, Metrics.majority(y, fold.train(), 2));
                    if (!Double.isNaN(mt.auc())) {
                        aucSum += mt.auc();
                        accSum += mt.accuracy();
                        m++;
                    }
                }
            }
            if (m == 0) {
                continue;
            }
            Candidate c = new Candidate(kind, params, aucSum / m, accSum / m);
            scored.add(c);
            LOG.info("meta candidate {} {}: mean OOS AUC {}", c.kind(), c.params(), String.format("%.3f", c.meanAuc()));
            if (best == null || c.meanAuc() > best.meanAuc() + 1e-9 || (Math.abs(c.meanAuc() - best.meanAuc()) <= 1e-9 && BoostedMetaModel.KIND.equals(c.kind()))) {
                best = c;
                bestFactory = f;
            }
        }
        if (best == null) {
            return new Outcome(null, scored, null);
        }
        int[] all = new int[y.length];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        MetaModel winner = bestFactory.create(seed);
        try {
            winner.fit(x, width, y, all, seed, cancelled);
        } catch (RuntimeException e) {
            winner.close();
            throw e;
        }
        return new Outcome(winner, scored, best);
    }

    private interface MetaFactory {
        MetaModel create(long seed);
    }

    private static int pick(Random r, int... options) {
        return options[r.nextInt(options.length)];
    }

    static Map<String, Object> describe(Candidate c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c.kind());
        m.put("params", c.params());
        m.put("meanOosAuc", c.meanAuc());
        m.put("meanOosAccuracy", c.meanAccuracy());
        return m;
    }
}
