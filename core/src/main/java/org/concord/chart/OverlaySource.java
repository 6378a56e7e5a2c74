package org.concord.chart;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.List;

/**
 * A source of chart overlay marks (SPI): pivots and extrema from their modules, a model's stored predictions
 * from the training area. The chart asks for the marks of a symbol and timeframe in a time range and draws
 * them; it computes nothing itself.
 *
 * <p><b>Threads.</b> {@link #marks} may read the DataProvider or SQLite and take a while: call it off the UI
 * thread. Implementations must be safe to call from any one thread at a time per instance (the annotation
 * workspace calls each source from its single background thread).
 *
 * <p><b>No lookahead.</b> A mark is only reported when the data that confirms it is in the store (a swing is
 * drawn at its bar, but only once the bars that confirm it have closed).
 */
public interface OverlaySource {
    /** Stable id (lower case), e.g. {@code pivots}, {@code extrema}, {@code predictions}. */
    String id();

    /** Name shown in the overlay menu. */
    String name();

    /**
     * Marks whose bar open time lies in {@code [from, to]} on {@code tf}, oldest first.
     *
     * @throws IllegalArgumentException when symbol or timeframe is null or {@code from > to}
     */
    List<OverlayMark> marks(Symbol symbol, Timeframe tf, long from, long to);

    /** Checks the common preconditions of {@link #marks}. */
    static void checkRange(Symbol symbol, Timeframe tf, long from, long to) {
        if (symbol == null || tf == null) {
            throw new IllegalArgumentException("symbol and timeframe are required");
        }
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " after to " + to);
        }
    }
}
