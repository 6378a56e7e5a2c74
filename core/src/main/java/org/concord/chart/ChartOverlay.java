package org.concord.chart;

import org.concord.model.Symbol;

import java.util.List;
import java.util.Map;

/**
 * What the live chart draws over the candles for one symbol after a decision: horizontal levels (classic pivots,
 * the last level-1 swing high/low) and the last confirmed extrema. Empty when the modules that give them are off.
 *
 * @param levels  name → price, e.g. {@code P}, {@code R1}, {@code S1}, {@code swing high}
 * @param extrema the last confirmed maximum and minimum
 */
public record ChartOverlay(Symbol symbol, long time, Map<String, Double> levels, List<Extremum> extrema) {
    public ChartOverlay {
        if (symbol == null) {
            throw new IllegalArgumentException("symbol is required");
        }
        levels = levels == null ? Map.of() : Map.copyOf(levels);
        extrema = extrema == null ? List.of() : List.copyOf(extrema);
    }

    /** A confirmed local extremum: {@code max} true for a top. */
    public record Extremum(long time, double price, boolean max) {
    }
}
