package org.concord.annotate.panel;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concord.annotate.DisplayText;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.annotation.AnnotationMath;
import org.concord.chart.DisplayFormat;
import org.concord.model.InferenceFrameReference;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The side panel for the selected annotation: every field, editable ones (times, prices, direction, stop-loss,
 * take-profit, tags, note) applied as one undoable update through core; P&amp;L, risk/reward and the frame
 * reference shown as core computed them.
 */
public final class AnnotationEditorPanel {
    private final TextField id = readOnly();
    private final TextField where = readOnly();
    private final TextField entryTime = new TextField();
    private final TextField entryPrice = new TextField();
    private final TextField exitTime = new TextField();
    private final TextField exitPrice = new TextField();
    private final ChoiceBox<AnnotationDirection> direction = new ChoiceBox<>();
    private final TextField stopLoss = new TextField();
    private final TextField takeProfit = new TextField();
    private final TextField tags = new TextField();
    private final TextArea note = new TextArea();
    private final Label pnl = new Label();
    private final Label rr = new Label();
    private final Label meta = new Label();
    private final Label frame = new Label();
    private final Label error = new Label();
    private final Button apply = new Button("Apply");
    private final Button delete = new Button("Delete");
    private final Label title = new Label();
    private final VBox root;
    private DisplayFormat format = DisplayFormat.UTC;
    private Annotation shown;

    public AnnotationEditorPanel(BiConsumer<Annotation, Annotation> onApply, Consumer<Annotation> onDelete) {
        direction.getItems().setAll(AnnotationDirection.values());
        note.setPrefRowCount(3);
        note.setWrapText(true);
        stopLoss.setPromptText("none");
        takeProfit.setPromptText("none");
        tags.setPromptText("comma separated");
        entryTime.setId("edit-entry-time");
        entryPrice.setId("edit-entry-price");
        exitTime.setId("edit-exit-time");
        exitPrice.setId("edit-exit-price");
        direction.setId("edit-direction");
        stopLoss.setId("edit-stop-loss");
        takeProfit.setId("edit-take-profit");
        tags.setId("edit-tags");
        note.setId("edit-note");
        apply.setId("edit-apply");
        delete.setId("edit-delete");
        error.setId("edit-error");
        error.setWrapText(true);
        meta.setWrapText(true);
        frame.setWrapText(true);
        GridPane g = new GridPane();
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE); // field names are never cut
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setFillWidth(true);
        g.getColumnConstraints().setAll(names, values);
        g.setHgap(6);
        g.setVgap(4);
        String[] labels = {"Id", "Symbol · TF", "Entry time", "Entry price", "Exit time", "Exit price", "Direction", "Stop-loss", "Take-profit",
                "Tags", "Note", "P&L %", "Risk/reward"};
        Node[] fields = {id, where, entryTime, entryPrice, exitTime, exitPrice, direction, stopLoss, takeProfit, tags, note, pnl, rr};
        for (int i = 0; i < labels.length; i++) {
            g.add(new Label(labels[i]), 0, i);
            g.add(fields[i], 1, i);
            if (fields[i] instanceof Control c) {
                c.setMinWidth(80);
                c.setPrefWidth(200);
            }
        }
        apply.setOnAction(e -> {
            if (shown != null) {
                try {
                    onApply.accept(shown, edited());
                    error.setText("");
                } catch (RuntimeException ex) {
                    error.setText(DisplayText.localTimes(ex.getMessage(), format));
                }
            }
        });
        delete.setOnAction(e -> {
            if (shown != null) {
                onDelete.accept(shown);
            }
        });
        title.setWrapText(true);
        apply.setMinWidth(Region.USE_PREF_SIZE);
        delete.setMinWidth(Region.USE_PREF_SIZE);
        root = new VBox(6, title, g, new HBox(6, apply, delete), error, meta, frame);
        root.setPadding(new Insets(6));
        root.setId("annotation-editor");
        setFormat(format);
    }

    public Node node() {
        return root;
    }

    /** Shows and reads prices at {@code f}'s tick and times in its zone. */
    public void setFormat(DisplayFormat f) {
        format = f;
        title.setText("Selected annotation · times in " + f.zoneName());
        show(shown);
    }

    /** Shows {@code a}'s fields (null: nothing selected). */
    public void show(Annotation a) {
        shown = a;
        boolean none = a == null;
        for (Node n : List.of(entryTime, entryPrice, exitTime, exitPrice, direction, stopLoss, takeProfit, tags, note, apply, delete)) {
            n.setDisable(none);
        }
        error.setText("");
        if (none) {
            for (TextField t : List.of(id, where, entryTime, entryPrice, exitTime, exitPrice, stopLoss, takeProfit, tags)) {
                t.setText("");
            }
            note.setText("");
            pnl.setText("");
            rr.setText("");
            meta.setText("Select an annotation on the chart or in the list.");
            frame.setText("");
            return;
        }
        id.setText(a.id());
        where.setText(a.symbol() + " · " + a.timeframe().code());
        entryTime.setText(format.dateTime(a.entryTime()));
        entryPrice.setText(format.plainPrice(a.entryPrice()));
        exitTime.setText(format.dateTime(a.exitTime()));
        exitPrice.setText(format.plainPrice(a.exitPrice()));
        direction.setValue(a.direction());
        stopLoss.setText(format.plainPrice(a.stopLoss()));
        takeProfit.setText(format.plainPrice(a.takeProfit()));
        tags.setText(String.join(", ", a.tags()));
        note.setText(a.note());
        pnl.setText(String.format(Locale.ROOT, "%+.3f", a.pnlPct()));
        double r = AnnotationMath.riskReward(a.direction(), a.entryPrice(), a.stopLoss(), a.takeProfit());
        rr.setText(Double.isNaN(r) ? "—" : String.format(Locale.ROOT, "%.2f", r));
        meta.setText("by " + (a.author().isEmpty() ? "?" : a.author()) + " · created " + format.dateTime(a.createdAt())
                + " · updated " + format.dateTime(a.updatedAt()));
        InferenceFrameReference f = a.frame();
        frame.setText(f == null ? "no frame" : "frame " + f.id() + " · window end " + format.dateTime(f.windowEnd())
                + " · " + f.timeframes() + " bars " + f.barCounts() + " · hash " + f.contentHash().substring(0, 12) + "…"
                + (f.outcome() == null ? "" : " · label " + f.outcome().label() + " (" + f.outcome().hit() + ")"));
    }

    /** The annotation as edited in the fields (validated by core's {@link Annotation} constructor). */
    Annotation edited() {
        Annotation a = shown;
        return Annotation.draft(a.id(), a.symbol(), a.timeframe(), time(entryTime, "entry time"), number(entryPrice, "entry price", false),
                time(exitTime, "exit time"), number(exitPrice, "exit price", false), direction.getValue(), number(stopLoss, "stop-loss", true),
                number(takeProfit, "take-profit", true), tagList(tags.getText()), note.getText(), a.author(), a.createdAt());
    }

    private static List<String> tagList(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
    }

    private long time(TextField f, String what) {
        try {
            return LocalDateTime.parse(f.getText().trim().replace(' ', 'T')).atZone(format.zone()).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(what + " must look like 2013-11-27 14:05:00 (" + format.zoneName() + "), got '" + f.getText() + "'");
        }
    }

    private static double number(TextField f, String what, boolean optional) {
        String s = f.getText() == null ? "" : f.getText().trim();
        if (s.isEmpty() && optional) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number" + (optional ? " or empty" : "") + ", got '" + s + "'");
        }
    }

    private static TextField readOnly() {
        TextField t = new TextField();
        t.setEditable(false);
        t.setFocusTraversable(false);
        return t;
    }

    /** Text fields by role, for tests that type into them. */
    public TextField field(String name) {
        return switch (name) {
            case "stopLoss" -> stopLoss;
            case "takeProfit" -> takeProfit;
            case "tags" -> tags;
            case "entryPrice" -> entryPrice;
            case "exitPrice" -> exitPrice;
            default -> throw new IllegalArgumentException("no field " + name);
        };
    }
}
