package org.concord.training.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * How far the CNN's probabilities can be taken at their word, measured on out-of-sample rows: the multi-class Brier
 * score {@code mean Σ_c (p_c − y_c)²} next to the climatology's (always predicting the training class frequencies),
 * and a reliability curve of the top-class probability against how often that class was right (10 equal bins).
 *
 * <p>Calibration is temperature scaling ({@code p ∝ exp(ln p / T)}, one parameter, argmax unchanged) fitted by
 * minimum log-loss on validation (out-of-fold) predictions. The calibrated figures are honest: each fold's rows are
 * scaled with a temperature fitted on the other folds' rows only. The deployed model uses {@code temperature},
 * fitted on all out-of-fold rows.
 *
 * @param temperature           the deployed model's temperature
 * @param brier                 Brier score of the raw out-of-fold probabilities
 * @param brierCalibrated       Brier score after temperature scaling (fitted without the scored fold)
 * @param brierClimatology      Brier score of the training rows' class frequencies
 * @param reliability           the raw probabilities' curve
 * @param reliabilityCalibrated the calibrated probabilities' curve
 */
public record Calibration(String method, double temperature, int n, double brier, double brierCalibrated, double brierClimatology,
                          List<Bin> reliability, List<Bin> reliabilityCalibrated) {
    public static final int BINS = 10;

    /** One reliability bin: rows whose top-class probability lies in [from, to). */
    public record Bin(double from, double to, int count, double meanConfidence, double hitRate) {
    }

    public Calibration {
        reliability = List.copyOf(reliability);
        reliabilityCalibrated = List.copyOf(reliabilityCalibrated);
    }

    /**
     * @param probs   out-of-fold probabilities, {@code rows × k}
     * @param truth   true classes
     * @param fold    the fold of each row (1..folds)
     * @param prior   class frequencies of the training rows (climatology)
     */
    public static Calibration of(float[] probs, int[] truth, int[] fold, int folds, double[] prior, int k) {
        int n = truth.length;
        if (probs.length != n * k || fold.length != n || prior.length != k) {
            throw new IllegalArgumentException("probabilities (rows × " + k + "), truth, fold and prior must agree");
        }
        float[] calibrated = new float[probs.length];
        for (int f = 1; f <= folds; f++) {
            final int held = f;
            double t = fitTemperature(probs, truth, k, i -> fold[i] != held);
            for (int i = 0; i < n; i++) {
                if (fold[i] == held) {
                    scale(probs, i * k, t, calibrated, i * k, k);
                }
            }
        }
        double[] climate = new double[n * k];
        for (int i = 0; i < n; i++) {
            System.arraycopy(prior, 0, climate, i * k, k);
        }
        double t = fitTemperature(probs, truth, k, i -> true);
        return new Calibration("temperature", t, n, brier(probs, truth, k), brier(calibrated, truth, k), brierOf(climate, truth, k),
                reliability(probs, truth, k), reliability(calibrated, truth, k));
    }

    /** {@code p ∝ exp(ln p / t)} of one row into {@code out}. */
    public static void scale(float[] p, int from, double t, float[] out, int to, int k) {
        double max = Double.NEGATIVE_INFINITY;
        double[] z = new double[k];
        for (int c = 0; c < k; c++) {
            z[c] = Math.log(Math.max(p[from + c], 1e-12)) / t;
            max = Math.max(max, z[c]);
        }
        double s = 0;
        for (int c = 0; c < k; c++) {
            z[c] = Math.exp(z[c] - max);
            s += z[c];
        }
        for (int c = 0; c < k; c++) {
            out[to + c] = (float) (z[c] / s);
        }
    }

    /** The temperature in [0.05, 20] with the least log-loss over the selected rows (golden-section search on ln t). */
    static double fitTemperature(float[] probs, int[] truth, int k, IntPredicate rows) {
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = logLoss(probs, truth, k, rows, Math.exp(a));
        double fb = logLoss(probs, truth, k, rows, Math.exp(b));
        for (int it = 0; it < 60; it++) {
            if (fa <= fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = logLoss(probs, truth, k, rows, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = logLoss(probs, truth, k, rows, Math.exp(b));
            }
        }
        double best = Math.exp((lo + hi) / 2);
        return Double.isFinite(fa) ? best : 1.0; // no rows: leave the probabilities as they are
    }

    private static double logLoss(float[] probs, int[] truth, int k, IntPredicate rows, double t) {
        float[] row = new float[k];
        double sum = 0;
        int m = 0;
        for (int i = 0; i < truth.length; i++) {
            if (rows.test(i)) {
                scale(probs, i * k, t, row, 0, k);
                sum -= Math.log(Math.max(row[truth[i]], 1e-12));
                m++;
            }
        }
        return m == 0 ? Double.NaN : sum / m;
    }

    static double brier(float[] probs, int[] truth, int k) {
        double[] d = new double[probs.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = probs[i];
        }
        return brierOf(d, truth, k);
    }

    private static double brierOf(double[] probs, int[] truth, int k) {
        double s = 0;
        for (int i = 0; i < truth.length; i++) {
            for (int c = 0; c < k; c++) {
                double e = probs[i * k + c] - (truth[i] == c ? 1 : 0);
                s += e * e;
            }
        }
        return truth.length == 0 ? Double.NaN : s / truth.length;
    }

    static List<Bin> reliability(float[] probs, int[] truth, int k) {
        int[] count = new int[BINS];
        double[] conf = new double[BINS];
        int[] hits = new int[BINS];
        for (int i = 0; i < truth.length; i++) {
            int top = 0;
            for (int c = 1; c < k; c++) {
                if (probs[i * k + c] > probs[i * k + top]) {
                    top = c;
                }
            }
            double p = probs[i * k + top];
            int b = Math.min(BINS - 1, (int) (p * BINS));
            count[b]++;
            conf[b] += p;
            hits[b] += truth[i] == top ? 1 : 0;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            out.add(new Bin(b / (double) BINS, (b + 1) / (double) BINS, count[b], count[b] == 0 ? Double.NaN : conf[b] / count[b],
                    count[b] == 0 ? Double.NaN : hits[b] / (double) count[b]));
        }
        return out;
    }
}
