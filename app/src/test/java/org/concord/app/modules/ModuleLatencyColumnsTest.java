package org.concord.app.modules;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import org.concord.app.DeskHarness;
import org.concord.orchestrator.module.ModuleState;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seen on the desk's Modules tab: "Last µs" above "p99 µs" in a row, and several modules with one p99 (81.9, 57.3: the
 * bound of one histogram bucket), which a trader read as wrong figures. The p99 is written as the bound it is ("≤"),
 * and each latency header says what its figure is and why a last call may exceed the p99.
 */
class ModuleLatencyColumnsTest extends ModulesTabFixture {
    @Test
    void theP99IsWrittenAsABoundAndTheHeadersSayWhyTheLastCallMayExceedIt() throws Exception {
        FxToolkit.registerPrimaryStage();
        ModulePanelView[] view = new ModulePanelView[1];
        FxToolkit.setupStage(s -> {
            view[0] = new ModulePanelView(new ModulePanelPresenter(bus, presenters, null));
            s.setScene(new Scene((Parent) view[0].node(), 1200, 300));
            s.show();
        });
        robot.interact(() -> view[0].show(List.of(
                new ModuleRow("multi-timeframe", "module", ModuleState.RUNNING, "", true, 1.0, Double.NaN, 52.3, 41.0, "HOLD 0.00", 900, 0),
                new ModuleRow("alphatrend", "module", ModuleState.RUNNING, "", true, 1.0, Double.NaN, 3.9, 41.0, "BUY 0.93", 900, 0),
                new ModuleRow("pivots", "module", ModuleState.LOADING, "", true, 1.0, Double.NaN, 0, 0, "", 0, 0))));
        DeskHarness.pulses(3);

        Map<String, List<String>> byColumn = DeskHarness.fx(() -> robot.lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null && c.getTableRow() != null
                        && c.getTableRow().getItem() != null)
                .map(n -> (TableCell<?, ?>) n)
                .collect(Collectors.groupingBy(c -> c.getTableColumn().getText(),
                        Collectors.mapping(c -> Objects.toString(c.getText(), ""), Collectors.toList()))));
        assertThat(byColumn.get("p99 µs")).as("the p99 cells").containsExactly("≤ 41.0", "≤ 41.0", "");
        assertThat(byColumn.get("Last µs")).as("the last-call cells").containsExactly("52.3", "3.9", "");

        Map<String, String> tips = DeskHarness.fx(() -> robot.lookup(".column-header").queryAll().stream()
                .filter(TableColumnHeader.class::isInstance).map(TableColumnHeader.class::cast)
                .filter(h -> tooltip(h) != null)
                .collect(Collectors.toMap(h -> h.getTableColumn().getText(), h -> tooltip(h).getText())));
        assertThat(tips.get("Last µs")).as("the Last header's tooltip").contains("one in a hundred is slower than the p99");
        assertThat(tips.get("p99 µs")).as("the p99 header's tooltip").contains("upper bound").contains("bucket");
        assertThat(DeskHarness.fx(() -> robot.lookup(".column-header .label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).toList())).contains("Last µs", "p99 µs");
    }

    private static Tooltip tooltip(Node n) {
        Object t = n.getProperties().get("javafx.scene.control.Tooltip");
        return t instanceof Tooltip tip ? tip : null;
    }
}
