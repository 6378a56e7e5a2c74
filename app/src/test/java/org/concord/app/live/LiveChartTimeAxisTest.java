package org.concord.app.live;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import javafx.scene.text.Text;
import javafx.stage.Stage;
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

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The live chart's time-axis labels never run into each other. Seen on the desk (a chart about 420 px wide): at 15m,
 * 1h and 1d the labels ("11-25 06:10") were written on top of each other, because ChartFX picked its tick spacing
 * from a fixed label count, not from how wide these labels are. The test lays the axis out for each timeframe and
 * width and measures every drawn label (its text in the axis's tick-label font) at the position ChartFX gives it.
 */
class LiveChartTimeAxisTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    /** Space (px) a reader needs between two labels to see them as two. */
    private static final double MIN_GAP = 8;
    private Stage stage;
    private LiveChartView view;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        view = ChartOnStage.show(420, 500);
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void timeLabelsNeverOverlapAtAnyTimeframeOrWidth() throws Exception {
        List<String> problems = new ArrayList<>();
        BarSeries daily = BundledData.appleDailyBars(new InputQuality());
        for (Timeframe tf : new Timeframe[] {Timeframe.M1, Timeframe.M15, Timeframe.H1}) {
            check(BTC, tf, RealBars.bitstamp(tf), problems);
        }
        check(BundledData.AAPL, Timeframe.D1, daily, problems);
        assertThat(problems).as("overlapping or missing time labels").isEmpty();
    }

    /**
     * Seen on the real display at 15m and 1h: the first label read "25 00:00", its start ("11-") cut by the axis's
     * left end. A label is drawn whole on the axis, or not at all.
     */
    @Test
    void everyDrawnTimeLabelIsWholeOnTheAxis() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Timeframe tf : new Timeframe[] {Timeframe.M1, Timeframe.M15, Timeframe.H1}) {
            for (double width : new double[] {420, 700, 1100}) {
                robot.interact(() -> {
                    stage.setWidth(width);
                    view.apply(new LiveDelta(BTC, tf, RealBars.bitstamp(tf), new long[0], new double[0], List.of(), true, null));
                });
                DeskHarness.pulses(3);
                double length = fx(() -> view.timeAxis().getWidth());
                for (double[] box : fx(() -> labelBoxes(view.timeAxis()))) {
                    if (box[0] < 0 || box[1] > length) {
                        problems.add(String.format("%s at %.0f px: label [%.0f, %.0f] on an axis [0, %.0f]", tf.code(), width, box[0], box[1], length));
                    }
                }
            }
        }
        assertThat(problems).as("time labels cut by the axis's ends").isEmpty();
    }

    private void check(Symbol symbol, Timeframe tf, BarSeries bars, List<String> problems) throws Exception {
        for (double width : new double[] {420, 700, 1100, 1500}) {
            robot.interact(() -> {
                stage.setWidth(width);
                view.apply(new LiveDelta(symbol, tf, bars, new long[0], new double[0], List.of(), true, null));
            });
            DeskHarness.pulses(3); // a layout and a draw of the axis at the new width
            List<double[]> boxes = fx(() -> labelBoxes(view.timeAxis()));
            String at = tf.code() + " at " + (int) width + " px";
            if (boxes.size() < 2) {
                problems.add(at + ": " + boxes.size() + " label(s)");
            }
            for (int i = 1; i < boxes.size(); i++) {
                double[] a = boxes.get(i - 1);
                double[] b = boxes.get(i);
                if (a[1] + MIN_GAP > b[0]) {
                    problems.add(String.format("%s: labels [%.0f, %.0f] and [%.0f, %.0f] overlap", at, a[0], a[1], b[0], b[1]));
                }
            }
        }
    }

    /** [left, right] in axis pixels of every drawn major label, left to right, measured in the axis's label font. */
    private static List<double[]> labelBoxes(DefaultNumericAxis axis) {
        List<double[]> out = new ArrayList<>();
        for (TickMark m : axis.getTickMarks()) {
            if (!m.isVisible() || m.getText() == null || m.getText().isEmpty()) {
                continue;
            }
            Text t = new Text(m.getText());
            t.setFont(axis.getTickLabelStyle().getFont());
            double w = Math.max(t.getLayoutBounds().getWidth(), m.getWidth());
            if (m.getPosition() < 0 || m.getPosition() > axis.getWidth()) {
                continue;
            }
            out.add(new double[] {m.getPosition() - w / 2, m.getPosition() + w / 2});
        }
        out.sort((a, b) -> Double.compare(a[0], b[0]));
        return out;
    }
}
