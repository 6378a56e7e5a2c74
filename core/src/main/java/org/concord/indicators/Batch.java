package org.concord.indicators;

import org.concord.model.BarSeries;

/**
 * The batch form: a whole series into {@code double[]} columns, by driving the incremental form bar by bar (so
 * the two are identical by construction, and the incremental form is what the tests check). The indicator is
 * {@link Indicator#reset reset} first and holds the last bar's state afterwards.
 */
public final class Batch {
    private Batch() {
    }

    /** Every output of {@code indicator} over {@code series}: {@code [output][bar]}. */
    public static double[][] run(BarIndicator indicator, BarSeries series) {
        if (indicator == null || series == null) {
            throw new IllegalArgumentException("indicator and series are required");
        }
        indicator.reset();
        int n = series.size();
        int outs = indicator.outputCount();
        double[][] out = new double[outs][n];
        for (int i = 0; i < n; i++) {
            indicator.onBar(series, i);
            for (int k = 0; k < outs; k++) {
                out[k][i] = indicator.output(k);
            }
        }
        return out;
    }

    /** The primary output ({@link Indicator#value()}) of {@code indicator} over {@code series}. */
    public static double[] values(BarIndicator indicator, BarSeries series) {
        return run(indicator, series)[0];
    }

    /** Every output of a single-input indicator over {@code xs}: {@code [output][index]}. */
    public static double[][] run(SeriesIndicator indicator, double[] xs) {
        if (indicator == null || xs == null) {
            throw new IllegalArgumentException("indicator and values are required");
        }
        indicator.reset();
        int outs = indicator.outputCount();
        double[][] out = new double[outs][xs.length];
        for (int i = 0; i < xs.length; i++) {
            indicator.update(xs[i]);
            for (int k = 0; k < outs; k++) {
                out[k][i] = indicator.output(k);
            }
        }
        return out;
    }

    /** The rolling correlation of two equally long series. */
    public static double[] run(Correlation correlation, double[] xs, double[] ys) {
        if (correlation == null || xs == null || ys == null || xs.length != ys.length) {
            throw new IllegalArgumentException("correlation and two series of equal length are required");
        }
        correlation.reset();
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            correlation.update(xs[i], ys[i]);
            out[i] = correlation.value();
        }
        return out;
    }
}
