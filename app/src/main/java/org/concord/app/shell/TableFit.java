package org.concord.app.shell;

import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.Duration;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps every text column of a table wide enough for its header and its values, measured with the fonts the theme
 * actually gave the table, so a person never reads "…" in a cell. A column only grows (a width that jumps back and
 * forth is worse than a little slack). Runs on the FX thread {@value #MIN_INTERVAL_MS} ms after the rows change (changes
 * meanwhile fold in), over at most {@value #SAMPLE} rows (the oldest and the newest), so a busy blotter costs little.
 */
public final class TableFit {
    static final long MIN_INTERVAL_MS = 250;
    static final int SAMPLE = 60;
    /** Room for the sort arrow and the header's own padding. */
    private static final double HEADER_EXTRA = 28;
    /** A header that cannot be sorted shows no arrow: its label's padding and a few pixels are enough. */
    private static final double UNSORTED_EXTRA = 6;

    private final TableView<?> table;
    private final Text meter = new Text();
    private final PauseTransition throttle = new PauseTransition(Duration.millis(MIN_INTERVAL_MS));
    private final Set<Node> watched = Collections.newSetFromMap(new IdentityHashMap<>());

    private TableFit(TableView<?> table) {
        this.table = table;
        throttle.setOnFinished(e -> fit());
    }

    /** Installs the fitting on {@code table} (FX thread). */
    public static void install(TableView<?> table) {
        TableFit f = new TableFit(table);
        table.getItems().addListener((ListChangeListener<Object>) c -> f.schedule());
        table.itemsProperty().addListener((o, a, b) -> {
            b.addListener((ListChangeListener<Object>) c -> f.schedule());
            f.schedule();
        });
        table.skinProperty().addListener((o, a, b) -> f.schedule());
        table.getColumns().addListener((ListChangeListener<Object>) c -> f.schedule());
    }

    private void schedule() {
        if (throttle.getStatus() != Animation.Status.RUNNING) {
            throttle.playFromStart(); // changes while it runs fold into the one fit at its end
        }
    }

    /** Widens each text column to its header and its sampled values. */
    private void fit() {
        if (!shownOnScreen()) {
            fitWhenShown(); // a table in a hidden tab keeps its old cells: fit what arrived once it is shown
            return;
        }
        Labeled cell = firstLabeled(".table-cell");
        Labeled header = firstLabeled(".column-header .label");
        if (cell == null && header == null) {
            return; // not shown yet: the skin's change schedules another run
        }
        // an empty table has no cell yet: its headers still need their room
        Font headerFont = header != null ? header.getFont() : cell.getFont();
        Font cellFont = cell != null ? cell.getFont() : headerFont;
        Insets pad = cell != null ? cell.getInsets() : Insets.EMPTY;
        double cellExtra = pad.getLeft() + pad.getRight() + 6;
        double unsortedExtra = header == null ? HEADER_EXTRA
                : Math.min(HEADER_EXTRA, header.getInsets().getLeft() + header.getInsets().getRight() + UNSORTED_EXTRA);
        List<?> items = table.getItems();
        int n = items.size();
        // values a cell factory formats (numbers, times) are measured as the cells on screen write them
        Map<TableColumn<?, ?>, Double> shown = new HashMap<>();
        for (Node node : table.lookupAll(".table-cell")) {
            if (node instanceof TableCell<?, ?> c && c.getTableColumn() != null && c.getText() != null && c.getGraphic() == null) {
                shown.merge(c.getTableColumn(), width(c.getText(), cellFont) + cellExtra, Math::max);
            }
        }
        for (TableColumn<?, ?> col : leaves()) {
            double need = Math.max(width(col.getText(), headerFont) + (col.isSortable() ? HEADER_EXTRA : unsortedExtra), shown.getOrDefault(col, 0.0));
            if (col.getGraphic() == null) {
                for (int k = 0; k < Math.min(n, SAMPLE); k++) {
                    int i = k < SAMPLE / 2 ? k : n - 1 - (k - SAMPLE / 2);
                    Object v = value(col, i);
                    if (v instanceof String s) {
                        need = Math.max(need, width(s, cellFont) + cellExtra);
                    }
                }
            }
            need = Math.ceil(need);
            if (col.getMinWidth() < need) {
                col.setMinWidth(need);
            }
            if (col.getPrefWidth() < need) {
                col.setPrefWidth(need);
            }
        }
    }

    /** Schedules a fit when the table or a parent becomes visible again (each watched once). */
    private void fitWhenShown() {
        for (Node n = table; n != null; n = n.getParent()) {
            if (watched.add(n)) {
                n.visibleProperty().addListener((o, was, now) -> {
                    if (now) {
                        schedule();
                    }
                });
            }
        }
    }

    /** The table and every parent visible (a table in an unselected tab is not). */
    private boolean shownOnScreen() {
        if (table.getScene() == null) {
            return false;
        }
        for (Node n = table; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private List<TableColumn<?, ?>> leaves() {
        @SuppressWarnings("unchecked")
        List<TableColumn<?, ?>> cols = (List<TableColumn<?, ?>>) (List<?>) table.getVisibleLeafColumns();
        return cols;
    }

    private static Object value(TableColumn<?, ?> col, int index) {
        var v = col.getCellObservableValue(index);
        return v == null ? null : v.getValue();
    }

    private Labeled firstLabeled(String selector) {
        for (Node n : table.lookupAll(selector)) {
            if (n instanceof Labeled l && l.getFont() != null) {
                return l;
            }
        }
        return null;
    }

    private double width(String s, Font f) {
        if (s == null || s.isEmpty()) {
            return 0;
        }
        meter.setFont(f);
        meter.setText(s);
        return meter.getLayoutBounds().getWidth();
    }
}
