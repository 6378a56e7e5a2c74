package org.concord.app.trading;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.events.ChartBits;
import org.concord.annotate.DisplaySettings;
import org.concord.app.live.MarkerDataSet;
import org.concord.execution.Fill;
import org.concord.execution.OrderSide;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.List;

/**
 * One account's fills on the live chart, the person's or the bot's ({@link FillMarkLook}): a marker at each fill's
 * price on the candle it happened in, buys and sells in colours of their own, its owner, side, size, price and order on
 * hover. A data set pair and a renderer of their own beside the chart's (ChartFX: data sets and renderers compose),
 * fed from that account's newest fills of the chart's symbol in the trading snapshot.
 *
 * <p>A fill is stamped with its instrument's clock, which a bar moves to the bar's close: a limit filled inside a
 * 1m bar carries that bar's close time, the next bar's open. So a fill belongs to the candle whose span
 * {@code (open, open + tf]} holds its time, the candle whose prices made it.
 */
public final class FillMarks {
    private final FillMarkLook look;
    private final MarkerDataSet buys;
    private final MarkerDataSet sells;
    private final ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
    private final DisplaySettings display;

    /** On the chart's time and price axes: the hover label reads them (a renderer without axes gets none). */
    FillMarks(FillMarkLook look, DisplaySettings display, Axis time, Axis price) {
        if (look == null || display == null || time == null || price == null) {
            throw new IllegalArgumentException("look, display settings and both axes are required");
        }
        this.look = look;
        this.display = display;
        this.buys = new MarkerDataSet(look.owner() + " BUY fills", TradingService.FILLS_SHOWN);
        this.sells = new MarkerDataSet(look.owner() + " SELL fills", TradingService.FILLS_SHOWN);
        renderer.getAxes().setAll(time, price);
        renderer.setPolyLineStyle(LineStyle.NONE);
        renderer.setDrawMarker(true);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setPointReduction(false);
        buys.setStyle(look.style(true));
        sells.setStyle(look.style(false));
        renderer.getDatasets().addAll(buys, sells);
    }

    ErrorDataSetRenderer renderer() {
        return renderer;
    }

    /**
     * Shows the fills of {@code symbol} among {@code fills} (newest first, as the snapshot holds them) on a chart of
     * {@code tf}; none while the chart has no timeframe yet. FX thread.
     */
    void show(List<Fill> fills, Symbol symbol, Timeframe tf) {
        buys.clear();
        sells.clear();
        if (tf != null) {
            for (int i = fills.size() - 1; i >= 0; i--) { // oldest first: the sets' x only grows
                Fill f = fills.get(i);
                if (f.symbol().equals(symbol)) {
                    (f.side() == OrderSide.BUY ? buys : sells).add(candle(f.time(), tf) / 1000.0, f.price(), label(f));
                }
            }
        }
        buys.fireInvalidated(ChartBits.DataSetData);
        sells.fireInvalidated(ChartBits.DataSetData);
    }

    /** The open time of the candle of {@code tf} whose span (open, open + tf] holds {@code time}. */
    static long candle(long time, Timeframe tf) {
        return tf.floor(time - 1);
    }

    /**
     * "your BUY 0.5 @ 850.00 · man-3 · filled 2013-11-27 11:37:00", "bot SELL 0.02 @ 851.20 · cc12-1of2 · filled …"
     * (the time in the person's display zone).
     */
    String label(Fill f) {
        return look.owner() + " " + f.side() + " " + OrderLine.fmt(f.quantity()) + " @ " + OrderLine.fmt(f.price()) + " · " + f.clientOrderId()
                + " · filled " + display.format().dateTime(f.time());
    }

    FillMarkLook look() {
        return look;
    }

    int count() {
        return buys.getDataCount() + sells.getDataCount();
    }

    MarkerDataSet buys() {
        return buys;
    }

    MarkerDataSet sells() {
        return sells;
    }
}
