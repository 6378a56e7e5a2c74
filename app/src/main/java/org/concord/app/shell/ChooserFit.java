package org.concord.app.shell;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.layout.Region;

/**
 * Makes a chooser as wide as the value it shows, not as its widest item: a ComboBox is as wide as its longest choice
 * by default, and the status bar's time-zone chooser took 177 px to show "UTC" on a window that had none to spare. Its
 * list still opens as wide as its longest choice. Measured from the skin's own cell and arrow after each layout (FX
 * thread), so the theme's padding and font count.
 */
final class ChooserFit {
    private ChooserFit() {
    }

    static void toValue(ComboBox<?> box) {
        box.needsLayoutProperty().addListener((o, was, now) -> {
            if (!now) {
                fit(box);
            }
        });
    }

    private static void fit(ComboBox<?> box) {
        if (!(box.getSkin() instanceof ComboBoxListViewSkin<?> skin) || !(box.lookup(".arrow-button") instanceof Region arrow)) {
            return; // no skin yet: the first layout comes back
        }
        Node cell = skin.getDisplayNode();
        Insets in = box.getInsets();
        double need = Math.ceil(in.getLeft() + in.getRight() + cell.prefWidth(-1) + arrow.prefWidth(-1));
        if (need > 0 && Math.abs(box.getPrefWidth() - need) >= 1) {
            // after this layout pass: a size set while the parent lays out is not laid out again
            Platform.runLater(() -> box.setPrefWidth(need));
        }
    }
}
