package org.concord.modules.pivots;

import org.concord.indicators.pivots.SwingPoint;
import org.concord.indicators.pivots.WilliamsStructure;
import org.concord.chart.OverlayMark;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.store.Direction;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Williams swing highs and lows as a chart overlay, from the same {@link WilliamsStructure} the pivots module
 * runs. Each swing bar gets one mark labelled with its highest level ({@code L1}..{@code Ln}). Bars before the
 * range warm the structure up; bars after it may confirm swings near its right edge (only bars the
 * DataProvider already has closed: a swing that is not confirmed yet is not drawn).
 */
public final class PivotsOverlay implements OverlaySource {
    /** Most bars read for one request. */
    public static final int MAX_BARS = 200_000;

    private final DataProvider data;
    private final int levels;
    private final int strength;
    private final int warmupBars;

    /** Defaults of the pivots module: 3 levels, strength 2, 500 warm-up bars. */
    public PivotsOverlay(DataProvider data) {
        this(data, 3, 2, 500);
    }

    public PivotsOverlay(DataProvider data, int levels, int strength, int warmupBars) {
        if (data == null) {
            throw new IllegalArgumentException("data provider is required");
        }
        new WilliamsStructure(levels, strength); // validates levels and strength
        if (warmupBars < 0) {
            throw new IllegalArgumentException("warmupBars must be >= 0, got " + warmupBars);
        }
        this.data = data;
        this.levels = levels;
        this.strength = strength;
        this.warmupBars = warmupBars;
    }

    @Override
    public String id() {
        return PivotsModule.ID;
    }

    @Override
    public String name() {
        return "Pivots (Williams swings)";
    }

    @Override
    public List<OverlayMark> marks(Symbol symbol, Timeframe tf, long from, long to) {
        OverlaySource.checkRange(symbol, tf, from, to);
        BarSeries bars = bars(symbol, tf, from, to);
        WilliamsStructure ws = new WilliamsStructure(levels, strength);
        int[] hiSeen = new int[levels];
        int[] loSeen = new int[levels];
        Map<Long, OverlayMark> highs = new TreeMap<>();
        Map<Long, OverlayMark> lows = new TreeMap<>();
        for (int i = 0; i < bars.size(); i++) {
            ws.add(bars.time(i), bars.high(i), bars.low(i), tf.closeTime(bars.time(i)));
            for (int l = 1; l <= levels; l++) {
                if (ws.highCount(l) != hiSeen[l - 1]) {
                    hiSeen[l - 1] = ws.highCount(l);
                    SwingPoint p = ws.lastHigh(l);
                    highs.put(p.barTime(), new OverlayMark(p.barTime(), p.price(), OverlayMark.Kind.SWING_HIGH, "L" + l, Double.NaN));
                }
                if (ws.lowCount(l) != loSeen[l - 1]) {
                    loSeen[l - 1] = ws.lowCount(l);
                    SwingPoint p = ws.lastLow(l);
                    lows.put(p.barTime(), new OverlayMark(p.barTime(), p.price(), OverlayMark.Kind.SWING_LOW, "L" + l, Double.NaN));
                }
            }
        }
        List<OverlayMark> out = new ArrayList<>();
        for (OverlayMark m : highs.values()) {
            if (m.time() >= from && m.time() <= to) {
                out.add(m);
            }
        }
        for (OverlayMark m : lows.values()) {
            if (m.time() >= from && m.time() <= to) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingLong(OverlayMark::time));
        return out;
    }

    /** The range plus warm-up bars before it and the bars that can confirm its last swings after it. */
    private BarSeries bars(Symbol symbol, Timeframe tf, long from, long to) {
        long confirm = (long) strength * (1L << levels) + 1;
        long lo = from == Long.MIN_VALUE ? from : Math.max(Long.MIN_VALUE / 2, from - warmupBars * tf.millis());
        long hi = to >= Long.MAX_VALUE / 2 ? to : to + confirm * tf.millis();
        return data.bars(symbol, tf, lo, hi, MAX_BARS, Direction.LATEST);
    }
}
