package org.concord.annotate.panel;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import org.concord.training.samples.ExpansionRule;
import org.concord.training.samples.AnnotationSamples;
import org.concord.training.samples.SampleExpansion;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import org.concord.annotate.tool.AnnotationsModel;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.chart.DisplayFormat;
import org.concord.model.Action;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The annotation list: filter by symbol, tag and entry date; sortable columns; the counts per direction and the
 * class balance of the labels core gave them; double-click jumps the chart to an annotation. Multiple rows can be
 * selected (what "train on annotations" sends).
 */
public final class AnnotationListPanel {
    public static final String ALL = "All symbols";
    /** The expansion rule the sample counts follow (core's defaults, shown before training). */
    public static final ExpansionRule RULE = ExpansionRule.DEFAULT;

    private final AnnotationsModel model;
    private final TableView<Annotation> table = new TableView<>();
    private final FilteredList<Annotation> filtered;
    private final ComboBox<String> symbol = new ComboBox<>();
    private final TextField tag = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Label counts = new Label();
    private final Label rule = new Label("Samples per annotation: " + RULE.describe());
    private final Label zone = new Label();
    private final VBox root;
    private DisplayFormat format = DisplayFormat.UTC;
    private boolean syncing;

    public AnnotationListPanel(AnnotationsModel model, Consumer<Annotation> jump) {
        this.model = model;
        filtered = new FilteredList<>(model.all(), a -> true);
        SortedList<Annotation> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("annotation-list");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No annotations yet: turn on annotate mode (A), then E and X on two candles"));
        // wide enough for their headers and values in the desk's font: the table scrolls sideways rather than cut text
        table.getColumns().setAll(List.of(
                col("Entry", a -> format.dateTime(a.entryTime()), 165),
                col("Exit", a -> format.dateTime(a.exitTime()), 165),
                col("Symbol", a -> a.symbol().code(), 85),
                col("TF", a -> a.timeframe().code(), 50),
                col("Direction", a -> a.direction().name(), 100),
                num("P&L %", Annotation::pnlPct, 80),
                col("Samples", a -> Long.toString(SampleExpansion.count(a, RULE).total()), 90),
                col("Label", a -> a.frame() == null || a.frame().outcome() == null ? "" : a.frame().outcome().label().name(), 70),
                col("Tags", a -> String.join(", ", a.tags()), 110),
                col("Note", Annotation::note, 160)));
        table.setRowFactory(tv -> {
            TableRow<Annotation> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    jump.accept(row.getItem());
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, a) -> {
            if (!syncing && a != null) {
                model.select(a);
            }
        });
        model.selectedProperty().addListener((o, was, a) -> showSelected(a));
        symbol.setId("filter-symbol");
        tag.setId("filter-tag");
        tag.setPromptText("tag");
        from.setPromptText("from");
        to.setPromptText("to");
        symbol.getItems().setAll(ALL);
        symbol.setValue(ALL);
        symbol.valueProperty().addListener((o, w, n) -> refilter());
        tag.textProperty().addListener((o, w, n) -> refilter());
        from.valueProperty().addListener((o, w, n) -> refilter());
        to.valueProperty().addListener((o, w, n) -> refilter());
        model.all().addListener((ListChangeListener<Annotation>) c -> {
            updateSymbols();
            updateCounts();
        });
        counts.setId("annotation-counts");
        zone.setId("annotation-times-zone");
        HBox filters = new HBox(6, new Label("Filter:"), symbol, tag, from, to, zone);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.getChildren().forEach(n -> ((Region) n).setMinWidth(Region.USE_PREF_SIZE));
        VBox.setVgrow(table, Priority.ALWAYS);
        // room for the header, three rows and a scroll bar however low the window: the split pane then gives the charts
        // less, where at 1280×800 it had squeezed the list to its header and a scroll bar (WorkspaceLookTest)
        table.setMinHeight(Font.getDefault().getSize() * 9.5);
        rule.setId("annotation-sample-rule");
        rule.setWrapText(true);
        // the list keeps its explanation lines whole (wrapped) and gives the rows what is left
        rule.setMinHeight(Region.USE_PREF_SIZE);
        counts.setWrapText(true);
        counts.setMinHeight(Region.USE_PREF_SIZE);
        root = new VBox(4, filters, table, counts, rule);
        root.setPadding(new Insets(4));
        updateCounts();
    }

    public Node node() {
        return root;
    }

    /** Writes times in {@code f}'s zone (the date filter reads days there too). */
    public void setFormat(DisplayFormat f) {
        format = f;
        zone.setText("times in " + f.zoneName());
        table.refresh();
        refilter();
    }

    public TableView<Annotation> table() {
        return table;
    }

    /** Shows one symbol's annotations (the workspace's symbol by default). */
    public void showSymbol(String code) {
        updateSymbols();
        if (!symbol.getItems().contains(code)) {
            symbol.getItems().add(code);
        }
        symbol.setValue(code);
    }

    public void setTagFilter(String t) {
        tag.setText(t);
    }

    public void setDateFilter(LocalDate f, LocalDate t) {
        from.setValue(f);
        to.setValue(t);
    }

    /** The rows shown now (after filters), in display order. */
    public List<Annotation> shown() {
        return List.copyOf(table.getItems());
    }

    /** The selected rows, or every shown row when none is selected. */
    public List<Annotation> selectedOrShown() {
        List<Annotation> sel = List.copyOf(table.getSelectionModel().getSelectedItems());
        return sel.isEmpty() ? shown() : sel;
    }

    /** The "Samples" cell of an annotation's row (what the list shows for it). */
    public String sampleCell(Annotation a) {
        @SuppressWarnings("unchecked")
        TableColumn<Annotation, String> c = (TableColumn<Annotation, String>) table.getColumns().stream()
                .filter(x -> "Samples".equals(x.getText())).findFirst().orElseThrow();
        return c.getCellObservableValue(a).getValue();
    }

    public String countsText() {
        return counts.getText();
    }

    private void refilter() {
        String s = symbol.getValue();
        String t = tag.getText() == null ? "" : tag.getText().trim().toLowerCase(Locale.ROOT);
        LocalDate f = from.getValue();
        LocalDate e = to.getValue();
        Predicate<Annotation> p = a -> (s == null || ALL.equals(s) || a.symbol().code().equals(s))
                && (t.isEmpty() || a.tags().stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).contains(t)))
                && (f == null || !day(a).isBefore(f))
                && (e == null || !day(a).isAfter(e));
        filtered.setPredicate(p);
        updateCounts();
    }

    private LocalDate day(Annotation a) {
        return Instant.ofEpochMilli(a.entryTime()).atZone(format.zone()).toLocalDate();
    }

    private void updateSymbols() {
        TreeSet<String> codes = new TreeSet<>();
        for (Annotation a : model.all()) {
            codes.add(a.symbol().code());
        }
        for (String c : codes) {
            if (!symbol.getItems().contains(c)) {
                symbol.getItems().add(c);
            }
        }
    }

    private void updateCounts() {
        Map<AnnotationDirection, Integer> dirs = new EnumMap<>(AnnotationDirection.class);
        Map<Action, Integer> labels = new EnumMap<>(Action.class);
        for (Annotation a : filtered) {
            dirs.merge(a.direction(), 1, Integer::sum);
            if (a.frame() != null && a.frame().outcome() != null) {
                labels.merge(a.frame().outcome().label(), 1, Integer::sum);
            }
        }
        int n = filtered.size();
        counts.setText(String.format(Locale.ROOT, "%d shown of %d · long %d · short %d · no-trade %d · labels BUY %d / SELL %d / HOLD %d%s", n,
                model.all().size(), dirs.getOrDefault(AnnotationDirection.LONG, 0), dirs.getOrDefault(AnnotationDirection.SHORT, 0),
                dirs.getOrDefault(AnnotationDirection.NO_TRADE, 0), labels.getOrDefault(Action.BUY, 0), labels.getOrDefault(Action.SELL, 0),
                labels.getOrDefault(Action.HOLD, 0), n == 0 ? "" : String.format(Locale.ROOT, " (%.0f%% / %.0f%% / %.0f%%)",
                        100.0 * labels.getOrDefault(Action.BUY, 0) / n, 100.0 * labels.getOrDefault(Action.SELL, 0) / n,
                        100.0 * labels.getOrDefault(Action.HOLD, 0) / n))
                + " · samples " + AnnotationSamples.count(List.copyOf(filtered), RULE).describe());
    }

    private void showSelected(Annotation a) {
        syncing = true;
        try {
            if (a == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItems().stream().noneMatch(x -> x.id().equals(a.id()))) {
                table.getSelectionModel().clearSelection();
                table.getItems().stream().filter(x -> x.id().equals(a.id())).findFirst().ifPresent(x -> {
                    table.getSelectionModel().select(x);
                    table.scrollTo(x);
                });
            }
        } finally {
            syncing = false;
        }
    }

    private TableColumn<Annotation, String> col(String name, Function<Annotation, String> f, double w) {
        TableColumn<Annotation, String> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    private static TableColumn<Annotation, Double> num(String name, ToDoubleFunction<Annotation> f, double w) {
        TableColumn<Annotation, Double> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.applyAsDouble(d.getValue())));
        c.setCellFactory(tc -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%+.2f", v));
            }
        });
        c.setPrefWidth(w);
        return c;
    }
}
