package org.concord.app.trading;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.concord.engine.BotMode;
import org.concord.execution.Position;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The status bar's "BOT OFF / PAPER / LIVE" badge, in the switch's colours. Off does not liquidate: while the bot is
 * off and its own account still holds a position, the badge reads "BOT OFF · 1 open" in amber and its tooltip names
 * the position, so a position no exit manages is not left unseen (the switch's answer line says it once; this stays).
 */
final class BotBadge {
    private static final String BASE = "-fx-font-weight: bold; -fx-padding: 2 8 2 8; -fx-background-radius: 3; -fx-text-fill: white; -fx-background-color: ";
    private static final String UNMANAGED = "#b7791f";
    private final Label label = new Label();
    private final Tooltip held = new Tooltip(); // one, its text replaced: the P&L in it changes with every mark

    BotBadge() {
        label.setId("bot-mode");
    }

    Label node() {
        return label;
    }

    /** Shows the bot's mode in {@code s} and, while it is off, what its own account still holds. FX thread. */
    void show(TradingSnapshot s) {
        List<Position> open = s.botMode() == BotMode.OFF && !s.bot().shared()
                ? s.bot().positions().stream().filter(p -> !p.isFlat()).toList() : List.of();
        label.setText("BOT " + s.botMode().name() + (open.isEmpty() ? "" : " · " + open.size() + " open"));
        label.setStyle(BASE + (open.isEmpty() ? BotSwitch.COLOUR.get(s.botMode()) : UNMANAGED) + ";");
        if (!open.isEmpty()) {
            held.setText("The bot is off and its account still holds " + open.stream().map(BotBadge::position).collect(Collectors.joining(", "))
                    + ".\nOff sends no order: no exit or stop manages this. Switch the bot to Paper to let it manage it.");
        }
        label.setTooltip(open.isEmpty() ? null : held);
    }

    private static String position(Position p) {
        return p.symbol() + " " + Amounts.number(p.quantity()) + " @ " + Amounts.number(p.averagePrice()) + " (P&L " + Amounts.signed(p.unrealizedPnl()) + ")";
    }
}
