package org.concord.app.portfolio;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.concord.annotate.DisplaySettings;
import org.concord.app.DeskHarness;
import org.concord.chart.DisplayFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alignment chart before the first alignment: on a real display its time axis read "01-01 00:00" (1970, the epoch
 * of an axis with nothing on it). It shows no time labels then, and says there is no data yet; its first points bring
 * their own times.
 */
class EmptyChartTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void anEmptyAlignmentChartShowsNoEpochTimesButSaysNoDataYet() throws Exception {
        FxToolkit.registerPrimaryStage();
        CoordinationPane[] pane = new CoordinationPane[1];
        FxToolkit.setupStage(s -> {
            pane[0] = new CoordinationPane(new DisplaySettings(DisplayFormat.UTC));
            s.setScene(new Scene((Parent) pane[0].node(), 1400, 900));
            s.show();
        });
        DeskHarness.pulses(10);
        assertThat(DeskHarness.fx(() -> timeLabels(chart()))).as("time labels of the empty chart").isEmpty();
        assertThat(DeskHarness.fx(() -> placeholder().isVisible())).isTrue();
        assertThat(DeskHarness.fx(() -> placeholder().getText())).isEqualTo("no alignment yet");

        long t0 = 1_385_510_400_000L; // 2013-11-27 00:00 UTC
        robot.interact(() -> pane[0].show(new PortfolioModel(null, new long[0], new double[0], new long[0], Map.of(), List.of(), List.of(),
                new long[]{t0, t0 + 3_600_000L, t0 + 7_200_000L}, new double[]{0.5, 0.75, 1.0}, null)));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS,
                () -> DeskHarness.fx(() -> timeLabels(chart()).stream().anyMatch(l -> l.startsWith("11-27"))));
        assertThat(DeskHarness.fx(() -> timeLabels(chart()))).noneMatch(l -> l.startsWith("01-01"));
        assertThat(DeskHarness.fx(() -> placeholder().isVisible())).isFalse();
    }

    private LineChart<?, ?> chart() {
        return (LineChart<?, ?>) robot.lookup("#harmony-chart").query();
    }

    private Label placeholder() {
        return robot.lookup("#harmony-chart-empty").queryAs(Label.class);
    }

    /** The time axis's tick labels a person sees. */
    private static List<String> timeLabels(LineChart<?, ?> chart) {
        Axis<?> x = chart.getXAxis();
        if (!x.isTickLabelsVisible() || !x.isVisible()) {
            return List.of();
        }
        return x.getChildrenUnmodifiable().stream().filter(n -> n instanceof Text && n.isVisible())
                .map(n -> ((Text) n).getText()).filter(t -> t != null && !t.isEmpty()).collect(Collectors.toList());
    }
}
