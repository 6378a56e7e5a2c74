package org.concord.app.shell;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/**
 * Makes a short table exactly as high as its header, its rows (up to a cap) and its horizontal scrollbar while that
 * shows, measured from the cells the theme laid out. A fixed height held a header and two rows of the dark theme: the
 * third sat behind the scrollbar a long note brings. Runs on the FX thread after each layout of the table.
 */
public final class TableHeightFit {
    private TableHeightFit() {
    }

    /** Installs the fitting on {@code table}: at most {@code maxRows} rows are shown before it scrolls (FX thread). */
    public static void install(TableView<?> table, int maxRows) {
        table.needsLayoutProperty().addListener((o, was, now) -> {
            if (!now) {
                fit(table, maxRows);
            }
        });
    }

    private static void fit(TableView<?> table, int maxRows) {
        Node header = table.lookup(".column-header-background");
        double row = rowHeight(table);
        if (!(header instanceof Region h) || row <= 0) {
            return; // not laid out yet, or no row to measure (the placeholder shows): the next layout comes back
        }
        double bar = 0;
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL && b.isVisible()) {
                bar = b.getHeight();
            }
        }
        int rows = Math.max(1, Math.min(maxRows, table.getItems().size()));
        Insets in = table.getInsets();
        double need = Math.ceil(in.getTop() + in.getBottom() + h.getHeight() + rows * row + bar);
        if (Math.abs(table.getPrefHeight() - need) >= 1) {
            // after this layout pass: a size set while the parent lays out is not laid out again (the table kept 140 px)
            Platform.runLater(() -> {
                table.setMinHeight(need); // a VBox short of room shrinks every child: this one keeps its rows
                table.setPrefHeight(need);
            });
        }
    }

    private static double rowHeight(TableView<?> table) {
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && !r.isEmpty() && r.getHeight() > 0) {
                return r.getHeight();
            }
        }
        return 0;
    }
}
