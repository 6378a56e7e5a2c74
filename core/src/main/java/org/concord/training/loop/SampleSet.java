package org.concord.training.loop;

import org.concord.model.Symbol;
import org.concord.training.frames.FrameSpec;

import java.util.Arrays;
import java.util.List;

/**
 * Training samples in time order, columnar: the frames' float inputs (flat, {@code n × spec.inputLength()}),
 * class labels ({@code Action.ordinal()}), window end times, label horizon ends (for purging), and the data
 * they were drawn from ({@code barsCovered} bars of the base timeframe over {@code [dataFrom, dataTo]}).
 *
 * @param rejected frames that were not used and why (hash mismatch, not rebuildable), for the report
 * @param weights  relative loss weight per sample (expanded annotations: entry 100, hold 25, …); all 1 for
 *                 inference frames and history, where the loss is the plain mean
 * @param entryPrices the price each sample's return is measured from (NaN where unknown): buy-and-hold baselines
 */
public record SampleSet(Symbol symbol, FrameSpec spec, float[] x, int[] labels, long[] times, long[] horizonEnds,
                        double[] returnsPct, String[] frameIds, int barsCovered, long dataFrom, long dataTo,
                        List<String> rejected, double[] weights, double[] entryPrices) {
    public SampleSet {
        int n = labels.length;
        if (weights == null) {
            weights = ones(n);
        }
        if (entryPrices == null) {
            entryPrices = new double[n];
            Arrays.fill(entryPrices, Double.NaN);
        }
        if (x.length != (long) n * spec.inputLength() || times.length != n || horizonEnds.length != n || returnsPct.length != n
                || (frameIds != null && frameIds.length != n) || weights.length != n || entryPrices.length != n) {
            throw new IllegalArgumentException("sample columns differ in length (n=" + n + ")");
        }
        for (int i = 0; i < n; i++) {
            if (i > 0 && times[i] < times[i - 1]) {
                throw new IllegalArgumentException("samples not in time order at " + i);
            }
            if (!(weights[i] > 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("sample weight must be finite and > 0, got " + weights[i] + " at " + i);
            }
        }
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    /** Unweighted samples (every weight 1). */
    public SampleSet(Symbol symbol, FrameSpec spec, float[] x, int[] labels, long[] times, long[] horizonEnds, double[] returnsPct,
                     String[] frameIds, int barsCovered, long dataFrom, long dataTo, List<String> rejected) {
        this(symbol, spec, x, labels, times, horizonEnds, returnsPct, frameIds, barsCovered, dataFrom, dataTo, rejected, null, null);
    }

    public int size() {
        return labels.length;
    }

    /** True when every weight is 1: the loss is the plain mean, as before weights existed. */
    public boolean unweighted() {
        for (double w : weights) {
            if (w != 1.0) {
                return false;
            }
        }
        return true;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        return w;
    }
}
