package org.concord.app.live;

/**
 * The price axis's range: the visible bars' low to high, with the order and position lines kept in view that lie
 * near them. A line within {@link #REACH} of the bars' range beyond either end is fitted; one farther off is not,
 * and the order lines draw it at the plot's edge, pointing to its price. So the candles keep at least half of the
 * plot's height. Before, every line was fitted: a limit order 10 % below the market squashed a 2 % stretch of
 * candles into a fifth of the plot (seen on the desk, and in every acceptance screenshot after its first order).
 */
final class PriceFit {
    /** How far beyond the bars' range (as a fraction of it) a line is still fitted, at either end. */
    static final double REACH = 0.5;
    /** Room above and below what is fitted, as a fraction of its range. */
    static final double PAD = 0.06;

    private PriceFit() {
    }

    /** {min, max} of the axis for bars from {@code low} to {@code high} ({@code low <= high}) and {@code lines}' prices. */
    static double[] of(double low, double high, double[] lines) {
        if (!(low <= high)) {
            throw new IllegalArgumentException("the bars' low " + low + " is above their high " + high);
        }
        double reach = (high - low) * REACH;
        double min = low;
        double max = high;
        for (double p : lines) {
            if (p >= low - reach && p <= high + reach) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
        }
        double pad = Math.max((max - min) * PAD, max * 1e-4);
        return new double[] {min - pad, max + pad};
    }
}
