package org.concord.app.modules;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concord.annotate.DisplaySettings;
import org.concord.app.DeskHarness;
import org.concord.app.live.LiveInferencePresenter;
import org.concord.app.shell.Themes;
import org.concord.chart.DisplayFormat;
import org.concord.live.ModelInfo;
import org.concord.live.ModelInfoReport;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Modules tab's models table shows every model's row whole. On a real display its third row (cnn-aapl) sat behind
 * the horizontal scrollbar that a long note brings: the table was 140 px high, room for a header and two rows.
 */
class ModelTableHeightTest extends ModulesTabFixture {
    @Test
    void everyModelRowIsWholeAboveTheHorizontalScrollbar() throws Exception {
        FxToolkit.registerPrimaryStage();
        ModelTogglesView[] view = new ModelTogglesView[1];
        FxToolkit.setupStage(s -> {
            Themes.apply("dark"); // the desk's theme: its rows are taller than Modena's
            view[0] = new ModelTogglesView(new LiveInferencePresenter(bus, presenters), new DisplaySettings(DisplayFormat.UTC));
            Region modules = new Region(); // the module table above takes the rest, as in the Modules tab
            VBox.setVgrow(modules, Priority.ALWAYS);
            Scene scene = new Scene(new VBox(4, modules, view[0].node()), 1400, 900);
            scene.getStylesheets().add(Themes.APP_CSS);
            s.setScene(scene);
            s.show();
        });
        String note = "v000001 trained, not installed: below the promotion gate: accuracy 0.512 vs majority 0.530 on the holdout, "
                + "AUC 0.49 out of sample; the next training starts when 2,000 more frames have matured";
        List<ModelInfo> models = new ArrayList<>();
        for (String s : List.of("BTCUSD", "ETHUSD", "AAPL")) {
            models.add(new ModelInfo("cnn-" + s.toLowerCase(), s, "none", true, true, 0, Double.NaN, Double.NaN, 0, false, null, note));
        }
        robot.interact(() -> view[0].show(new ModelInfoReport(models)));
        // the note's column is widened to its text a moment later (TableFit): then the scrollbar shows
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> DeskHarness.fx(() -> hiddenRows(view[0], 3)).isEmpty());
        } catch (TimeoutException e) {
            // fall through: the assertion names the rows hidden
        }
        assertThat(DeskHarness.fx(() -> hiddenRows(view[0], 3))).isEmpty();
    }

    /** The rows (of the first n) without a cell wholly inside the table and above a horizontal scrollbar that shows. */
    private static List<String> hiddenRows(ModelTogglesView view, int n) {
        var table = view.table();
        Bounds t = table.localToScene(table.getLayoutBounds());
        double bottom = t.getMaxY();
        boolean bar = false;
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()) {
                bottom = Math.min(bottom, b.localToScene(b.getLayoutBounds()).getMinY());
                bar = true;
            }
        }
        List<String> hidden = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean whole = false;
            for (Node node : table.lookupAll(".table-row-cell")) {
                if (node instanceof TableRow<?> r && r.getIndex() == i && !r.isEmpty() && r.isVisible()) {
                    whole |= r.localToScene(r.getLayoutBounds()).getMaxY() <= bottom + 0.5;
                }
            }
            if (!whole) {
                hidden.add("row " + i + (bar ? " (under the scrollbar)" : ""));
            }
        }
        // the test is about the scrollbar: it must be there (the note is wider than the window)
        if (!bar) {
            hidden.add("no horizontal scrollbar yet");
        }
        return hidden;
    }
}
