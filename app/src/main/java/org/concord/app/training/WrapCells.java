package org.concord.app.training;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableNumberValue;
import javafx.scene.control.Cell;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Text;

/**
 * Cells whose text wraps within their column or list and whose row grows to hold it. A wrapping label in a cell kept
 * the theme's one row height (2.8em) and ended in "…" after two lines; a {@link Text} wrapped at the cell's width
 * tells the row its true height.
 */
final class WrapCells {
    /** Room for the cell's padding (and a list's scroll bar). */
    private static final double PAD = 14;
    private static final double LIST_PAD = 30;

    private WrapCells() {
    }

    /** A list whose lines wrap within its width. */
    static void list(ListView<String> list) {
        list.setCellFactory(l -> new ListCell<>() {
            private final Text text = text(this, l.widthProperty(), LIST_PAD);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                show(this, text, empty ? null : item);
            }
        });
    }

    /** A column whose cells wrap within its width. */
    static <R> void column(TableColumn<R, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Text text = text(this, c.widthProperty(), PAD);

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                show(this, text, empty ? null : item);
            }
        });
    }

    /** The text a cell shows (tests: the whole of it is drawn). */
    static String shown(Cell<?> cell) {
        return cell.getGraphic() instanceof Text t ? t.getText() : cell.getText();
    }

    private static Text text(Cell<String> cell, ObservableNumberValue width, double pad) {
        Text t = new Text();
        t.getStyleClass().add("wrap-cell-text");
        t.fontProperty().bind(cell.fontProperty());
        // the theme's text colour (a Text is not a Labeled: -fx-text-fill does not reach it)
        t.setStyle("-fx-fill: -color-fg-default;");
        t.wrappingWidthProperty().bind(Bindings.max(20, Bindings.subtract(width, pad)));
        return t;
    }

    private static void show(Cell<String> cell, Text text, String item) {
        cell.setText(null);
        text.setText(item == null ? "" : item);
        cell.setGraphic(item == null ? null : text);
        cell.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }
}
