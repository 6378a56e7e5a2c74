package org.concord.app.shell;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
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
            grid.add(new Label(s.combination().getDisplayText()), 0, row);
            grid.add(new Label(s.description()), 1, row++);
        }
        grid.add(new Label("Mouse wheel / drag"), 0, row);
        grid.add(new Label("Chart: zoom / pan in time (the price axis fits the visible bars); hover a marker for its confidence"), 1, row);
        grid.add(new Label("Right click on the chart"), 0, ++row);
        grid.add(new Label("Order ticket at that price (buy/sell, limit/stop)"), 1, row);
        grid.add(new Label("Drag an order line"), 0, ++row);
        grid.add(new Label("Move a working order's price, stop-loss or take-profit"), 1, row);
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        a.getDialogPane().setContent(grid);
        if (owner != null) {
            a.initOwner(owner);
        }
        return a;
    }
}
