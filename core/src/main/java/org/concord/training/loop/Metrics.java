package org.concord.training.loop;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Classification metrics on out-of-sample predictions: accuracy, AUC (binary; for more classes the macro
 * average of one-vs-rest AUCs over classes present), per-class precision/recall, and the majority-class
 * baseline (always predicting the class most frequent in the training rows). Accuracy and AUC are unweighted;
 * {@code weightedLoss} is the sample-weighted cross-entropy {@code Σ wᵢ·(−ln pᵢ[yᵢ]) / Σ wᵢ} (the training
 * objective, see {@link #weightedLoss(int[], float[], double[], int)}), NaN where it was not computed.
 */
public record Metrics(int n, double accuracy, double auc, double baselineAccuracy, int baselineClass,
                      Map<String, ClassMetrics> perClass, double weightedLoss) {

    /** These metrics with the weighted loss set. */
    public Metrics withWeightedLoss(double loss) {
        return new Metrics(n, accuracy, auc, baselineAccuracy, baselineClass, perClass, loss);
    }

    /**
     * Weighted cross-entropy of predicted probabilities: {@code Σ wᵢ·(−ln max(pᵢ[yᵢ], 1e-7)) / Σ wᵢ}; NaN for no rows.
     *
     * @param weights one per row (null: all 1)
     */
    public static double weightedLoss(int[] truth, float[] probs, double[] weights, int k) {
        if (truth == null || probs == null || probs.length != truth.length * k || (weights != null && weights.length != truth.length)) {
            throw new IllegalArgumentException("truth, probs (rows × " + k + ") and weights (one per row) must agree");
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < truth.length; i++) {
            double w = weights == null ? 1 : weights[i];
            num += w * -Math.log(Math.max(probs[i * k + truth[i]], 1e-7));
            den += w;
        }
        return den == 0 ? Double.NaN : num / den;
    }

    /** Precision and recall of one class ({@code NaN} when undefined). */
    public record ClassMetrics(double precision, double recall, int support) {
    }

    /** Accuracy gain over the baseline, in percentage points. */
    public double liftPoints() {
        return 100.0 * (accuracy - baselineAccuracy);
    }

    /**
     * @param truth      true classes of the rows
     * @param probs      {@code rows × k} probabilities
     * @param classNames k names
     * @param majority   the majority class of the training rows (the baseline's constant prediction)
     */
    public static Metrics of(int[] truth, float[] probs, String[] classNames, int majority) {
        int k = classNames.length;
        int n = truth.length;
        if (probs.length != n * k) {
            throw new IllegalArgumentException("probs has " + probs.length + " values for " + n + " rows × " + k + " classes");
        }
        int[] tp = new int[k];
        int[] predicted = new int[k];
        int[] support = new int[k];
        int correct = 0;
        int base = 0;
        for (int i = 0; i < n; i++) {
            int p = argmax(probs, i * k, k);
            predicted[p]++;
            support[truth[i]]++;
            if (p == truth[i]) {
                correct++;
                tp[p]++;
            }
            if (truth[i] == majority) {
                base++;
            }
        }
        Map<String, ClassMetrics> per = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            per.put(classNames[c], new ClassMetrics(predicted[c] == 0 ? Double.NaN : tp[c] / (double) predicted[c],
                    support[c] == 0 ? Double.NaN : tp[c] / (double) support[c], support[c]));
        }
        double auc;
        if (k == 2) {
            auc = auc(truth, probs, 2, 1);
        } else {
            double s = 0;
            int m = 0;
            for (int c = 0; c < k; c++) {
                double a = auc(truth, probs, k, c);
                if (!Double.isNaN(a)) {
                    s += a;
                    m++;
                }
            }
            auc = m == 0 ? Double.NaN : s / m;
        }
        return new Metrics(n, n == 0 ? Double.NaN : correct / (double) n, auc, n == 0 ? Double.NaN : base / (double) n, majority, per, Double.NaN);
    }

    /** One-vs-rest AUC of class {@code c} by the rank-sum (Mann-Whitney) statistic with tie correction; NaN if one side is empty. */
    public static double auc(int[] truth, float[] probs, int k, int c) {
        int n = truth.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Float.compare(probs[a * k + c], probs[b * k + c]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            float v = probs[idx[i] * k + c];
            while (j + 1 < n && probs[idx[j + 1] * k + c] == v) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int q = i; q <= j; q++) {
                if (truth[idx[q]] == c) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** The most frequent class among {@code rows} of {@code labels} (lowest index on ties). */
    public static int majority(int[] labels, int[] rows, int k) {
        int[] count = new int[k];
        for (int r : rows) {
            count[labels[r]]++;
        }
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (count[c] > count[best]) {
                best = c;
            }
        }
        return best;
    }

    static int argmax(float[] p, int from, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (p[from + c] > p[from + best]) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "n=%d acc=%.3f auc=%.3f baseline=%.3f (%+.1f pts)%s", n, accuracy, auc, baselineAccuracy, liftPoints(),
                Double.isNaN(weightedLoss) ? "" : String.format(Locale.ROOT, " wloss=%.4f", weightedLoss));
    }
}
