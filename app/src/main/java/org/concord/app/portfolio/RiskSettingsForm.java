package org.concord.app.portfolio;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concord.config.TradingSettings;
import org.concord.engine.TradingSettingsChange;
import org.concord.execution.SizingConfig;
import org.concord.risk.RiskLimitField;
import org.concord.risk.RiskLimits;
import org.concord.risk.RiskLimitsForm;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The risk limits and the sizing method of the running pipeline, editable. Apply reads the fields with core's
 * {@link RiskLimitsForm} (a bad field: its message beside it, nothing sent), then sends the whole set through
 * {@code send} (a command on the bus); core applies it, writes it to {@code concord.yaml} and answers. The fields
 * follow the settings in force until the person types; Reset goes back to them.
 */
final class RiskSettingsForm {
    private final VBox root = new VBox(8);
    private final Map<RiskLimitField, TextField> fields = new EnumMap<>(RiskLimitField.class);
    private final Map<RiskLimitField, Label> errors = new EnumMap<>(RiskLimitField.class);
    private final ToggleGroup sizing = new ToggleGroup();
    private final RadioButton fixed = new RadioButton("Fixed fractional");
    private final RadioButton kelly = new RadioButton("Kelly (capped half-Kelly once a source has 30 trades)");
    private final TextField symbolNetLimit = new TextField();
    private final Label status = new Label("the settings in force are shown once the pipeline has run a bar");
    private final BiConsumer<Map<String, Double>, String> send;
    private TradingSettings inForce;
    private TradingSettingsChange shownChange;
    /** The settings the last applied change replaced, until a snapshot shows something else. */
    private TradingSettings replaced;
    private boolean edited;
    private boolean filling;

    RiskSettingsForm(BiConsumer<Map<String, Double>, String> send) {
        this.send = send;
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int r = 0;
        for (RiskLimitField f : RiskLimitField.values()) {
            TextField t = new TextField();
            t.setId("limit-" + f.key());
            t.setPrefColumnCount(8);
            t.textProperty().addListener((o, a, b) -> edited |= !filling);
            Label err = new Label();
            err.setId("limit-error-" + f.key());
            err.getStyleClass().add("field-error");
            Label unit = new Label(f.unit().suffix() + (f.key().startsWith("max") ? " of equity" : ""));
            Label label = new Label(f.label());
            label.setMinWidth(Region.USE_PREF_SIZE);
            grid.addRow(r++, label, t, unit, err);
            fields.put(f, t);
            errors.put(f, err);
        }
        fixed.setId("sizing-fixed");
        kelly.setId("sizing-kelly");
        fixed.setToggleGroup(sizing);
        kelly.setToggleGroup(sizing);
        sizing.selectedToggleProperty().addListener((o, a, b) -> edited |= !filling);
        Button apply = new Button("Apply to the running pipeline");
        apply.setId("apply-settings");
        apply.setDefaultButton(true);
        apply.setOnAction(e -> apply());
        Button reset = new Button("Reset to what is in force");
        reset.setId("reset-settings");
        reset.setOnAction(e -> {
            edited = false;
            fill();
        });
        status.setId("settings-status");
        status.setWrapText(true);
        Label sizingTitle = new Label("Position sizing");
        sizingTitle.setStyle("-fx-font-weight: bold;");
        Label limitsTitle = new Label("Risk limits (the last word: no model can exceed them)");
        limitsTitle.setStyle("-fx-font-weight: bold;");
        root.setPadding(new Insets(10));
        HBox actions = new HBox(10, apply, reset, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        // the coordinator's own per-symbol limit, which its net-limit events cite ("above the 50.00% limit"): shown beside
        // the risk manager's so a trader can find it, read-only since no setting of concord.yaml reaches it (a code default)
        Label coordinatorTitle = new Label("Coordinator limit (applied before the risk limits; read-only)");
        coordinatorTitle.setStyle("-fx-font-weight: bold;");
        symbolNetLimit.setId("limit-coordinator-symbol-net");
        symbolNetLimit.setEditable(false);
        symbolNetLimit.setFocusTraversable(false);
        symbolNetLimit.setPrefColumnCount(8);
        symbolNetLimit.getStyleClass().add("read-only");
        Label netLabel = new Label("Max net per symbol (coordinator)");
        netLabel.setMinWidth(Region.USE_PREF_SIZE);
        Label netNote = new Label("% of equity · the limit the coordination events' net-limit cuts cite; set in code, not in concord.yaml");
        netNote.setId("limit-coordinator-symbol-net-note");
        netNote.setWrapText(true);
        GridPane coordinator = new GridPane();
        coordinator.setHgap(10);
        coordinator.setPadding(new Insets(8));
        coordinator.addRow(0, netLabel, symbolNetLimit, netNote);
        root.getChildren().addAll(actions, sizingTitle, new HBox(16, fixed, kelly), limitsTitle, grid, coordinatorTitle, coordinator);
    }

    /** The coordinator's per-symbol net exposure limit in force (fraction of equity; NaN before the first snapshot). */
    void showCoordinatorLimit(double fraction) {
        symbolNetLimit.setText(Double.isFinite(fraction) ? RiskLimitsForm.percent(fraction) : "");
    }

    TextField field(RiskLimitField f) {
        return fields.get(f);
    }

    TextField coordinatorLimit() {
        return symbolNetLimit;
    }

    Node node() {
        ScrollPane sp = new ScrollPane(root);
        sp.setFitToWidth(true);
        return sp;
    }

    Label status() {
        return status;
    }

    /**
     * The settings in force (from the snapshot) and core's last answer. The answer comes first: a snapshot taken before
     * an applied change can arrive after its answer (under load, seen as the form falling back to the old values, and
     * an Apply then sending them again). A snapshot that still shows the settings the change replaced is that stale
     * one and is passed over; any other settings are news (a change from elsewhere) and are shown.
     */
    void show(TradingSettings now, TradingSettingsChange change) {
        if (change != null && change != shownChange) {
            shownChange = change;
            status.getStyleClass().removeAll("field-error", "settings-applied");
            status.getStyleClass().add(change.accepted() ? "settings-applied" : "field-error");
            status.setText(change.message() + " · in force: sizing " + TradingSettings.sizingName(change.inForce().sizing())
                    + ", max order " + RiskLimitsForm.text(RiskLimitField.MAX_ORDER_FRACTION, change.inForce().limits()) + " %");
            if (change.accepted()) {
                replaced = change.inForce().equals(inForce) ? null : inForce;
                inForce = change.inForce();
                edited = false;
                fill();
            }
        }
        if (now == null || now.equals(replaced)) {
            return;
        }
        replaced = null;
        if (!now.equals(inForce)) {
            if (inForce == null && shownChange == null) {
                status.setText("in force in the running pipeline (from concord.yaml): edit, then Apply");
            }
            inForce = now;
            if (!edited) {
                fill();
            }
        }
    }

    private void fill() {
        if (inForce == null) {
            return;
        }
        filling = true;
        for (RiskLimitField f : RiskLimitField.values()) {
            fields.get(f).setText(RiskLimitsForm.text(f, inForce.limits()));
            errors.get(f).setText("");
        }
        sizing.selectToggle(inForce.sizing() == SizingConfig.Method.KELLY ? kelly : fixed);
        filling = false;
    }

    private void apply() {
        Map<RiskLimitField, String> texts = new EnumMap<>(RiskLimitField.class);
        fields.forEach((f, t) -> texts.put(f, t.getText()));
        RiskLimits base = inForce == null ? RiskLimits.defaults() : inForce.limits();
        RiskLimitsForm.Result r = RiskLimitsForm.read(texts, base);
        for (RiskLimitField f : RiskLimitField.values()) {
            errors.get(f).setText(r.errors().getOrDefault(f, ""));
        }
        if (!r.ok()) {
            status.getStyleClass().removeAll("field-error", "settings-applied");
            status.getStyleClass().add("field-error");
            status.setText(r.errors().size() + (r.errors().size() == 1 ? " field is" : " fields are") + " not valid: nothing applied");
            return;
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (RiskLimitField f : RiskLimitField.values()) {
            values.put(f.key(), f.of(r.limits()));
        }
        status.getStyleClass().removeAll("field-error", "settings-applied");
        status.setText("sent; waiting for the pipeline…");
        send.accept(values, TradingSettings.sizingName(sizing.getSelectedToggle() == kelly ? SizingConfig.Method.KELLY
                : SizingConfig.Method.FIXED_FRACTIONAL));
    }
}
