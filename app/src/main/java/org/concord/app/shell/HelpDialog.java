package org.concord.app.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/** Lists {@link Shortcuts#ALL} and the mouse gestures of the chart. */
public final class HelpDialog {
    private HelpDialog() {
    }

    public static Alert create(Window owner) {
        GridPane grid = new GridPane();
        grid.setId("shortcut-grid");
        grid.setHgap(24);
        grid.setVgap(6);
        int row = 0;
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            row = add(grid, row, s.combination().getDisplayText(), s.description());
        }
        // the live chart's gestures (TimePanZoomer); the price axis always fits the visible bars
        row = add(grid, row, "Drag / mouse wheel", "Chart: pan in time / zoom in time (the price axis fits the visible bars and the order lines near them)");
        row = add(grid, row, "Shift + drag", "Chart: zoom to the span dragged over");
        row = add(grid, row, "Hover a marker", "Chart: what it was (a decision and its confidence, a fill)");
        row = add(grid, row, "Right click on the chart", "Order ticket at that price (buy/sell, limit/stop)");
        add(grid, row, "Drag an order line", "Move a working order's price, stop-loss or take-profit");
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(grid);
        a.getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        if (owner != null) {
            a.initOwner(owner);
        }
        return a;
    }

    /** One row: the keys as wide as they need, the description wrapping rather than cut. */
    private static int add(GridPane grid, int row, String keys, String what) {
        grid.add(Labels.fixed(keys), 0, row);
        grid.add(Labels.wrapping(what, 560), 1, row);
        return row + 1;
    }
}
