package org.concord.coordination;

/**
 * Default {@link MarketStateMeasure}, deliberately minimal (the shared indicators replace it later):
 * <ul>
 *   <li>trend strength: Kaufman's efficiency ratio {@code |close_t - close_t-n| / sum |close_i - close_i-1|}
 *       over {@code window} bars;</li>
 *   <li>volatility ratio: realized volatility of log returns over {@code window} bars over its exponentially
 *       weighted long-run level (half-life {@code longHalfLife} bars);</li>
 *   <li>liquidity ratio: mean volume over {@code window} bars over its exponentially weighted long-run mean.</li>
 * </ul>
 * Only past bars are read (no lookahead); allocation-free after construction.
 */
public final class EfficiencyRatioMeasure implements MarketStateMeasure {
    private final int window;
    private final double alpha;
    private final double[] closes;
    private final double[] r2;
    private final double[] vols;
    private int seen;
    // ring cursors, advanced by one per valid bar (no division per bar): the slot of the window's rings the next
    // bar goes to, and the slot of the closes' ring (window + 1 long) holding the latest close
    private int slot;
    private int last = -1;
    private double sumAbsDiff;
    private double sumR2;
    private double sumVol;
    private double longR2 = Double.NaN;
    private double longVol = Double.NaN;
    private final double[] absDiff;

    public EfficiencyRatioMeasure(int window, int longHalfLife) {
        if (window < 2 || longHalfLife < window) {
            throw new IllegalArgumentException("need window >= 2 and longHalfLife >= window, got " + window + "/" + longHalfLife);
        }
        this.window = window;
        this.alpha = 1 - Math.pow(0.5, 1.0 / longHalfLife);
        closes = new double[window + 1];
        r2 = new double[window];
        vols = new double[window];
        absDiff = new double[window];
    }

    /** 20-bar window, 500-bar long-run half-life. */
    public static EfficiencyRatioMeasure defaults() {
        return new EfficiencyRatioMeasure(20, 500);
    }

    @Override
    public void update(double close, double volume) {
        if (!(close > 0) || Double.isInfinite(close) || !(volume >= 0) || Double.isInfinite(volume)) {
            return; // a bad bar does not poison the running sums
        }
        if (seen > 0) {
            double prev = closes[last];
            double d = Math.abs(close - prev);
            double lr = Math.log(close / prev);
            double q = lr * lr;
            if (seen > window) {
                sumAbsDiff -= absDiff[slot];
                sumR2 -= r2[slot];
            }
            absDiff[slot] = d;
            r2[slot] = q;
            sumAbsDiff += d;
            sumR2 += q;
            longR2 = Double.isNaN(longR2) ? q : longR2 + alpha * (q - longR2);
        }
        if (seen >= window) {
            sumVol -= vols[slot];
        }
        vols[slot] = volume;
        sumVol += volume;
        longVol = Double.isNaN(longVol) ? volume : longVol + alpha * (volume - longVol);
        last = last == window ? 0 : last + 1;
        closes[last] = close;
        slot = slot + 1 == window ? 0 : slot + 1;
        seen++;
    }

    @Override
    public boolean ready() {
        return seen > window;
    }

    @Override
    public double trendStrength() {
        if (!ready() || !(sumAbsDiff > 0)) {
            return 0;
        }
        double now = closes[last];
        double then = closes[last == window ? 0 : last + 1]; // the ring's oldest: window bars before the latest
        return Math.min(1, Math.abs(now - then) / sumAbsDiff);
    }

    @Override
    public double volatilityRatio() {
        if (!ready() || !(longR2 > 0)) {
            return 1;
        }
        return Math.sqrt((sumR2 / window) / longR2);
    }

    @Override
    public double liquidityRatio() {
        if (!ready() || !(longVol > 0)) {
            return 1;
        }
        return (sumVol / window) / longVol;
    }
}
