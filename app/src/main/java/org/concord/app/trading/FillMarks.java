package org.concord.app.trading;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.events.ChartBits;
import org.concord.annotate.DisplaySettings;
import org.concord.app.live.MarkerDataSet;
import org.concord.app.live.MarkerRenderer;
import org.concord.execution.Fill;
import org.concord.execution.OrderSide;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.ArrayList;
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
 *
 * <p>Fills of one side on one candle are one mark, at their average price weighted by size, labelled with their
 * count, total size and first and last order and time: the bot fills many times an hour, and on a 15m or 1h chart one
 * mark per fill piled into a blob over the last candles.
 */
public final class FillMarks {
    private FillMarkLook look;
    private final MarkerDataSet buys;
    private final MarkerDataSet sells;
    private final ErrorDataSetRenderer renderer;
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
        this.renderer = MarkerRenderer.on(time, price);
        buys.setStyle(look.style(true));
        sells.setStyle(look.style(false));
        renderer.getDatasets().addAll(buys, sells);
    }

    /**
     * Draws the marks in {@code other}, a look of the same owner (the theme's colours for the same fills). FX thread.
     */
    void setLook(FillMarkLook other) {
        if (other == null || !other.owner().equals(look.owner())) {
            throw new IllegalArgumentException("a look of the same owner is required: " + look.owner());
        }
        look = other;
        buys.setStyle(look.style(true));
        sells.setStyle(look.style(false));
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
            CandleFills buy = new CandleFills(buys);
            CandleFills sell = new CandleFills(sells);
            for (int i = fills.size() - 1; i >= 0; i--) { // oldest first: the sets' x only grows
                Fill f = fills.get(i);
                if (f.symbol().equals(symbol)) {
                    (f.side() == OrderSide.BUY ? buy : sell).add(candle(f.time(), tf), f);
                }
            }
            buy.flush();
            sell.flush();
        }
        buys.fireInvalidated(ChartBits.DataSetData);
        sells.fireInvalidated(ChartBits.DataSetData);
    }

    /** The open time of the candle of {@code tf} whose span (open, open + tf] holds {@code time}. */
    static long candle(long time, Timeframe tf) {
        return tf.floor(time - 1);
    }

    /**
     * "your BUY 0.5 @ 850.00 · man-3", then "filled 2013-11-27 11:37:00" on a line of its own (the time in the person's
     * display zone): on one line the hover label, no wider than the plot, was cut to "…" beside the live-inference
     * panel at 1400x900.
     */
    String label(Fill f) {
        return look.owner() + " " + f.side() + " " + Amounts.number(f.quantity()) + " @ " + Amounts.number(f.price()) + " · " + f.clientOrderId()
                + "\nfilled " + display.format().dateTime(f.time());
    }

    /**
     * "bot BUY ×3 0.3 @ avg 905.12 · cc12-1of2 … cc14-1of1", then "filled 2013-11-27 11:37:00 – 11:52:00" (the times in the
     * person's display zone; the second one's date only when it is another day).
     */
    String label(List<Fill> group) {
        if (group.size() == 1) {
            return label(group.get(0));
        }
        Fill first = group.get(0);
        Fill last = group.get(group.size() - 1);
        String from = display.format().dateTime(first.time());
        String to = display.format().dateTime(last.time());
        return look.owner() + " " + first.side() + " ×" + group.size() + " " + Amounts.number(quantity(group)) + " @ avg "
                + Amounts.number(averagePrice(group)) + " · " + first.clientOrderId() + " … " + last.clientOrderId() + "\nfilled "
                + from + " – " + (from.regionMatches(0, to, 0, 10) ? display.format().time(last.time()) : to); // the date once
    }

    private static double quantity(List<Fill> group) {
        double q = 0;
        for (Fill f : group) {
            q += f.quantity();
        }
        return q;
    }

    private static double averagePrice(List<Fill> group) {
        double notional = 0;
        for (Fill f : group) {
            notional += f.quantity() * f.price();
        }
        return notional / quantity(group);
    }

    /** One side's fills of the candle being gathered, a mark once the next candle begins. */
    private final class CandleFills {
        private final MarkerDataSet marks;
        private final List<Fill> group = new ArrayList<>();
        private long candle;

        CandleFills(MarkerDataSet marks) {
            this.marks = marks;
        }

        void add(long candleOpen, Fill f) {
            if (!group.isEmpty() && candleOpen != candle) {
                flush();
            }
            candle = candleOpen;
            group.add(f);
        }

        void flush() {
            if (!group.isEmpty()) {
                marks.add(candle / 1000.0, group.size() == 1 ? group.get(0).price() : averagePrice(group), label(group));
                group.clear();
            }
        }
    }

    public FillMarkLook look() {
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
