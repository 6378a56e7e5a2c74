package org.concord.app.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.PopupWindow;
import javafx.util.Duration;
import org.concord.app.feed.StatusLine;

/**
 * The window's bottom bar: the status line on the left, then the fixed items (decision rate, bus, local/remote, time
 * zone, bot and trading-mode badges). When the bar is short, only the status line gives way ("…"). Seen on the real
 * display at 1400 px once the line added "(looped recording: synthetic prices)": every item shrank alike and the
 * badges read "BOT …" and "P…", so the desk no longer said whether it trades paper or live. The line's most telling
 * words come first (see {@link StatusLine}), and its tooltip holds the whole of it, for a window too narrow for it.
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
        explainOnHover(status);
        return bar;
    }

    /**
     * The status line's tooltip follows its text (an empty line has none: an empty tooltip is a bare box). It opens
     * above the pointer: below it, on a window at the bottom of the screen, it was cut off by the screen's edge.
     */
    private static void explainOnHover(Label status) {
        Tooltip tip = new Tooltip();
        tip.setId("status-tooltip");
        tip.setAnchorLocation(PopupWindow.AnchorLocation.WINDOW_BOTTOM_LEFT);
        tip.setShowDuration(Duration.INDEFINITE); // the line changes every second: long enough to read both lines
        Runnable update = () -> {
            String t = StatusLine.explain(status.getText());
            tip.setText(t);
            status.setTooltip(t.isEmpty() ? null : tip);
        };
        status.textProperty().addListener((o, a, b) -> update.run());
        update.run();
    }
}
