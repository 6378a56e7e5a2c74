package org.concord.indicators;

/**
 * A single-input indicator (a moving average, RSI, a standard deviation...): fed one value per bar with
 * {@link #update}/{@link #replaceLast(double)}, or fed bars, from which it takes its {@link Price}. This is what
 * lets indicators be chained (an EMA of an RSI) without allocating.
 */
public interface SeriesIndicator extends BarIndicator {

    /** Appends a value (the previous last value becomes final). */
    void update(double x);

    /** Replaces the last value. Requires at least one value. */
    void replaceLast(double x);

    /** The bar price this indicator reads when fed bars. */
    Price price();
}
