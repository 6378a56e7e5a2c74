package org.concord.coordination;

import java.util.Locale;

/**
 * The four holding horizons models are grouped into. Holding periods are in 5-minute bars
 * ({@link #BAR_MILLIS}): minimum / expected / maximum.
 */
public enum Bucket {
    SCALPING(1, 12, 60),
    SHORT(12, 48, 288),
    MEDIUM(288, 720, 1440),
    LONG(1440, 4320, 8640);

    /** The unit of holding periods: one 5-minute bar. */
    public static final long BAR_MILLIS = 300_000L;
    /** Every bucket, shortest first: the package iterates it per bar without a copy (never written). */
    static final Bucket[] ALL = values();
    public static final int COUNT = ALL.length;

    private final int minHoldingBars;
    private final int expectedHoldingBars;
    private final int maxHoldingBars;
    private final String book;

    Bucket(int min, int expected, int max) {
        this.minHoldingBars = min;
        this.expectedHoldingBars = expected;
        this.maxHoldingBars = max;
        this.book = name().toLowerCase(Locale.ROOT);
    }

    public int minHoldingBars() {
        return minHoldingBars;
    }

    public int expectedHoldingBars() {
        return expectedHoldingBars;
    }

    public int maxHoldingBars() {
        return maxHoldingBars;
    }

    /** The book name used for risk limits, orders and reports ("scalping", ...). */
    public String book() {
        return book;
    }

    /** The bucket whose book name this is, or null. */
    public static Bucket ofBook(String book) {
        for (Bucket b : ALL) {
            if (b.book().equals(book)) {
                return b;
            }
        }
        return null;
    }

    /**
     * The bucket whose expected holding is nearest to {@code bars} on a log scale. Runs for every vote of every
     * decision: compared against the log-midpoints between neighbouring buckets ({@link #UPPER}) instead of taking four
     * logarithms (2 % of a full-preset backtest). Within a hair of a midpoint the logarithms decide, so the answer is
     * the same as theirs, a tie included (the shorter bucket).
     */
    public static Bucket forHolding(double bars) {
        if (!(bars > 0) || Double.isInfinite(bars)) {
            throw new IllegalArgumentException("holding period must be finite and > 0 bars, got " + bars);
        }
        for (int i = 0; i < UPPER.length; i++) {
            if (bars < UPPER[i] * (1 - 1e-9)) {
                return ALL[i];
            }
            if (bars <= UPPER[i] * (1 + 1e-9)) {
                return nearestOnLogScale(bars);
            }
        }
        return ALL[ALL.length - 1];
    }

    /** Between bucket i and i + 1: the geometric mean of their expected holdings, where their log distances are equal. */
    private static final double[] UPPER = upperBounds();

    private static double[] upperBounds() {
        double[] u = new double[ALL.length - 1];
        for (int i = 0; i < u.length; i++) {
            u[i] = Math.sqrt((double) ALL[i].expectedHoldingBars * ALL[i + 1].expectedHoldingBars);
        }
        return u;
    }

    static Bucket nearestOnLogScale(double bars) {
        Bucket best = SCALPING;
        double bestDist = Double.MAX_VALUE;
        for (Bucket b : ALL) {
            double d = Math.abs(Math.log(bars / b.expectedHoldingBars));
            if (d < bestDist) {
                bestDist = d;
                best = b;
            }
        }
        return best;
    }

    /** All buckets, shortest first (a copy). */
    public static Bucket[] all() {
        return ALL.clone();
    }

    static Bucket at(int i) {
        return ALL[i];
    }
}
