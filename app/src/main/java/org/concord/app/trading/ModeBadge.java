package org.concord.app.trading;

import javafx.scene.control.Label;

/**
 * The PAPER / LIVE badge: green PAPER, or a red LIVE with the venue (and "REAL MONEY" for Binance live). Several
 * are shown at once (ticket header, status bar) so the mode cannot be missed; each is a plain view of the mode.
 */
public final class ModeBadge {
    private static final String BASE = "-fx-font-weight: bold; -fx-padding: 2 10 2 10; -fx-background-radius: 3; -fx-text-fill: white; ";
    private final Label label = new Label();
    private TradingMode shown;

    public ModeBadge(String id) {
        label.setId(id);
        show(TradingMode.PAPER);
    }

    public Label node() {
        return label;
    }

    public void show(TradingMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (mode.equals(shown)) {
            return;
        }
        shown = mode;
        label.setText(mode.badge());
        label.setStyle(BASE + (mode.live() ? "-fx-background-color: #d0202a; -fx-font-size: 14px;" : "-fx-background-color: #1f8a4c; -fx-font-size: 12px;"));
    }

    public TradingMode mode() {
        return shown;
    }
}
