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
        robot.interact(() -> view.apply(new LiveDelta(BundledData.AAPL, Timeframe.D1, daily, new long[0], new double[0], List.of(), true, null)));
        DeskHarness.pulses(3);
        int[] cols = candleColumns("1d");
        assertThat(cols[0]).as("empty pixel columns between the plot's left edge and the first candle").isGreaterThanOrEqualTo(2);
        assertThat(cols[1]).as("empty pixel columns between the last candle and the plot's right edge").isGreaterThanOrEqualTo(2);
        double pastLast = fx(() -> view.timeAxis().getMax()) - daily.time(daily.size() - 1) / 1000.0;
        assertThat(pastLast / 86_400).as("days the time axis runs past the last bar's open").isLessThanOrEqualTo(2.5);
    }

    @Test
    void withOlderBarsOffTheLeftEdgeNoCandleIsCutThere() throws Exception {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 600);
        robot.interact(() -> view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null)));
        DeskHarness.pulses(3);
        int[] cols = candleColumns("1m");
        assertThat(cols[0]).as("empty pixel columns between the plot's left edge and the first candle drawn").isGreaterThanOrEqualTo(1);
        assertThat(cols[1]).as("empty pixel columns right of the last candle").isGreaterThanOrEqualTo(2);
    }

    /** Renders the chart: {empty columns left of the first candle pixel, empty columns right of the last} in the plot. */
    private int[] candleColumns(String name) throws Exception {
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
                if (CandleColours.isCandle(b.getRGB(x, y) & 0xffffff)) {
                    first = first < 0 ? x : first;
                    last = x;
                    break;
                }
            }
        }
        assertThat(first).as("candle pixels in the plot").isGreaterThanOrEqualTo(0);
        return new int[] {first - left, right - last};
    }
}
