package org.concord.modules.extrema;

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

/**
 * Confirmed local extrema as a chart overlay, from the extrema module's {@link ExtremaDetector}: a mark at the
 * bar that made the maximum (its high) or minimum (its low), drawn only when the {@code lag} bars that confirm
 * it have closed.
 */
public final class ExtremaOverlay implements OverlaySource {
    /** Most bars read for one request. */
    public static final int MAX_BARS = 200_000;

    private final DataProvider data;
    private final int lag;

    /** The extrema module's default lag (5 bars). */
    public ExtremaOverlay(DataProvider data) {
        this(data, 5);
    }

    public ExtremaOverlay(DataProvider data, int lag) {
        if (data == null) {
            throw new IllegalArgumentException("data provider is required");
        }
        new ExtremaDetector(lag, 1); // validates lag
        this.data = data;
        this.lag = lag;
    }

    @Override
    public String id() {
        return ExtremaModule.ID;
    }

    @Override
    public String name() {
        return "Extrema (lag " + lag + ")";
    }

    @Override
    public List<OverlayMark> marks(Symbol symbol, Timeframe tf, long from, long to) {
        OverlaySource.checkRange(symbol, tf, from, to);
        // lag bars before the range let its first bars be candidates; lag bars after it confirm its last ones
        long lo = from == Long.MIN_VALUE ? from : from - (long) lag * tf.millis();
        long hi = to >= Long.MAX_VALUE / 2 ? to : to + (long) lag * tf.millis();
        BarSeries bars = data.bars(symbol, tf, lo, hi, MAX_BARS, Direction.LATEST);
        List<OverlayMark> out = new ArrayList<>();
        for (Extremum e : ExtremaDetector.label(bars, lag)) {
            if (e.barTime() >= from && e.barTime() <= to) {
                out.add(new OverlayMark(e.barTime(), e.price(), e.max() ? OverlayMark.Kind.LOCAL_MAX : OverlayMark.Kind.LOCAL_MIN,
                        e.max() ? "max" : "min", Double.NaN));
            }
        }
        out.sort(Comparator.comparingLong(OverlayMark::time));
        return out;
    }
}
