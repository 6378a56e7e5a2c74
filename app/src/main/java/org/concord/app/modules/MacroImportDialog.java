package org.concord.app.modules;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.concord.app.shell.Labels;
import org.concord.app.shell.Themes;
import org.concord.modules.strategy.macrogate.MacroImportReport;

import java.io.File;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * "Macro data…" in the module panel: a CSV file of an external daily series (DXY, VIX...) imported into the store
 * and made a rule of the macro gate, which closes new entries for every strategy while a rule fails. The person
 * picks the file, the series and the rule (DXY below its 200-day average and VIX below 20 by default); the session
 * that runs the orchestrator imports it and answers with the counts (rows added, kept, rejected by reason), the
 * series' dates and the gate's verdict, or the reason nothing was applied. The dialog only sends and shows.
 */
public final class MacroImportDialog {
    static final List<String> RULES = List.of("below", "above", "belowMa", "aboveMa");
    private static final Map<String, String> RULE_TEXT = Map.of(
            "below", "allow new entries while the close is below the level",
            "above", "allow new entries while the close is above the level",
            "belowMa", "allow new entries while the close is below its average over the period (days)",
            "aboveMa", "allow new entries while the close is above its average over the period (days)");
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final TextField file = new TextField();
    private final ComboBox<String> symbol = new ComboBox<>(FXCollections.observableArrayList("DXY", "VIX"));
    private final ComboBox<String> rule = new ComboBox<>(FXCollections.observableArrayList(RULES));
    private final Label ruleText = Labels.wrapping("", 520);
    private final TextField level = new TextField();
    private final TextField period = new TextField();
    private final CheckBox replace = new CheckBox("Replace stored bars that differ (default: keep them and count the rows)");
    private final Button run = new Button("Import");
    private final Label result = Labels.wrapping("", 620);
    private final MacroImportPresenter presenter;

    public MacroImportDialog(Window owner, MacroImportPresenter presenter) {
        if (presenter == null) {
            throw new IllegalArgumentException("presenter is required");
        }
        this.presenter = presenter;
        dialog.setTitle("Macro data for the macro gate");
        dialog.setHeaderText("Import a daily series (CSV) and the rule the macro gate applies to it.\n"
                + "While a rule fails, the gate closes new entries for every strategy (exits still go out).");
        dialog.getDialogPane().setId("macro-dialog");
        dialog.getDialogPane().getStylesheets().add(Themes.APP_CSS);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        file.setId("macro-file");
        file.setPromptText("date,close or date,open,high,low,close");
        file.setPrefColumnCount(36);
        symbol.setId("macro-symbol");
        symbol.setEditable(true);
        rule.setId("macro-rule");
        rule.setMinWidth(120); // "belowMa" whole: the rule's explanation beside it wraps instead
        level.setId("macro-level");
        level.setPrefColumnCount(8);
        period.setId("macro-period");
        period.setPrefColumnCount(8);
        replace.setId("macro-replace");
        run.setId("macro-run");
        result.setId("macro-result");
        replace.setWrapText(true);
        replace.setMaxWidth(560);
        replace.setMinHeight(Region.USE_PREF_SIZE);
        ruleText.setId("macro-rule-text");
        Button browse = new Button("Browse…");
        browse.setId("macro-browse");
        browse.setOnAction(e -> choose());
        Labels.keepWidth(browse, run);

        symbol.valueProperty().addListener((o, a, b) -> defaults(b));
        rule.valueProperty().addListener((o, a, b) -> showRule(b));
        symbol.setValue("DXY");
        run.setOnAction(e -> submit());

        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(6);
        int r = 0;
        g.addRow(r++, Labels.fixed("CSV file"), new HBox(6, file, browse));
        g.addRow(r++, Labels.fixed("Series"), symbol);
        g.addRow(r++, Labels.fixed("Allow when"), new HBox(8, rule, ruleText));
        g.addRow(r++, Labels.fixed("Level"), level);
        g.addRow(r++, Labels.fixed("Period (days)"), period);
        g.add(replace, 1, r++);
        Label note = Labels.wrapping("Rows are sorted by date; malformed, non-positive or NaN values, rows dated in the future and repeated "
                + "dates are rejected and counted. The rule is saved in concord.yaml and applies from the next bar.", 620);
        VBox box = new VBox(10, g, note, run, result);
        box.setPadding(new Insets(8));
        box.setPrefWidth(680);
        box.setMinHeight(Region.USE_PREF_SIZE); // the result's lines are never cut: the window grows to them
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    public void show() {
        dialog.show();
    }

    /** The desk's usual rules: the dollar index below its 200-day average, volatility below 20. */
    private void defaults(String s) {
        String code = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
        if (code.equals("DXY")) {
            rule.setValue("belowMa");
            period.setText("200");
            level.setText("");
        } else if (code.equals("VIX")) {
            rule.setValue("below");
            level.setText("20");
            period.setText("");
        }
    }

    private void showRule(String r) {
        boolean ma = r != null && r.endsWith("Ma");
        level.setDisable(ma);
        period.setDisable(!ma);
        if (ma && period.getText().isBlank()) {
            period.setText("200");
        }
        ruleText.setText(r == null ? "" : RULE_TEXT.get(r));
    }

    private void choose() {
        FileChooser c = new FileChooser();
        c.setTitle("CSV file of a daily series");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV files", "*.csv", "*.txt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = c.showOpenDialog(dialog.getDialogPane().getScene().getWindow());
        if (f != null) {
            file.setText(f.getAbsolutePath());
        }
    }

    private void submit() {
        String r = rule.getValue();
        boolean ma = r != null && r.endsWith("Ma");
        double lv;
        int pd;
        try {
            lv = ma ? 0 : Double.parseDouble(level.getText().trim());
            pd = ma ? Integer.parseInt(period.getText().trim()) : 0;
        } catch (NumberFormatException e) {
            showError(ma ? "the period must be a whole number of days, got '" + period.getText() + "'"
                    : "the level must be a number, got '" + level.getText() + "'");
            return;
        }
        String sym = symbol.getEditor() != null && symbol.isEditable() ? symbol.getEditor().getText() : symbol.getValue();
        run.setDisable(true);
        result.getStyleClass().remove("state-error");
        result.setText("importing " + file.getText().trim() + "…");
        presenter.submit(file.getText().trim(), sym == null ? "" : sym.trim().toUpperCase(Locale.ROOT), r, lv, pd, replace.isSelected())
                .whenComplete((rep, e) -> Platform.runLater(() -> {
                    run.setDisable(false);
                    resizeToContent();
                    if (e != null) {
                        showError(why(e));
                    } else if (!rep.ok()) {
                        showError(rep.error() + (rep.rows() > 0 ? "\n" + counts(rep) : ""));
                    } else {
                        result.getStyleClass().remove("state-error");
                        result.setText(describe(rep));
                    }
                }));
    }

    /** Grows the window to its content once the text is laid out (a result has several lines; Close stays visible). */
    private void resizeToContent() {
        Platform.runLater(() -> {
            if (dialog.getDialogPane().getScene() != null) {
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }

    private static String why(Throwable e) {
        Throwable c = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (c instanceof TimeoutException) {
            return "no answer from the orchestrator's session within " + MacroImportPresenter.ANSWER_TIMEOUT_SECONDS + " s: nothing is known to be applied";
        }
        if (c instanceof CancellationException) {
            return "cancelled: the desk is closing";
        }
        return c.getMessage();
    }

    private void showError(String text) {
        result.setText("Not applied: " + text);
        if (!result.getStyleClass().contains("state-error")) {
            result.getStyleClass().add("state-error");
        }
    }

    static String describe(MacroImportReport r) {
        return "Imported " + r.symbol() + " · rule " + r.rule() + "\n" + counts(r) + "\n"
                + "Stored " + r.symbol() + ": " + r.storedBars() + " daily bars, " + date(r.storedFrom()) + " → " + date(r.storedTo()) + "\n"
                + "Gate now: " + r.gate();
    }

    static String counts(MacroImportReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(r.rows()).append(" rows read: ").append(r.added()).append(" added, ").append(r.unchanged()).append(" unchanged, ");
        if (r.replaced() > 0) {
            sb.append(r.replaced()).append(" replaced, ");
        }
        sb.append(r.kept()).append(" differing from stored bars kept");
        if (r.rejected().isEmpty()) {
            sb.append(", none rejected");
        } else {
            sb.append(", rejected:");
            r.rejected().forEach((k, v) -> sb.append(' ').append(v).append(' ').append(k.toLowerCase(Locale.ROOT).replace('_', ' ')).append(','));
            sb.setLength(sb.length() - 1);
        }
        if (r.firstTime() != Long.MIN_VALUE) {
            sb.append("\nFile's rows: ").append(date(r.firstTime())).append(" → ").append(date(r.lastTime()));
        }
        return sb.toString();
    }

    /** A daily bar's day (UTC), or its time when it does not open at midnight. */
    private static String date(long t) {
        if (t == Long.MIN_VALUE) {
            return "—";
        }
        LocalDateTime d = LocalDateTime.ofInstant(Instant.ofEpochMilli(t), ZoneOffset.UTC);
        return d.toLocalTime().toSecondOfDay() == 0 ? d.toLocalDate().toString() : d + " UTC";
    }
}
