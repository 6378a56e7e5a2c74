package org.concord.app.shell;

import javafx.application.Application;
import javafx.scene.Node;
import org.concord.app.ConcordApp;
import org.concord.app.DeskHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * A restart whose saved tab was not Live, in a 1280x800 window: the Live tab, opened later, lays its panels out for
 * the window it is in. It kept the wide arrangement (the chart squeezed between the two panels) until the window was
 * resized: its arrangement was chosen while the tab was hidden, before its panels had their widths.
 */
class LiveTabAfterRestartTest {
    static Path dataDir;
    static Application app;

    @BeforeAll
    static void launch() throws Exception {
        dataDir = DeskHarness.dataDir("concord-live-restart", "full");
        new UiStateStore(dataDir).save(UiState.DEFAULT.withWindow(0, 0, 1280, 800, false).withTab("modules"));
        app = DeskHarness.launch(dataDir, UnaryOperator.identity()).app();
    }

    @AfterAll
    static void close() throws Exception {
        DeskHarness.close(app, dataDir);
    }

    @Test
    void theLiveTabOpenedAfterARestartOnAnotherTabGivesTheChartItsRoom() throws Exception {
        MainWindow w = ConcordApp.current().window();
        assertThat(fx(() -> w.tabs().getSelectionModel().getSelectedItem().getId())).isEqualTo("modules");
        new FxRobot().interact(() -> w.select("live"));
        Node chart = fx(() -> w.chart().node());
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS,
                () -> fx(() -> chart.getScene() != null && chart.getLayoutBounds().getWidth() > 0));
        WaitForAsyncUtils.waitForFxEvents();
        double width = fx(() -> chart.getLayoutBounds().getWidth());
        assertThat(width).as("the chart's width in a 1280 px window").isGreaterThanOrEqualTo(LiveTab.CHART_MIN_WIDTH);
        Node panel = fx(() -> w.liveInferenceView().node());
        assertThat(fx(() -> panel.localToScene(panel.getLayoutBounds()).getMinX()))
                .as("the live-inference panel is under the watchlist, left of the chart").isLessThan(fx(() -> chart.localToScene(0, 0).getX()));
    }
}
