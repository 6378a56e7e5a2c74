package org.concord.annotate.panel;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Asks for the name of a pattern template before a window of bars is saved to the pattern library (the
 * crash-pattern detector's templates). The window itself is chosen on the chart (the selected annotation's
 * span, else the active pane's view).
 */
public final class PatternDialog {
    /** Names the library can use as a file name. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _.-]{0,63}");

    private PatternDialog() {
    }

    /** The name typed, or empty when cancelled. */
    public static Optional<String> ask(Window owner, String window) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Save as pattern");
        TextField name = new TextField();
        name.setId("pattern-name");
        name.setPromptText("e.g. flash-crash-2013-12");
        Label hint = new Label("Window: " + window + "\nName: letters, digits, space, _ . - (up to 64)");
        d.getDialogPane().setContent(new VBox(8, hint, name));
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(
                Bindings.createBooleanBinding(() -> !valid(name.getText()), name.textProperty()));
        d.setResultConverter(b -> b == ButtonType.OK ? name.getText().trim() : null);
        Platform.runLater(name::requestFocus);
        return d.showAndWait();
    }

    public static boolean valid(String name) {
        return name != null && NAME.matcher(name.trim()).matches();
    }
}
