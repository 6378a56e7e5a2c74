package org.concord.app.trading;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.concord.engine.BotMode;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The bot switch, "Bot: Off | Paper | Live", beside the order ticket: whether the orchestrator trades, and with which
 * money. It shows the pipeline's mode (from each snapshot) and forwards the person's choice; Live needs the desk
 * connected to a venue (Go LIVE…) and a confirmation, otherwise it is refused on the answer line. Grey Off, green
 * Paper, red Live: the state is seen at a glance.
 */
public final class BotSwitch {
    private static final String BASE = "-fx-font-weight: bold; -fx-padding: 2 10 2 10; ";
    /** Each mode's colour, on the switch and on the status bar's badge: grey Off, green Paper, red Live. */
    static final Map<BotMode, String> COLOUR = Map.of(BotMode.OFF, "#5a5f66", BotMode.PAPER, "#1f8a4c", BotMode.LIVE, "#d0202a");

    private final HBox root = new HBox(4);
    private final ToggleGroup group = new ToggleGroup();
    private final Map<BotMode, ToggleButton> buttons = new EnumMap<>(BotMode.class);
    private final Supplier<TradingMode> deskMode;
    private final Consumer<BotMode> request;
    private final Consumer<ActionResult> refuse;
    private BotMode shown = BotMode.OFF;
    private BotMode pending;
    private long pendingSince;
    private boolean updating;

    /**
     * @param deskMode where the person's orders go now (Live needs a venue)
     * @param request  sends the chosen mode to the pipeline
     * @param refuse   shows a refusal on the ticket's answer line
     */
    public BotSwitch(Supplier<TradingMode> deskMode, Consumer<BotMode> request, Consumer<ActionResult> refuse) {
        if (deskMode == null || request == null || refuse == null) {
            throw new IllegalArgumentException("desk mode, request and refusal are required");
        }
        this.deskMode = deskMode;
        this.request = request;
        this.refuse = refuse;
        Label title = new Label("Bot");
        title.setStyle("-fx-font-weight: bold;");
        title.setTooltip(new Tooltip("Does the orchestrator trade? Off: decisions are shown, no order. Paper: its own paper account. "
                + "Live: the venue account (connect with Go LIVE… first)."));
        root.getChildren().add(title);
        for (BotMode m : BotMode.values()) {
            ToggleButton b = new ToggleButton(m.label());
            b.setId("bot-" + m.name().toLowerCase(Locale.ROOT));
            b.setToggleGroup(group);
            b.setMinWidth(52);
            buttons.put(m, b);
            root.getChildren().add(b);
        }
        root.setId("bot-switch");
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(8, 8, 0, 8));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (updating) {
                return;
            }
            if (now == null) {
                select(shown); // one position is always on
                return;
            }
            chosen(buttons.entrySet().stream().filter(e -> e.getValue() == now).findFirst().orElseThrow().getKey());
        });
        select(BotMode.OFF);
    }

    public Node node() {
        return root;
    }

    /** The mode the pipeline reports (FX thread, each snapshot). */
    public void show(BotMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        // a snapshot taken before the pipeline switched must not flip the button back for a moment
        if (pending != null && mode != pending && System.nanoTime() - pendingSince < 2_000_000_000L) {
            return;
        }
        pending = null;
        shown = mode;
        select(mode);
    }

    private void chosen(BotMode m) {
        if (m == shown) {
            return;
        }
        if (m == BotMode.LIVE) {
            TradingMode desk = deskMode.get();
            if (desk == null || !desk.live()) {
                refuse.accept(ActionResult.failed("bot Live", null, "connect a venue first (Go LIVE…, Ctrl+L); the bot stays " + shown.label()));
                select(shown);
                return;
            }
            if (!confirmLive(desk)) {
                refuse.accept(ActionResult.failed("bot Live", null, "not confirmed; the bot stays " + shown.label()));
                select(shown);
                return;
            }
        }
        style(m);
        pending = m;
        pendingSince = System.nanoTime();
        request.accept(m);
    }

    private boolean confirmLive(TradingMode desk) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The orchestrator will send its own orders to " + desk.badge()
                + ", through the same risk limits as yours.", ButtonType.OK, ButtonType.CANCEL);
        a.setTitle("Bot LIVE");
        a.setHeaderText("Let the orchestrator trade " + desk.badge() + "?");
        a.getDialogPane().setId("bot-live-confirm");
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private void select(BotMode m) {
        updating = true;
        try {
            buttons.get(m).setSelected(true);
        } finally {
            updating = false;
        }
        style(m);
    }

    private void style(BotMode on) {
        // the theme paints a selected toggle in its accent colour: the mode's own colour is set as the background
        buttons.forEach((m, b) -> b.setStyle(BASE + (m == on ? "-fx-background-color: " + COLOUR.get(m) + "; -fx-text-fill: white;"
                : "")));
    }
}
