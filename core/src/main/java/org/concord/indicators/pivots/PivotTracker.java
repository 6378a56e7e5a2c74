package org.concord.indicators.pivots;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the closed bars of one symbol and timeframe into {@link PivotEvent}s: each swing the
 * {@link WilliamsStructure} confirms at some level is reported once, on the bar that confirmed it. Causal by
 * construction (the structure never looks at a bar before it closed), so the events up to a time do not depend
 * on any later bar. Not thread-safe: one owner thread.
 */
public final class PivotTracker {
    private final Symbol symbol;
    private final Timeframe timeframe;
    private final WilliamsStructure structure;
    private final int[] highsSeen;
    private final int[] lowsSeen;
    private long lastOpen = Long.MIN_VALUE;

    public PivotTracker(Symbol symbol, Timeframe timeframe, int levels, int strength) {
        if (symbol == null || timeframe == null) {
            throw new IllegalArgumentException("symbol and timeframe are required");
        }
        this.symbol = symbol;
        this.timeframe = timeframe;
        this.structure = new WilliamsStructure(levels, strength); // validates levels and strength
        this.highsSeen = new int[levels];
        this.lowsSeen = new int[levels];
    }

    public Symbol symbol() {
        return symbol;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public WilliamsStructure structure() {
        return structure;
    }

    /** The open time of the newest bar added, or {@code Long.MIN_VALUE}. */
    public long lastOpen() {
        return lastOpen;
    }

    /** A tracker of the same symbol, timeframe, levels and strength that has seen no bar (the data went back in time). */
    public PivotTracker fresh() {
        return new PivotTracker(symbol, timeframe, structure.levels(), structure.strength());
    }

    /**
     * Adds the next closed bar and returns the swings it confirmed (lowest level first, highs before lows; empty
     * most of the time). A bar that is not newer than the last one (a correction of history) is refused.
     */
    public List<PivotEvent> onBarClose(long openTime, double high, double low) {
        if (openTime <= lastOpen) {
            throw new IllegalArgumentException(symbol + " " + timeframe + " bar at " + openTime + " is not after the last one at " + lastOpen);
        }
        if (!(high >= low) || !(low > 0) || Double.isInfinite(high)) {
            throw new IllegalArgumentException(symbol + " " + timeframe + " bar at " + openTime + " has high " + high + " / low " + low);
        }
        lastOpen = openTime;
        structure.add(openTime, high, low, timeframe.closeTime(openTime));
        List<PivotEvent> out = null;
        for (int l = 1; l <= structure.levels(); l++) {
            if (structure.highCount(l) != highsSeen[l - 1]) {
                highsSeen[l - 1] = structure.highCount(l);
                out = add(out, structure.lastHigh(l), l, PivotEvent.Kind.SWING_HIGH, structure.highs(l));
            }
            if (structure.lowCount(l) != lowsSeen[l - 1]) {
                lowsSeen[l - 1] = structure.lowCount(l);
                out = add(out, structure.lastLow(l), l, PivotEvent.Kind.SWING_LOW, structure.lows(l));
            }
        }
        return out == null ? List.of() : out;
    }

    private List<PivotEvent> add(List<PivotEvent> out, SwingPoint p, int level, PivotEvent.Kind kind, int structureSign) {
        List<PivotEvent> l = out == null ? new ArrayList<>(2) : out;
        l.add(new PivotEvent(symbol, timeframe, level, kind, p.barTime(), p.price(), p.confirmedAt(), structureSign));
        return l;
    }
}
