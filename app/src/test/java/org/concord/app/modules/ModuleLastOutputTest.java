package org.concord.app.modules;

import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import org.concord.app.DeskHarness;
import org.concord.app.shell.Themes;
import org.concord.orchestrator.module.ModuleState;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seen on the desk's Modules tab: the Last output column was cut at the table's edge with no "…" and no way to read the
 * rest (the column had been widened to its longest reason, past the edge of a constrained table, which has no scroll
 * bar). The text is now whole on one line and the table scrolls sideways to its end; the rows keep one line each, so
 * the switches never move as the outputs change.
 */
class ModuleLastOutputTest extends ModulesTabFixture {
    private static final String LONG = "SELL 0.33 · structure L1:LH/LL L2:LH/LL L3:HH/HL, the last swing high 917.50 broken down by the close "
            + "899.60 at 02:13 with two lower highs since 00:45; Williams fractal confirmed 9 bars ago, pivot R1 905.20 above, S1 887.00 below";

    @Test
    void aLongLastOutputIsWholeOnOneLineAndTheTableScrollsToItsEnd() throws Exception {
        FxToolkit.registerPrimaryStage();
        ModulePanelView[] view = new ModulePanelView[1];
        FxToolkit.setupStage(s -> {
            Themes.apply("dark");
            view[0] = new ModulePanelView(new ModulePanelPresenter(bus, presenters, null));
            Scene scene = new Scene((Parent) view[0].node(), 1200, 300);
            scene.getStylesheets().add(Themes.APP_CSS);
            s.setScene(scene);
            s.show();
        });
        robot.interact(() -> view[0].show(List.of(row(LONG))));
        // past TableFit's throttle, which widens the column
        WaitForAsyncUtils.sleep(3 * 250, TimeUnit.MILLISECONDS);
        DeskHarness.pulses(5);
        TableCell<?, ?> cell = outputCell();
        double rowHeight = DeskHarness.fx(() -> cell.getTableRow().getHeight());
        assertThat(DeskHarness.fx(() -> texts(cell, new ArrayList<>()).stream().map(Text::getText).toList())).as("the cell's drawn text")
                .containsExactly(LONG);
        ScrollBar sideways = DeskHarness.fx(() -> view[0].table().lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL).map(n -> (ScrollBar) n).findFirst().orElseThrow());
        assertThat(DeskHarness.fx(sideways::isVisible)).as("a scroll bar to reach the text's end").isTrue();
        robot.interact(() -> sideways.setValue(sideways.getMax()));
        DeskHarness.pulses(3);
        double[] edges = DeskHarness.fx(() -> {
            Text t = texts(outputCell(), new ArrayList<>()).get(0);
            Bounds drawn = t.localToScene(t.getLayoutBounds());
            Bounds table = view[0].table().localToScene(view[0].table().getLayoutBounds());
            return new double[] {drawn.getMaxX(), table.getMaxX()};
        });
        assertThat(edges[0]).as("the text's end, scrolled to, within the table").isLessThanOrEqualTo(edges[1]);

        // another output, longer still: its own whole text, and the row keeps its height
        robot.interact(() -> view[0].show(List.of(row("BUY 0.41 · " + LONG))));
        WaitForAsyncUtils.sleep(3 * 250, TimeUnit.MILLISECONDS);
        DeskHarness.pulses(5);
        assertThat(DeskHarness.fx(() -> texts(outputCell(), new ArrayList<>()).stream().map(Text::getText).toList())).containsExactly("BUY 0.41 · " + LONG);
        assertThat(DeskHarness.fx(() -> outputCell().getTableRow().getHeight())).as("the row's height").isEqualTo(rowHeight);
    }

    private static List<Text> texts(Node n, List<Text> out) {
        if (n instanceof Text t && t.isVisible() && !t.getText().isEmpty()) {
            out.add(t);
        } else if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> texts(c, out));
        }
        return out;
    }

    private static ModuleRow row(String output) {
        return new ModuleRow("pivots", "module", ModuleState.RUNNING, "", true, 1.0, 0.06, 9.2, 38.9, output, 900, 0);
    }

    private TableCell<?, ?> outputCell() throws Exception {
        return DeskHarness.fx(() -> robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null && "Last output".equals(c.getTableColumn().getText())
                        && c.getTableRow() != null && c.getTableRow().getItem() != null)
                .map(n -> (TableCell<?, ?>) n).findFirst().orElseThrow());
    }
}
