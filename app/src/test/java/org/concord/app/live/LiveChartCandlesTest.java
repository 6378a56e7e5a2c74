package org.concord.app.live;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.concord.annotate.chart.CandleColours;
import org.concord.app.DeskHarness;
import org.concord.chart.ChartOverlay;
import org.concord.feed.BundledData;
import org.concord.live.LiveMode;
import org.concord.live.LiveSignal;
import org.concord.live.LiveSnapshot;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * Candles stay drawn on the live chart while the replay appends bars, after panning back and after Follow: the
 * chart is rendered and its plot area judged by pixels of the candle colours (a person's view, not the model's).
 * Before the fix the renderer trusted a stale cached x range and drew only the newest candle once the visible
 * range had moved past it.
 */
class LiveChartCandlesTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private Stage stage;
    private LiveChartView view;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        view = ChartOnStage.show(1000, 600);
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void candlesStayDrawnAsBarsArriveAfterPanningBackAndAfterFollow() throws Exception {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        int first = 300;
        assertThat(m1.size()).isGreaterThan(first + 900);
        BarSeries head = m1.copyRange(0, first);
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, head, new long[0], new double[0], List.of(), true, null)));
        assertThat(candleColumns("loaded")).as("candle columns right after the history loaded").isGreaterThan(150);

        // the replay appends bar by bar (one delta per pulse at most, several bars each): 900 more bars
        for (int i = first; i < first + 900; i += 3) {
            int from = i;
            robot.interact(() -> {
                long[] t = new long[3];
                double[] v = new double[15];
                for (int k = 0; k < 3; k++) {
                    int j = from + k;
                    t[k] = m1.time(j);
                    v[k * 5] = m1.open(j);
                    v[k * 5 + 1] = m1.high(j);
                    v[k * 5 + 2] = m1.low(j);
                    v[k * 5 + 3] = m1.close(j);
                    v[k * 5 + 4] = m1.volume(j);
                }
                view.apply(new LiveDelta(BTC, Timeframe.M1, null, t, v, List.of(), false, null));
            });
        }
        assertThat(view.following()).isTrue();
        assertThat(candleColumns("following")).as("candle columns after 900 appended bars (follow)").isGreaterThan(150);

        // pan back in time, then Follow again
        double from = m1.time(first + 100) / 1000.0;
        double to = m1.time(first + 340) / 1000.0;
        robot.interact(() -> view.showRange(from, to));
        assertThat(candleColumns("panned")).as("candle columns after panning back").isGreaterThan(150);
        robot.interact(view::follow);
        assertThat(candleColumns("followed")).as("candle columns after Follow").isGreaterThan(150);
    }

    /** The crosshair's label while it is shown on the chart, else null. */
    private String crosshairLabel() {
        String[] text = new String[1];
        robot.interact(() -> {
            Node n = view.node().lookup("#crosshairIndicator-Label");
            text[0] = n instanceof Text t && t.isVisible() ? t.getText() : null;
        });
        return text[0];
    }

    @Test
    void aSymbolSwitchUnderAStillMouseLeavesNoCrosshairLabelOfTheOldSeries() throws Exception {
        BarSeries btc = RealBars.bitstamp(Timeframe.M1).copyRange(0, 400);
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, btc, new long[0], new double[0], List.of(), true, null)));
        robot.moveTo(fx(() -> view.node().lookup(".chart-canvas")));
        robot.moveBy(3, 3);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> crosshairLabel() != null);
        assertThat(crosshairLabel()).as("BTC's tape is from 2013").contains("2013-");

        // the watchlist (or the toolbar) switches the chart to ETHUSD 5m; the mouse has not moved over the plot
        BarSeries eth = BundledData.eth5mBars();
        robot.interact(() -> view.apply(new LiveDelta(BundledData.ETHUSD, Timeframe.M5, eth, new long[0], new double[0], List.of(), true, null)));
        WaitForAsyncUtils.waitForFxEvents();
        // hidden, or already written again by an event the scene sent under the still mouse: never naming BTC's time
        String after = crosshairLabel();
        assertThat(after == null || !after.contains("2013-")).as("crosshair label over ETH's candles: %s", after).isTrue();

        // the next move over the plot draws it again, on ETH's own time (2023)
        robot.moveBy(4, 0);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> crosshairLabel() != null);
        assertThat(crosshairLabel()).contains("2023-");
    }

    @Test
    void levelLabelsStayOffTheNewestBarsAndStoppedLiveSignalsLeaveTheChart() throws Exception {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        BarSeries head = m1.copyRange(0, 400);
        double high = 0;
        for (int i = 200; i < 400; i++) {
            high = Math.max(high, m1.high(i));
        }
        ChartOverlay levels = new ChartOverlay(BTC, m1.time(399), Map.of("swing high", high, "R1", high - 2), List.of());
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, head, new long[0], new double[0], List.of(), true, levels)));
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> labels = new ArrayList<>();
        robot.interact(() -> view.node().lookupAll(".value-indicator-label").forEach(n -> labels.add((Label) n)));
        assertThat(labels).as("level labels shown").hasSize(2);
        double[] plot = new double[2];
        robot.interact(() -> {
            Node canvas = view.node().lookup(".chart-canvas");
            var b = canvas.localToScene(canvas.getBoundsInLocal());
            plot[0] = b.getMinX();
            plot[1] = b.getWidth();
        });
        for (Label l : labels) {
            double[] x = new double[1];
            robot.interact(() -> x[0] = l.localToScene(l.getBoundsInLocal()).getMaxX());
            assertThat(x[0] - plot[0]).as("right edge of level label '%s' within the left third of the plot", l.getText())
                    .isLessThan(plot[1] / 3);
        }

        // the next decision's overlay (one a decision: ten a second at 600×) moves the same labels, it does not make new
        // ones (a new label showed as an empty box until laid out); a level no longer published leaves
        ChartOverlay next = new ChartOverlay(BTC, m1.time(399), Map.of("swing high", high + 1), List.of());
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, head, new long[0], new double[0], List.of(), false, next)));
        WaitForAsyncUtils.waitForFxEvents();
        List<Label> after = new ArrayList<>();
        robot.interact(() -> view.node().lookupAll(".value-indicator-label").forEach(n -> after.add((Label) n)));
        assertThat(after).hasSize(1);
        assertThat(after.get(0)).as("the swing high's label, moved").isIn(labels);
        assertThat(after.get(0).getText()).isEqualTo("swing high");

        // a live session's signals are drawn while it runs and removed when it stops
        long t = m1.time(399);
        LiveSignal buy = new LiveSignal(t, m1.close(399), Action.BUY, 0.8, "v1", "ENTER");
        robot.interact(() -> view.showLive(live(true, buy)));
        assertThat(view.liveMarkerCount()).isEqualTo(1);
        robot.interact(() -> view.showLive(live(false, buy)));
        assertThat(view.liveMarkerCount()).as("signal dots after Stop").isZero();
    }

    /**
     * Seen on the desk: typing XRPUSD (no bars on the replay) into the toolbar's symbol box retitled the chart
     * "XRPUSD 1d" while BTCUSD's candles, levels and diamonds stayed drawn under that title.
     */
    @Test
    void aSymbolWithoutBarsShowsNoneOfThePreviousSymbolsCandlesOrLevels() throws Exception {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        BarSeries head = m1.copyRange(0, 400);
        ChartOverlay levels = new ChartOverlay(BTC, m1.time(399), Map.of("swing high", m1.high(399), "R1", m1.high(399) - 2), List.of());
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, head, new long[0], new double[0], List.of(), true, levels)));
        assertThat(candleColumns("btc-before-xrp")).isGreaterThan(150);
        assertThat(fx(() -> view.node().lookupAll(".value-indicator-label").size())).isEqualTo(2);

        Symbol xrp = Symbol.of("XRPUSD");
        robot.interact(() -> view.apply(new LiveDelta(xrp, Timeframe.M1, new BarSeries(xrp, Timeframe.M1), new long[0], new double[0], List.of(),
                true, null)));
        assertThat(view.barCount()).isZero();
        assertThat(candleColumns("xrp-no-bars")).as("candle columns drawn under XRPUSD's title").isZero();
        assertThat(fx(() -> view.node().lookupAll(".value-indicator-label").size())).as("BTCUSD's level labels").isZero();

        // back on BTCUSD its candles and (with its next overlay) its levels return
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, head, new long[0], new double[0], List.of(), true, levels)));
        assertThat(candleColumns("btc-after-xrp")).isGreaterThan(150);
        assertThat(fx(() -> view.node().lookupAll(".value-indicator-label").size())).isEqualTo(2);
    }

    private static LiveSnapshot live(boolean running, LiveSignal s) {
        return new LiveSnapshot("session-1", "cnn-btcusd", "BTCUSD", "1m", LiveMode.INFERENCE, running, 1,
                s, List.of(s), List.of(), 0, 0, "FLAT", Double.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "");
    }

    /** Renders the chart and counts pixel columns of its plot area holding a candle colour. */
    private int candleColumns(String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.root().snapshot(null, null));
        BufferedImage b = SwingFXUtils.fromFXImage(img[0], null);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(b, "png", dir.resolve("live-chart-candles-" + name + ".png").toFile());
        int columns = 0;
        // the plot area: inside the axes (price axis on the right, time axis at the bottom)
        for (int x = 20; x < b.getWidth() - 90; x++) {
            for (int y = 30; y < b.getHeight() - 60; y++) {
                if (CandleColours.isCandle(b.getRGB(x, y) & 0xffffff)) {
                    columns++;
                    break;
                }
            }
        }
        return columns;
    }
}
