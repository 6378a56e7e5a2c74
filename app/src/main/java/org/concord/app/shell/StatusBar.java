package org.concord.app.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The window's bottom bar: the status line on the left, then the fixed items (decision rate, bus, local/remote, time
 * zone, bot and trading-mode badges). When the bar is short, only the status line gives way ("…"). Seen on the real
 * display at 1400 px once the line added "(looped recording: synthetic prices)": every item shrank alike and the
 * badges read "BOT …" and "P…", so the desk no longer said whether it trades paper or live.
 */
final class StatusBar {
    private StatusBar() {
    }

    static HBox of(Label status, Node... fixed) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(status, spacer);
        for (Node n : fixed) {
            if (n instanceof Region r) {
                r.setMinWidth(Region.USE_PREF_SIZE); // never narrower than what it writes
            }
            bar.getChildren().add(n);
        }
        bar.getStyleClass().add("status-bar");
        return bar;
    }
}
