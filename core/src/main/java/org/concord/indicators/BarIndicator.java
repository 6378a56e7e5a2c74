package org.concord.indicators;

import org.concord.model.BarSeries;

/**
 * An indicator fed bar by bar. {@link #onBar} appends a bar (the previous last bar becomes final);
 * {@link #replaceLast} revises the still-forming last bar. Both are O(1) (amortized) and allocation-free, and
 * a sequence of calls gives exactly (bit for bit) the values a fresh indicator gives when fed only the final
 * bars: the state before the last bar is kept, and the last bar is always recomputed from it.
 *
 * <p>Inputs must be finite; a non-finite price is rejected with an {@link IllegalArgumentException} before any
 * state changes.
 */
public interface BarIndicator extends Indicator {

    /** Appends a new bar. */
    void onBar(double open, double high, double low, double close, double volume);

    /** Replaces the last bar (a forming bar that changed). Requires at least one bar. */
    void replaceLast(double open, double high, double low, double close, double volume);

    /** Appends bar {@code i} of {@code series}. */
    default void onBar(BarSeries series, int i) {
        onBar(series.open(i), series.high(i), series.low(i), series.close(i), series.volume(i));
    }

    /** Replaces the last bar with bar {@code i} of {@code series}. */
    default void replaceLast(BarSeries series, int i) {
        replaceLast(series.open(i), series.high(i), series.low(i), series.close(i), series.volume(i));
    }
}
