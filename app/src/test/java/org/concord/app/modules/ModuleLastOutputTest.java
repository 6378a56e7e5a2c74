package org.concord.app.modules;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
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
 * Seen on the desk's Modules tab: the Last output column was cut at the table's edge with no "…" (the column had been
 * widened to its longest reason, past the table, where a constrained table has no scroll bar). The column ends at the
 * table's edge and its text is whole, wrapped within it, following status changes.
 */
class ModuleLastOutputTest extends ModulesTabFixture {
    private static final String LONG = "SELL 0.33 · structure L1:LH/LL L2:LH/LL L3:HH/HL, the last swing high 917.50 broken down by the close "
            + "899.60 at 02:13 with two lower highs since 00:45; Williams fractal confirmed 9 bars ago, pivot R1 905.20 above, S1 887.00 below";

    @Test
    void aLongLastOutputIsWrappedWholeWithinTheTablesEdge() throws Exception {
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
        // past TableFit's throttle, which widened the column
        WaitForAsyncUtils.sleep(3 * 250, TimeUnit.MILLISECONDS);
        DeskHarness.pulses(5);
        assertWhole(view[0], LONG);

        // a status change brings its own whole text
        robot.interact(() -> view[0].show(List.of(row("BUY 0.41 · " + LONG))));
        DeskHarness.pulses(3);
        assertWhole(view[0], "BUY 0.41 · " + LONG);
    }

    /** The cell shows {@code text} whole, on more than one line, every line of it inside the table and the row. */
    private void assertWhole(ModulePanelView view, String text) throws Exception {
        TableCell<?, ?> cell = outputCell();
        List<Text> drawn = DeskHarness.fx(() -> texts(cell, new ArrayList<>()));
        assertThat(DeskHarness.fx(() -> drawn.stream().map(Text::getText).toList())).as("the cell's drawn text").containsExactly(text);
        double[] edges = DeskHarness.fx(() -> {
            Bounds t = drawn.get(0).localToScene(drawn.get(0).getLayoutBounds());
            Bounds c = cell.localToScene(cell.getLayoutBounds());
            Bounds table = view.table().localToScene(view.table().getLayoutBounds());
            return new double[] {t.getMaxX(), c.getMaxX(), table.getMaxX(), t.getMaxY(), c.getMaxY(), t.getHeight(), drawn.get(0).getFont().getSize()};
        });
        assertThat(edges[0]).as("the text's right edge within the cell's").isLessThanOrEqualTo(edges[1]);
        assertThat(edges[1]).as("the Last output cell's right edge within the table's").isLessThanOrEqualTo(edges[2]);
        assertThat(edges[3]).as("the text's last line within its row").isLessThanOrEqualTo(edges[4] + 0.5);
        assertThat(edges[5]).as("the text's height: wrapped onto several lines").isGreaterThan(2 * edges[6]);
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
