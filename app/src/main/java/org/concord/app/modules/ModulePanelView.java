package org.concord.app.modules;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.concord.model.Symbol;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.module.ModuleState;
import org.concord.app.shell.Labels;
import org.concord.app.shell.SwitchCell;
import org.concord.app.shell.TableFit;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The module status table: name, state (with the error reason), latencies, last output, weight and vote share,
 * and a switch per row ({@link SwitchCell}) that enables/disables the module live; a model's switch takes it out of
 * the decisions or brings it back after it struck out (not persisted: the node registers its models). Renders
 * snapshots only.
 */
public final class ModulePanelView {
    private final BorderPane root = new BorderPane();
    private final TableView<ModuleRow> table = new TableView<>();
    private final ObservableList<ModuleRow> items = FXCollections.observableArrayList();
    private final ComboBox<String> preset = new ComboBox<>(FXCollections.observableArrayList(ConfigFiles.PRESETS));
    private final ModulePanelPresenter presenter;
    private final Label presetStatus = new Label();
    private final Label symbol = new Label("Modules");
    private final Label scope = new Label();
    private MacroImportDialog macroDialog;
    private String running;
    private boolean showingPreset;

    public ModulePanelView(ModulePanelPresenter presenter) {
        this.presenter = presenter;
        table.setId("module-table");
        table.setItems(items);
        // unconstrained: the table scrolls sideways to the end of the longest Last output. Constrained, that column ran
        // past the table's edge with no scroll bar and its text could not be read; cut to "…" (with a tooltip, which
        // seldom showed while the market moved) it was still not read, and wrapped, the rows grew and shrank as the
        // outputs changed, moving the switches under the pointer (ModuleLastOutputTest)
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("waiting for the orchestrator's module status…"));
        TableColumn<ModuleRow, ModuleRow> on = new TableColumn<>("On");
        on.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        on.setCellFactory(c -> new SwitchCell<>("toggle-", ModuleRow::id, ModuleRow::switchedOn,
                r -> r.state() == ModuleState.LOADING, (r, now) -> presenter.toggle(r.id(), now)));
        on.setPrefWidth(70);
        on.setSortable(false);
        table.getColumns().add(on);
        table.getColumns().add(text("Module", 150, ModuleRow::id));
        table.getColumns().add(text("Kind", 80, ModuleRow::kind));
        TableColumn<ModuleRow, ModuleRow> state = new TableColumn<>("State");
        state.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        state.setCellFactory(c -> new StateCell());
        state.setPrefWidth(220);
        table.getColumns().add(state);
        // Last is one call, p99 the bound of a histogram bucket (core's LatencyHistogram, buckets ~3% wide) over every
        // call since the module was (re-)enabled. One call in a hundred is slower than the p99, so a Last above it is
        // a true reading, not an error; "≤" says the p99 is a bound, since two modules in one bucket show one figure
        TableColumn<ModuleRow, String> last = text("Last µs", 80, r -> r.calls() == 0 ? "" : fmt(r.lastLatencyMicros()));
        TableColumn<ModuleRow, String> p99 = text("p99 µs", 80, ModulePanelView::p99);
        table.getColumns().add(last);
        table.getColumns().add(p99);
        headerTip(last, "How long the module's last call took. A single call: one in a hundred is slower than the p99, "
                + "so it can be above it.");
        headerTip(p99, "99 in 100 of the module's calls since it was (re-)enabled took at most this long. '≤': the upper bound "
                + "of the latency histogram's bucket (at most ~3% above the true p99), not a measured call.");
        table.getColumns().add(text("Weight · share", 120, r -> fmt(r.weight())
                + (Double.isNaN(r.share()) ? "" : String.format(Locale.ROOT, " · %.0f%%", 100 * r.share()))));
        table.getColumns().add(text("Strikes", 60, r -> Long.toString(r.strikes())));
        // last: the source's reason is the longest text of a row, on one line (TableFit widens the column to it)
        table.getColumns().add(text("Last output", 240, ModuleRow::lastOutput));

        TableFit.install(table);
        preset.setId("preset-chooser");
        preset.setOnAction(e -> {
            String p = preset.getValue();
            if (p != null && !showingPreset && !p.equals(running)) {
                presenter.applyPreset(p);
                presetStatus.setText("switching to " + p + "…");
            }
        });
        presetStatus.setId("preset-status");
        Button macro = new Button("Macro data…");
        macro.setId("macro-data");
        macro.setTooltip(new Tooltip("Import a DXY/VIX (or other daily) series from CSV and set the macro gate's rule for it"));
        macro.setOnAction(e -> macroDialog().show());
        Labels.keepWidth(macro);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        preset.setTooltip(new Tooltip("The whole preset applies live to every instrument's orchestrator: modules, weights, thresholds, "
                + "threading, settings; saved to concord.yaml"));
        // whose orchestrator: the rows follow the watchlist's instrument, a switch reaches every instrument's. One line
        // with the preset: every line above the table is a module row fewer on a 900 px window
        symbol.setId("modules-symbol");
        symbol.setStyle("-fx-font-weight: bold;");
        scope.setId("modules-scope");
        Labels.keepWidth(symbol, scope);
        HBox top = new HBox(8, symbol, Labels.fixed("Preset"), preset, presetStatus, scope, gap, macro);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6));
        root.setTop(top);
        root.setCenter(table);
    }

    public Node node() {
        return root;
    }

    /** The macro data dialog (one per panel: it keeps the last file and rule while the desk runs). */
    public MacroImportDialog macroDialog() {
        if (macroDialog == null) {
            macroDialog = new MacroImportDialog(root.getScene() == null ? null : root.getScene().getWindow(), presenter.macroImport());
        }
        return macroDialog;
    }

    public TableView<ModuleRow> table() {
        return table;
    }

    /** Names the instrument whose orchestrator the rows are (FX thread). */
    public void showSymbol(Symbol s) {
        symbol.setText("Modules — " + s.code());
        scope.setText("the rows are " + s.code() + "'s orchestrator; a switch or a preset applies to every instrument");
    }

    /** Shows the preset the orchestrator runs (FX thread); choosing in the list switches it. */
    public void showPreset(String p) {
        running = p;
        showingPreset = true;
        try {
            preset.setValue(p);
        } finally {
            showingPreset = false;
        }
        presetStatus.setText("");
    }

    /** Applies one snapshot (FX thread). */
    public void show(List<ModuleRow> rows) {
        if (items.size() == rows.size()) {
            for (int i = 0; i < rows.size(); i++) {
                if (!items.get(i).equals(rows.get(i))) {
                    items.set(i, rows.get(i));
                }
            }
        } else {
            items.setAll(rows);
        }
    }

    /** "≤ 41.0": the p99 is a bucket's upper bound; empty before the first timed call (a sampled run times some). */
    static String p99(ModuleRow r) {
        return r.calls() == 0 || !(r.p99LatencyMicros() > 0) ? "" : "≤ " + fmt(r.p99LatencyMicros());
    }

    /**
     * A header's tooltip, installed on the column's header node once the table's skin has built it (a column has no
     * tooltip of its own, and a graphic in its header would hide the column from TableFit's measure).
     */
    private void headerTip(TableColumn<ModuleRow, ?> column, String text) {
        Tooltip tip = new Tooltip(text);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Runnable install = () -> {
            for (Node n : table.lookupAll(".column-header")) {
                if (n instanceof TableColumnHeader h && h.getTableColumn() == column) {
                    Tooltip.install(h, tip);
                }
            }
        };
        table.skinProperty().addListener((o, a, b) -> Platform.runLater(install)); // the headers come with the skin's first layout
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v) : "";
    }

    private static TableColumn<ModuleRow, String> text(String title, double width, Function<ModuleRow, String> f) {
        TableColumn<ModuleRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private static final class StateCell extends TableCell<ModuleRow, ModuleRow> {
        @Override
        protected void updateItem(ModuleRow r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll("state-running", "state-error", "state-disabled", "state-loading");
            if (empty || r == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            // "DISABLED — disabled" says it twice: a reason that only names the state is left out
            String reason = r.reason().isEmpty() || r.reason().equalsIgnoreCase(r.state().name()) ? "" : " — " + r.reason();
            setText(r.state() + reason);
            setTooltip(r.reason().isEmpty() ? null : new Tooltip(r.reason()));
            getStyleClass().add(switch (r.state()) {
                case RUNNING -> "state-running";
                case ERROR -> "state-error";
                case LOADING -> "state-loading";
                default -> "state-disabled";
            });
        }
    }
}
