package org.concord.app.live;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import org.concord.annotate.chart.CandleColours;
import org.concord.app.DeskHarness;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.quality.InputQuality;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * While following, every candle is drawn whole inside the plot and the time axis ends just past the newest one.
 * Seen on the desk at 1d (AAPL, all 229 bars in view): the first candle was half behind the plot's left edge, and the
 * axis ran 12 days past the last bar. The chart is rendered and the candle-coloured pixel columns are found.
 */
class LiveChartFollowRangeTest {
    private LiveChartView view;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        view = ChartOnStage.show(1000, 600);
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void atOneDayTheFirstCandleIsWholeAndTheAxisEndsNearTheLast() throws Exception {
        // as on the desk when the replay had reached 2013-11-27: fewer bars than "follow" shows, so all of them
        BarSeries daily = BundledData.appleDailyBars(new InputQuality()).copyRange(0, 229);
        // decisions on the first and the newest bar: their diamonds are drawn beside those candles
        List<LiveDelta.Marker> marks = List.of(new LiveDelta.Marker(daily.time(0), daily.low(0), true, 0.6, "BUY"),
                new LiveDelta.Marker(daily.time(228), daily.low(228), true, 0.6, "BUY"));
        robot.interact(() -> view.apply(new LiveDelta(BundledData.AAPL, Timeframe.D1, daily, new long[0], new double[0], marks, true, null)));
        DeskHarness.pulses(3);
        int[] cols = columns("1d", CandleColours::isCandle);
        assertThat(cols[0]).as("empty pixel columns between the plot's left edge and the first candle").isGreaterThanOrEqualTo(2);
        assertThat(cols[1]).as("empty pixel columns between the last candle and the plot's right edge").isGreaterThanOrEqualTo(2);
        int[] diamonds = columns("1d", LiveChartFollowRangeTest::isBuyMarker);
        assertThat(diamonds[0]).as("empty pixel columns left of the first bar's BUY diamond").isGreaterThanOrEqualTo(1);
        assertThat(diamonds[1]).as("empty pixel columns right of the newest bar's BUY diamond").isGreaterThanOrEqualTo(1);
        double pastLast = fx(() -> view.timeAxis().getMax()) - daily.time(daily.size() - 1) / 1000.0;
        // room for the live candle and a marker beside it (about 3 days at this width), not the 12 days of before
        assertThat(pastLast / 86_400).as("days the time axis runs past the last bar's open").isLessThanOrEqualTo(4);
    }

    @Test
    void withOlderBarsOffTheLeftEdgeNoCandleIsCutThere() throws Exception {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 600);
        robot.interact(() -> view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null)));
        DeskHarness.pulses(3);
        int[] cols = columns("1m", CandleColours::isCandle);
        assertThat(cols[0]).as("empty pixel columns between the plot's left edge and the first candle drawn").isGreaterThanOrEqualTo(1);
        assertThat(cols[1]).as("empty pixel columns right of the last candle").isGreaterThanOrEqualTo(2);
    }

    /** The BUY diamond's colour (#1faa55), anti-aliased edges aside. */
    private static boolean isBuyMarker(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return Math.abs(r - 0x1f) <= 12 && Math.abs(g - 0xaa) <= 12 && Math.abs(b - 0x55) <= 12;
    }

    /** Renders the chart: {empty columns left of the first pixel of {@code colour}, empty columns right of the last} in the plot. */
    private int[] columns(String name, IntPredicate colour) throws Exception {
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.root().snapshot(null, null));
        BufferedImage b = SwingFXUtils.fromFXImage(img[0], null);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(b, "png", dir.resolve("live-chart-follow-range-" + name + ".png").toFile());
        Bounds plot = fx(() -> {
            Node canvas = view.node().getCanvas();
            return canvas.localToScene(canvas.getBoundsInLocal());
        });
        int left = (int) Math.ceil(plot.getMinX());
        int right = (int) Math.floor(plot.getMaxX()) - 1;
        int first = -1;
        int last = -1;
        for (int x = left; x <= right; x++) {
            for (int y = (int) Math.ceil(plot.getMinY()); y < (int) plot.getMaxY(); y++) {
                if (colour.test(b.getRGB(x, y) & 0xffffff)) {
                    first = first < 0 ? x : first;
                    last = x;
                    break;
                }
            }
        }
        assertThat(first).as("pixels of that colour in the plot").isGreaterThanOrEqualTo(0);
        return new int[] {first - left, right - last};
    }
}
