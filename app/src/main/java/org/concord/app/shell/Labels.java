package org.concord.app.shell;

import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/** Labels that never get cut to "…": a crowded row must make room elsewhere (or wrap), not shorten a word. */
public final class Labels {
    private Labels() {
    }

    /** A label as wide as its text, whatever its row wants. */
    public static Label fixed(String text) {
        Label l = new Label(text);
        keepWidth(l);
        return l;
    }

    /** Keeps these controls at least as wide as their text (buttons, toggles, labels in tool bars). */
    public static void keepWidth(Labeled... controls) {
        for (Labeled c : controls) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
    }

    /** A label that wraps within {@code maxWidth} instead of being cut (status and result lines). */
    public static Label wrapping(String text, double maxWidth) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(maxWidth);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
