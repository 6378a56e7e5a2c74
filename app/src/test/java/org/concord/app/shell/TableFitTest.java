package org.concord.app.shell;

import javafx.animation.PauseTransition;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.util.Duration;
import org.concord.app.DeskHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A column whose cells format numbers ("0.00000" under the header "filled") was sized to its header only, and the
 * blotter showed "0.000..." on the real display: what the cells write counts too.
 */
class TableFitTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aColumnOfFormattedNumbersGrowsToWhatItsCellsWrite() throws Exception {
        FxToolkit.registerPrimaryStage();
        TableView<Double> table = new TableView<>();
        TableColumn<Double, Double> filled = new TableColumn<>("filled");
        filled.setCellValueFactory(r -> new SimpleObjectProperty<>(r.getValue()));
        filled.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.5f", v));
            }
        });
        TableColumn<Double, Double> other = new TableColumn<>("state");
        other.setCellValueFactory(r -> new SimpleObjectProperty<>(r.getValue()));
        table.getColumns().setAll(List.of(filled, other));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        FxToolkit.setupStage(s -> {
            TableFit.install(table);
            s.setScene(new Scene(table, 600, 300));
            s.show();
        });
        robot.interact(() -> table.getItems().setAll(12345.123456, 0.0));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> cutCells(table).isEmpty() && !renderedCells(table, "filled").isEmpty());
        assertThat(cutCells(table)).isEmpty();
    }

    /**
     * Rows that arrive while the table's tab is hidden are fitted once the tab is shown again (after a restart the
     * Training tab's versions read "REJECT..." on the real display: the fit had run on the hidden cells).
     */
    @Test
    void rowsThatArriveInAHiddenTabAreFittedWhenItIsShown() throws Exception {
        FxToolkit.registerPrimaryStage();
        TableView<String> table = new TableView<>();
        TableColumn<String, String> state = new TableColumn<>("st");
        state.setCellValueFactory(r -> new SimpleObjectProperty<>(r.getValue()));
        table.getColumns().setAll(List.of(state));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Tab other = new Tab("other", new Label("elsewhere"));
        Tab versions = new Tab("versions", table);
        TabPane tabs = new TabPane(versions, other);
        FxToolkit.setupStage(s -> {
            TableFit.install(table);
            s.setScene(new Scene(tabs, 600, 300));
            s.show();
        });
        robot.interact(() -> table.getItems().setAll("OK"));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> !renderedCells(table, "st").isEmpty());
        robot.interact(() -> tabs.getSelectionModel().select(other));
        // the fit runs while the tab is hidden: a pause as long as its throttle, started after the rows changed, ends on
        // the same animation clock no earlier than the throttle, whose end runs the fit
        AtomicBoolean fitted = new AtomicBoolean();
        robot.interact(() -> {
            table.getItems().setAll("OK", "REJECTED BELOW THE GATE");
            PauseTransition throttle = new PauseTransition(Duration.millis(TableFit.MIN_INTERVAL_MS));
            throttle.setOnFinished(e -> fitted.set(true));
            throttle.play();
        });
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, fitted::get);
        robot.interact(() -> tabs.getSelectionModel().select(versions));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> renderedCells(table, "st").size() == 2 && cutCells(table).isEmpty());
        assertThat(cutCells(table)).isEmpty();
    }

    /** Cells whose rendered text differs from their text (cut to "…"). */
    private List<String> cutCells(TableView<?> table) {
        List<String> cut = new ArrayList<>();
        robot.interact(() -> {
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof TableCell<?, ?> c && c.getText() != null) {
                    for (Node t : c.lookupAll(".text")) {
                        if (t instanceof Text x && !c.getText().equals(x.getText())) {
                            cut.add(x.getText() + " (full: " + c.getText() + ")");
                        }
                    }
                }
            }
        });
        return cut;
    }

    private List<String> renderedCells(TableView<?> table, String column) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> table.lookupAll(".table-cell").forEach(n -> {
            if (n instanceof TableCell<?, ?> c && c.getText() != null && c.getTableColumn() != null && column.equals(c.getTableColumn().getText())) {
                out.add(c.getText());
            }
        }));
        return out;
    }
}
