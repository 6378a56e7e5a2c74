package org.concord.app.live;

import org.concord.chart.ChartOverlay;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.List;

/**
 * What changed on the live chart since the FX side last looked (immutable): a full reload (history), bars to
 * upsert (closes and the forming bar, oldest first), new decision markers, the latest overlay.
 *
 * @param reload  the whole history to show (a new symbol/timeframe or a replay restart), or null
 * @param times   bars to upsert after the reload, oldest first; {@code ohlcv} holds 5 values per bar
 * @param resetMarkers drop the shown markers first (with a reload)
 */
public record LiveDelta(Symbol symbol, Timeframe timeframe, BarSeries reload, long[] times, double[] ohlcv, List<Marker> markers,
                        boolean resetMarkers, ChartOverlay overlay) {
    /** A decision on the chart: BUY/SELL at the decision bar's close with its confidence. */
    public record Marker(long time, double price, boolean buy, double confidence, String label) {
    }
}
