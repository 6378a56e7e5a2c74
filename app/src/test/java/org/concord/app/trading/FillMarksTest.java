package org.concord.app.trading;

import org.concord.annotate.DisplaySettings;
import javafx.geometry.Point2D;
import org.concord.app.DeskHarness;
import org.concord.app.live.ChartOnStage;
import org.concord.app.live.LiveChartView;
import org.concord.app.live.LiveDelta;
import org.concord.chart.DisplayFormat;
import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.OrderSide;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The person's fills on the chart: each on the candle whose prices made it, at its price, only the chart symbol's,
 * buys and sells apart. The fills come newest first, as the trading snapshot holds them.
 */
class FillMarksTest {
    private final FxRobot robot = new FxRobot();
    private static final long OPEN = 1_385_551_800_000L; // 2013-11-27 11:30 UTC, a 1m and a 5m boundary

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static Fill fill(long id, Symbol s, OrderSide side, double price, long time) {
        return new Fill(id, id, "man-" + id, s, side, 0.1, price, 0.09, Liquidity.TAKER, time, "manual");
    }

    private static FillMarks marks() throws Exception {
        FxToolkit.registerPrimaryStage();
        return fx(() -> {
            LiveChartView chart = new LiveChartView();
            return new FillMarks(FillMarkLook.PERSON, new DisplaySettings(DisplayFormat.UTC), chart.timeAxis(), chart.priceAxis());
        });
    }

    @Test
    void aFillStampedWithItsBarsCloseIsMarkedOnThatBarNotTheNext() {
        // a limit filled inside the 11:30 bar carries the bar's close, 11:31:00; a trade at 11:30:20 is inside it too
        assertThat(FillMarks.candle(OPEN + 60_000, Timeframe.M1)).isEqualTo(OPEN);
        assertThat(FillMarks.candle(OPEN + 20_000, Timeframe.M1)).isEqualTo(OPEN);
        assertThat(FillMarks.candle(OPEN + 60_001, Timeframe.M1)).isEqualTo(OPEN + 60_000);
        assertThat(FillMarks.candle(OPEN + 4 * 60_000 + 1, Timeframe.M5)).isEqualTo(OPEN);
        assertThat(FillMarks.candle(OPEN + 5 * 60_000, Timeframe.M5)).isEqualTo(OPEN);
    }

    @Test
    void onlyTheChartSymbolsFillsShowBuysAndSellsApartInTimeOrder() throws Exception {
        FillMarks m = marks();
        // newest first, as AccountSnapshot.fills() holds them
        List<Fill> fills = List.of(
                fill(4, BundledData.BTCUSD, OrderSide.SELL, 905.5, OPEN + 3 * 60_000),
                fill(3, BundledData.ETHUSD, OrderSide.BUY, 1600, OPEN + 2 * 60_000),
                fill(2, BundledData.BTCUSD, OrderSide.BUY, 902.25, OPEN + 2 * 60_000),
                fill(1, BundledData.BTCUSD, OrderSide.BUY, 900, OPEN + 60_000));
        fx(() -> {
            m.show(fills, BundledData.BTCUSD, Timeframe.M1);
            return null;
        });
        assertThat(fx(m::count)).isEqualTo(3);
        assertThat(fx(() -> m.buys().getDataCount())).isEqualTo(2);
        assertThat(fx(() -> new double[] {m.buys().get(0, 0), m.buys().get(1, 0), m.buys().get(0, 1), m.buys().get(1, 1)}))
                .containsExactly(OPEN / 1000.0, 900, (OPEN + 60_000) / 1000.0, 902.25);
        assertThat(fx(() -> m.buys().getDataLabel(1))).isEqualTo("your BUY 0.1 @ 902.25 · man-2\nfilled 2013-11-27 11:32:00");
        assertThat(fx(() -> new double[] {m.sells().getDataCount(), m.sells().get(0, 0), m.sells().get(1, 0)}))
                .containsExactly(1, (OPEN + 2 * 60_000) / 1000.0, 905.5);

        // another instrument on the chart: its own fills only; an account with none (reset, seek back): no marks
        fx(() -> {
            m.show(fills, BundledData.ETHUSD, Timeframe.M1);
            return null;
        });
        assertThat(fx(() -> m.buys().getDataLabel(0))).startsWith("your BUY 0.1 @ 1600.00 · man-3");
        assertThat(fx(m::count)).isEqualTo(1);
        fx(() -> {
            m.show(List.of(), BundledData.ETHUSD, Timeframe.M1);
            return null;
        });
        assertThat(fx(m::count)).isZero();
    }

    @Test
    void aCandlesFillsOfOneSideAreOneMarkAtTheirAveragePrice() throws Exception {
        FillMarks m = marks();
        // newest first: three buys and a sell inside the 11:30 15m candle, a buy in the next one
        List<Fill> fills = List.of(
                new Fill(5, 5, "man-5", BundledData.BTCUSD, OrderSide.BUY, 0.1, 910, 0.09, Liquidity.TAKER, OPEN + 16 * 60_000, "manual"),
                new Fill(4, 4, "man-4", BundledData.BTCUSD, OrderSide.SELL, 0.1, 906, 0.09, Liquidity.TAKER, OPEN + 9 * 60_000, "manual"),
                new Fill(3, 3, "man-3", BundledData.BTCUSD, OrderSide.BUY, 0.3, 904, 0.09, Liquidity.TAKER, OPEN + 8 * 60_000, "manual"),
                new Fill(2, 2, "man-2", BundledData.BTCUSD, OrderSide.BUY, 0.1, 900, 0.09, Liquidity.TAKER, OPEN + 3 * 60_000, "manual"),
                new Fill(1, 1, "man-1", BundledData.BTCUSD, OrderSide.BUY, 0.1, 902, 0.09, Liquidity.TAKER, OPEN + 60_000, "manual"));
        fx(() -> {
            m.show(fills, BundledData.BTCUSD, Timeframe.M15);
            return null;
        });
        assertThat(fx(() -> m.buys().getDataCount())).isEqualTo(2);
        assertThat(fx(() -> new double[] {m.buys().get(0, 0), m.buys().get(1, 0), m.buys().get(0, 1), m.buys().get(1, 1)}))
                .containsExactly(OPEN / 1000.0, (0.1 * 902 + 0.1 * 900 + 0.3 * 904) / 0.5, (OPEN + 15 * 60_000) / 1000.0, 910);
        assertThat(fx(() -> m.buys().getDataLabel(0)))
                .isEqualTo("your BUY ×3 0.5 @ avg 902.80 · man-1 … man-3\nfilled 2013-11-27 11:31:00 – 11:38:00");
        assertThat(fx(() -> m.buys().getDataLabel(1))).isEqualTo("your BUY 0.1 @ 910.00 · man-5\nfilled 2013-11-27 11:46:00");
        assertThat(fx(() -> m.sells().getDataCount())).isEqualTo(1);
        // on a 1m chart each is on a candle of its own
        fx(() -> {
            m.show(fills, BundledData.BTCUSD, Timeframe.M1);
            return null;
        });
        assertThat(fx(m::count)).isEqualTo(5);
    }

    @Test
    void noMarksBeforeTheChartHasATimeframe() throws Exception {
        FillMarks m = marks();
        fx(() -> {
            m.show(List.of(fill(1, BundledData.BTCUSD, OrderSide.BUY, 900, OPEN)), BundledData.BTCUSD, null);
            return null;
        });
        assertThat(fx(m::count)).isZero();
    }

    @Test
    void restingOnAFillShowsWhatItWas() throws Exception {
        FillMarks[] m = new FillMarks[1];
        LiveChartView view = ChartOnStage.show(700, 500, v -> {
            m[0] = new FillMarks(FillMarkLook.PERSON, new DisplaySettings(DisplayFormat.UTC), v.timeAxis(), v.priceAxis());
            v.node().getRenderers().add(m[0].renderer());
        });
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 120);
        int i = 60;
        Fill f = fill(7, BundledData.BTCUSD, OrderSide.SELL, m1.high(i), m1.time(i) + 60_000); // at the bar's close
        robot.interact(() -> {
            view.apply(new LiveDelta(BundledData.BTCUSD, Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null));
            m[0].show(List.of(f), BundledData.BTCUSD, Timeframe.M1);
        });
        DeskHarness.pulses(3);
        Point2D at = fx(() -> view.node().getCanvas().localToScreen(view.timeAxis().getDisplayPosition(m1.time(i) / 1000.0),
                view.priceAxis().getDisplayPosition(f.price())));
        robot.moveTo(new Point2D(at.getX() - 30, at.getY() + 30));
        robot.moveTo(at);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ChartOnStage.tooltip(view).filter(t -> t.contains("your SELL 0.1 @ ")).isPresent());
    }
}
