package org.concord.app.modules;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import org.concord.app.DeskHarness;
import org.concord.app.shell.Themes;
import org.concord.orchestrator.module.ModuleState;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seen on the desk's Modules tab: the Last output column was cut at the table's edge with no "…" (the column had been
 * widened to its longest reason, past the table, where a constrained table has no scroll bar). The column ends at the
 * table's edge, its cell ends in "…", and the whole text is its tooltip, following status changes.
 */
class ModuleLastOutputTest extends ModulesTabFixture {
    private static final String LONG = "SELL 0.33 · structure L1:LH/LL L2:LH/LL L3:HH/HL, the last swing high 917.50 broken down by the close "
            + "899.60 at 02:13 with two lower highs since 00:45; Williams fractal confirmed 9 bars ago, pivot R1 905.20 above, S1 887.00 below";

    @Test
    void aLongLastOutputEndsInAnEllipsisAtTheTablesEdgeAndIsWholeInTheTooltip() throws Exception {
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

        TableCell<?, ?> cell = outputCell();
        String drawn = DeskHarness.fx(() -> {
            StringBuilder sb = new StringBuilder();
            for (Node n : cell.lookupAll(".text")) {
                if (n instanceof Text t && t.isVisible()) {
                    sb.append(t.getText());
                }
            }
            return sb.toString();
        });
        double[] edges = DeskHarness.fx(() -> {
            Bounds c = cell.localToScene(cell.getLayoutBounds());
            Bounds t = view[0].table().localToScene(view[0].table().getLayoutBounds());
            return new double[] {c.getMaxX(), t.getMaxX()};
        });
        assertThat(edges[0]).as("the Last output cell's right edge within the table's").isLessThanOrEqualTo(edges[1]);
        String ellipsis = DeskHarness.fx(() -> ((TableCell<?, ?>) cell).getEllipsisString());
        assertThat(drawn).as("the cell as drawn").endsWith(ellipsis).startsWith("SELL 0.33 · structure").isNotEqualTo(LONG);
        Tooltip tip = DeskHarness.fx(() -> cell.getTooltip());
        assertThat(tip).as("the cell's tooltip").isNotNull();
        assertThat(DeskHarness.fx(() -> tip.getText())).isEqualTo(LONG);

        // a status change brings its own whole text to the tooltip
        robot.interact(() -> view[0].show(List.of(row("BUY 0.41 · " + LONG))));
        DeskHarness.pulses(3);
        assertThat(DeskHarness.fx(() -> outputCell().getTooltip().getText())).isEqualTo("BUY 0.41 · " + LONG);
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
