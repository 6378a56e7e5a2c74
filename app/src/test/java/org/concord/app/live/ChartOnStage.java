package org.concord.app.live;

import io.fair_acc.chartfx.plugins.DataPointTooltip;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import org.concord.app.DeskHarness;
import java.util.Optional;

import javafx.scene.Scene;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/** The live chart alone on TestFX's primary stage, dark theme, as the chart's tests (live and trading) look at it. */
public final class ChartOnStage {
    private ChartOnStage() {
    }

    /** A new chart in a {@code width}×{@code height} scene; {@code before} runs on the FX thread before it shows (plugins). */
    public static LiveChartView show(int width, int height, Consumer<LiveChartView> before) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        LiveChartView[] view = new LiveChartView[1];
        FxToolkit.setupStage(s -> {
            view[0] = new LiveChartView();
            view[0].setTheme("dark");
            before.accept(view[0]);
            s.setScene(new Scene(view[0].node(), width, height));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return view[0];
    }

    public static LiveChartView show(int width, int height) throws TimeoutException {
        return show(width, height, v -> { });
    }

    /** The text of the chart's data point tooltip while it shows (a marker's label under the pointer). */
    public static Optional<String> tooltip(LiveChartView view) {
        return DeskHarness.fx(() -> view.node().lookupAll("." + DataPointTooltip.STYLE_CLASS_LABEL).stream()
                .filter(n -> n instanceof Label l && l.isVisible() && l.getScene() != null)
                .map(n -> ((Label) n).getText()).findFirst());
    }

    /**
     * The text the tooltip's skin draws while it shows: {@link #tooltip} reads what the label was told, which a label
     * not laid out again after {@code setText} never draws.
     */
    public static Optional<String> drawnTooltip(LiveChartView view) {
        return DeskHarness.fx(() -> view.node().lookupAll("." + DataPointTooltip.STYLE_CLASS_LABEL).stream()
                .filter(n -> n instanceof Label l && l.isVisible() && l.getScene() != null)
                .flatMap(n -> ((Label) n).getChildrenUnmodifiable().stream())
                .filter(c -> c instanceof Text).map(c -> ((Text) c).getText()).findFirst());
    }
}
