package org.concord.app.backtest;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.concord.annotate.DisplaySettings;
import org.concord.app.DeskHarness;
import org.concord.app.shell.Themes;
import org.concord.chart.DisplayFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Backtest tab's controls row at the desk's sizes: on a 1280x800 screen a person saw Run and Cancel drawn as "…"
 * beside a finished run's summary line (the line took their room). The buttons and the whole summary are drawn.
 */
class BacktestLayoutTest {
    private static final String SUMMARY = "done in 2.5 s — bundled Bitstamp BTC/USD trades: 100,000 trades; 9,398 bars traded, 17 trades (3,862 fills); "
            + "model cnn-btcusd cold start (abstained)";
    private final FxRobot robot = new FxRobot();
    @TempDir
    Path dataDir;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** A backtest tab of {@code width}×{@code height} in the dark theme, its view in {@code view[0]}. */
    private Stage show(BacktestView[] view, int width, int height) throws Exception {
        FxToolkit.registerPrimaryStage();
        return FxToolkit.setupStage(s -> {
            Themes.apply("dark");
            DisplaySettings display = new DisplaySettings(DisplayFormat.UTC);
            view[0] = new BacktestView(new BacktestPresenter(dataDir, display, () -> null), display);
            Scene scene = new Scene((Parent) view[0].node(), width, height);
            scene.getStylesheets().add(Themes.APP_CSS);
            s.setScene(scene);
            s.show();
        });
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1400, 820", "1280, 720"}) // the window less its feed bar, tabs and status line
    void runCancelAndTheSummaryAreDrawnWhole(int width, int height) throws Exception {
        BacktestView[] view = new BacktestView[1];
        Stage stage = show(view, width, height);
        robot.interact(() -> view[0].show(new BacktestSnapshot(BacktestSnapshot.State.DONE, "full-bundled", "combined", 1, 1, SUMMARY, null)));
        DeskHarness.pulses(20);
        DeskHarness.shot(stage, "backtest-layout-" + width + "x" + height);

        List<String> drawn = DeskHarness.fx(() -> {
            List<String> out = new ArrayList<>();
            for (String id : List.of("#backtest-run", "#backtest-cancel", "#backtest-phase")) {
                out.add(drawn(robot.lookup(id).queryAs(Labeled.class)));
            }
            return out;
        });
        assertThat(drawn.get(0)).as("the Run button").isEqualTo("Run");
        assertThat(drawn.get(1)).as("the Cancel button").isEqualTo("Cancel");
        assertThat(drawn.get(2).replace("\n", " ").replaceAll(" +", " ")).as("the summary line, wrapped where it must be").isEqualTo(SUMMARY);
    }

    /**
     * The equity chart's time labels lie whole within the chart: with a NumberAxis stepped by "nice" seconds the last
     * label ("12-02 16") was drawn half past the chart's right edge on a real display.
     */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"1400, 820", "1280, 720"})
    void theEquityChartsLastTimeLabelIsDrawnWhole(int width, int height) throws Exception {
        BacktestView[] view = new BacktestView[1];
        Stage stage = show(view, width, height);
        // the run the tester saw: 2013-11-24 13:33 to 2013-12-01 12:30 (UTC), one point a minute
        long from = 1_385_300_000_000L;
        int n = 10_000;
        long[] time = new long[n];
        double[] eq = new double[n];
        for (int i = 0; i < n; i++) {
            time[i] = from + i * 60_000L;
            eq[i] = 10_000 - i * 0.1;
        }
        BacktestOutcome o = new BacktestOutcome("full-bundled", List.of("result"), List.of(), List.of(new BacktestOutcome.Series("run", time, eq)),
                List.of(), SUMMARY);
        robot.interact(() -> view[0].show(new BacktestSnapshot(BacktestSnapshot.State.DONE, "full-bundled", "combined", 1, 1, SUMMARY, o)));
        DeskHarness.pulses(20);
        DeskHarness.shot(stage, "backtest-equity-axis-" + width + "x" + height);
        XYChart<?, ?> chart = robot.lookup("#backtest-equity").queryAs(XYChart.class);
        List<String> labels = new ArrayList<>();
        List<String> outside = DeskHarness.fx(() -> {
            List<String> out = new ArrayList<>();
            Bounds c = chart.localToScene(chart.getLayoutBounds());
            for (Node t : chart.getXAxis().getChildrenUnmodifiable()) {
                if (t instanceof Text x && x.isVisible() && !x.getText().isEmpty()) {
                    labels.add(x.getText());
                    Bounds b = x.localToScene(x.getLayoutBounds());
                    if (b.getMaxX() > c.getMaxX() || b.getMinX() < c.getMinX()) {
                        out.add(x.getText());
                    }
                }
            }
            return out;
        });
        assertThat(labels).as("time labels").hasSizeGreaterThanOrEqualTo(3);
        assertThat(outside).as("time labels past the chart's edge").isEmpty();
    }

    /** The text a node draws: its Text nodes' strings, in order (a Labeled's shows "…" where it was cut). */
    private static String drawn(Node n) {
        StringBuilder sb = new StringBuilder();
        collect(n, sb);
        return sb.toString();
    }

    private static void collect(Node n, StringBuilder sb) {
        if (n instanceof Text t) {
            if (t.isVisible()) {
                sb.append(t.getText());
            }
        } else if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, sb);
            }
        }
    }
}
