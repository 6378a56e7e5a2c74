package org.concord.app.trading;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concord.execution.Order;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.concord.execution.TimeInForce;
import org.concord.model.Symbol;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The order ticket: side, type, quantity or notional, price, SL/TP, time in force, "override risk", and the
 * answer line. It parses what was typed into a {@link TicketIntent} and forwards it; in live mode it asks for a
 * confirmation first. One-click trading (opt-in) adds BUY/SELL market buttons that send at once. Enter in the
 * quantity or price field sends as the Send button does. The answer line then follows the order it names through the
 * person's account in each snapshot (NEW, then FILLED with the fill), and is cleared when the chart's symbol changes.
 * The answer line sits right under Send, where a 1280x800 window still shows it. A priced order's Price follows the
 * instrument's last price (the watchlist's) until the person types in it or picks a price: filled once and left, it
 * was a stale price a few minutes of replay later, a buy limit above the market.
 */
public final class OrderTicket {
    private static final String PRICE = "Price";
    private static final String OK_STYLE = "-fx-text-fill: -color-success-fg;";
    private static final String ERROR_STYLE = "-fx-text-fill: -color-danger-fg;";
    private final TradingService service;
    private final Supplier<Symbol> symbol;
    private final VBox root = new VBox(6);
    private final ModeBadge badge = new ModeBadge("ticket-mode");
    private final Label symbolLabel = new Label();
    private final ToggleGroup sides = new ToggleGroup();
    private final ToggleButton buy = new ToggleButton("Buy");
    private final ToggleButton sell = new ToggleButton("Sell");
    private final ChoiceBox<OrderType> type = new ChoiceBox<>(FXCollections.observableArrayList(OrderType.values()));
    private final ChoiceBox<String> sizeMode = new ChoiceBox<>(FXCollections.observableArrayList("quantity", "notional"));
    private final TextField amount = new TextField("0.1");
    private final TextField price = new TextField();
    private final TextField stopLoss = new TextField();
    private final TextField takeProfit = new TextField();
    private final ChoiceBox<TimeInForce> tif = new ChoiceBox<>(FXCollections.observableArrayList(TimeInForce.values()));
    private final TextField gtdMinutes = new TextField("60");
    private final CheckBox override = new CheckBox("Override risk (logged)");
    private final CheckBox oneClick = new CheckBox("One-click trading");
    private final Button send = new Button("Send");
    private final HBox quick;
    private final Label message = new Label("");
    /** The order the message line is about (its latest state is shown from each snapshot), or null. */
    private String followed;
    /** The action that placed it ("submit", "move"…), which heads the line, and the state last shown of it. */
    private String followedAction;
    private String followedStatus;
    private TradingSnapshot lastSnapshot;
    /** The instrument the answer line and the typed prices are about: the chart's when made or last followed. */
    private Symbol ticketSymbol;
    /** The newest price of each instrument (the watchlist's Last), which the Price field follows. */
    private final Map<Symbol, Double> lastPrices = new HashMap<>();
    /** The Price field shows the last price until the person sets it (typing, a pick on the chart). */
    private boolean priceFollows = true;
    /** The ticket itself is writing the Price field (not the person). */
    private boolean filling;
    /** The priced order's Price while the type is MARKET (the field then reads "at market"). */
    private String priceAside = "";

    public OrderTicket(TradingService service, Supplier<Symbol> symbol) {
        if (service == null || symbol == null) {
            throw new IllegalArgumentException("service and symbol are required");
        }
        this.service = service;
        this.symbol = symbol;
        this.ticketSymbol = symbol.get();
        root.setId("order-ticket");
        root.setPadding(new Insets(8));
        root.setPrefWidth(280);
        root.setMinWidth(250);
        symbolLabel.setId("ticket-symbol");
        buy.setId("ticket-buy");
        sell.setId("ticket-sell");
        buy.setToggleGroup(sides);
        sell.setToggleGroup(sides);
        buy.setSelected(true);
        buy.setStyle("-fx-base: #1f8a4c;");
        sell.setStyle("-fx-base: #b8323a;");
        sides.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one side is always chosen
            }
            updateSendText();
        });
        type.setId("ticket-type");
        type.setValue(OrderType.LIMIT);
        type.valueProperty().addListener((o, a, b) -> {
            boolean market = b == OrderType.MARKET;
            price.setDisable(market);
            if (market != (a == OrderType.MARKET)) {
                priceForMarket(market);
            }
            if (a == OrderType.MARKET && price.getText().isBlank()) {
                priceFollows = true; // from a market order to a priced one with no price: the last one again
            }
            fillPrice();
            updateSendText();
        });
        sizeMode.setId("ticket-size-mode");
        sizeMode.setValue("quantity");
        amount.setId("ticket-amount");
        price.setId("ticket-price");
        price.textProperty().addListener((o, was, now) -> priceFollows &= filling);
        stopLoss.setId("ticket-sl");
        takeProfit.setId("ticket-tp");
        stopLoss.setPromptText("none");
        takeProfit.setPromptText("none");
        tif.setId("ticket-tif");
        tif.setValue(TimeInForce.GTC);
        gtdMinutes.setId("ticket-gtd-minutes");
        gtdMinutes.disableProperty().bind(tif.valueProperty().isNotEqualTo(TimeInForce.GTD));
        override.setId("ticket-override");
        oneClick.setId("ticket-one-click");
        send.setId("ticket-submit");
        send.setDefaultButton(false);
        send.setMaxWidth(Double.MAX_VALUE);
        send.setOnAction(e -> send(null));
        // Enter in a field is Send (the same validation and LIVE confirmation). Send is no default button, so the
        // field's action is the only one an Enter fires: one order per Enter, and one per press of the key: a held
        // Enter's auto-repeat presses are dropped until it is released (each would have been another order)
        amount.setOnAction(e -> send(null));
        price.setOnAction(e -> send(null));
        amount.addEventFilter(KeyEvent.ANY, this::enterOncePerPress);
        price.addEventFilter(KeyEvent.ANY, this::enterOncePerPress);
        // a release the fields never see (the LIVE confirmation took the focus) must not hold back the next Enter
        amount.focusedProperty().addListener((o, was, now) -> enterDown = false);
        price.focusedProperty().addListener((o, was, now) -> enterDown = false);
        message.setId("ticket-message");
        message.setWrapText(true);
        // as wide as the ticket, however wide that is, and never wider: a long answer wraps (at a fixed 264 px it was
        // cut at the right of a narrower ticket)
        message.setPrefWidth(200);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE); // all its lines: squeezed to one, a REJECTED reason ended in "…"
        message.boundsInParentProperty().addListener((o, was, now) -> revealMessage());

        Button quickBuy = new Button("BUY MKT");
        quickBuy.setId("ticket-quick-buy");
        quickBuy.setStyle("-fx-base: #1f8a4c;");
        quickBuy.setOnAction(e -> send(OrderSide.BUY));
        Button quickSell = new Button("SELL MKT");
        quickSell.setId("ticket-quick-sell");
        quickSell.setStyle("-fx-base: #b8323a;");
        quickSell.setOnAction(e -> send(OrderSide.SELL));
        quick = new HBox(6, quickBuy, quickSell);
        quick.visibleProperty().bind(oneClick.selectedProperty());
        quick.managedProperty().bind(oneClick.selectedProperty());

        GridPane g = new GridPane();
        g.setHgap(6);
        g.setVgap(5);
        int r = 0;
        g.addRow(r++, new Label("Side"), new HBox(4, buy, sell));
        g.addRow(r++, new Label("Type"), type);
        g.addRow(r++, sizeMode, amount);
        g.addRow(r++, new Label(PRICE), price);
        g.addRow(r++, new Label("Stop-loss"), stopLoss);
        g.addRow(r++, new Label("Take-profit"), takeProfit);
        g.addRow(r++, new Label("Time in force"), new HBox(4, tif, gtdMinutes));
        gtdMinutes.setPrefColumnCount(4);
        Label title = new Label("Order ticket");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        HBox head = new HBox(8, title, badge.node());
        head.setAlignment(Pos.CENTER_LEFT);
        // the answer last: a long one (a four-line refusal) grows downwards, and no control below it goes out of sight
        // (the one-click box sat under it and was pushed below the visible part of the ticket: a new trader's trial)
        root.getChildren().addAll(head, symbolLabel, g, override, oneClick, quick, send, message);
        updateSendText();
    }

    public Node node() {
        return root;
    }

    /**
     * Pre-fills the ticket (from a right click on the chart at {@code atPrice}, or a shortcut with the last price). The
     * answer line, which followed the previous order, is cleared: seen on the desk, a ticket set up for a new order
     * still said "submit man-1: FILLED …" until the new one was answered, and read as the new order's state.
     */
    public void prepare(OrderSide side, OrderType orderType, double atPrice) {
        if (side == null || orderType == null) {
            throw new IllegalArgumentException("side and type are required");
        }
        say("", "");
        (side == OrderSide.BUY ? buy : sell).setSelected(true);
        type.setValue(orderType);
        if (atPrice > 0 && Double.isFinite(atPrice)) {
            price.setText(Amounts.number(atPrice));
        }
        updateSendText();
        amount.requestFocus();
    }

    /** The snapshot's mode and the chart's symbol (FX thread, each pulse with a new snapshot). */
    public void show(TradingSnapshot s) {
        lastSnapshot = s;
        badge.show(s.mode());
        updateSendText();
        follow();
    }

    /**
     * The chart's symbol changed: the ticket names the new one, and the answer line, which was about an order or an
     * error of the previous symbol, is cleared, and so are the prices typed for it (FX thread): seen on the desk, an
     * ETHUSD limit went out at 850, the BTCUSD price left in the field.
     */
    public void symbolChanged() {
        Symbol now = symbol.get();
        if (!Objects.equals(now, ticketSymbol)) {
            ticketSymbol = now;
            say("", "");
            price.clear();
            priceAside = "";
            stopLoss.clear();
            takeProfit.clear();
            priceFollows = true;
            fillPrice();
        }
        updateSendText();
    }

    /** The newest price of each instrument (FX thread, with each watchlist update). */
    public void showLastPrices(Map<Symbol, Double> prices) {
        lastPrices.putAll(prices);
        fillPrice();
    }

    /**
     * A market order has no price: its Price field reads "at market" instead of keeping a number that went stale as
     * the market moved (seen on the desk, greyed out under a market order). The priced order's price is set aside and
     * comes back when the type is priced again.
     */
    private void priceForMarket(boolean market) {
        filling = true; // the ticket writes the field, not the person
        try {
            if (market) {
                priceAside = price.getText();
                price.clear();
            } else {
                price.setText(priceAside);
            }
        } finally {
            filling = false;
        }
        price.setPromptText(market ? "at market" : null);
    }

    /** While the person has not set it, a priced order's Price is the instrument's last price. */
    private void fillPrice() {
        Double p = lastPrices.get(ticketSymbol);
        // never under the caret: a click into the field to type a price would see its text replaced
        if (!priceFollows || price.isFocused() || type.getValue() == OrderType.MARKET || p == null || !(p > 0) || Double.isInfinite(p)) {
            return;
        }
        filling = true;
        try {
            price.setText(Amounts.number(p));
        } finally {
            filling = false;
        }
    }

    /** The broker's answer to the last action; an accepted order is then followed through the snapshots. */
    public void showResult(ActionResult r) {
        String hint = r.riskRule() != null && !override.isSelected()
                ? "  ·  tick 'Override risk' and send again to override " + r.riskRule() + " (logged)" : "";
        say(r.message() + hint, r.ok() ? OK_STYLE : ERROR_STYLE);
        if (r.action().equals("submit") && r.ok()) {
            override.setSelected(false); // an override is for one order
        }
        followed = r.ok() ? r.clientOrderId() : null;
        followedAction = r.action();
        followedStatus = null;
        follow(); // the snapshot with the order may have come before its answer
    }

    /** Shows the followed order's state as core last published it in the person's account. */
    private void follow() {
        if (followed == null || lastSnapshot == null) {
            return;
        }
        Order o = find(lastSnapshot.manual(), followed);
        if (o == null) {
            return;
        }
        String now = status(o, !lastSnapshot.mode().live());
        // only a change of the order rewrites the line: the answer already names the state it was accepted in
        boolean first = followedStatus == null;
        if (now.equals(followedStatus) || first && message.getText().endsWith(now)) {
            followedStatus = now;
            return;
        }
        followedStatus = now;
        message.setText(followedAction + " " + now);
        message.setStyle(o.state() == OrderState.REJECTED ? ERROR_STYLE : OK_STYLE);
    }

    private static Order find(AccountSnapshot a, String id) {
        for (Order o : a.working()) {
            if (o.clientOrderId().equals(id)) {
                return o;
            }
        }
        for (Order o : a.done()) {
            if (o.clientOrderId().equals(id)) {
                return o;
            }
        }
        return null;
    }

    /**
     * "man-2: FILLED 0.1 @ 27123.40": the order's state, what filled at what average, and the broker's reason. A paper
     * market order not filled yet says when it fills: at the next price the feed brings (with the replay paused it
     * read NEW and nothing more).
     */
    static String status(Order o, boolean paper) {
        // the quantity as typed ("0.1", not the blotter's fixed "0.100000"): the line answers what the person sent
        String filled = o.filledQuantity() > 0
                ? " " + BigDecimal.valueOf(o.filledQuantity()).stripTrailingZeros().toPlainString() + " @ " + Amounts.number(o.averagePrice()) : "";
        String waits = paper && o.type() == OrderType.MARKET && o.state().isWorking() && o.filledQuantity() == 0
                ? " — fills at the next price the feed brings" : "";
        return o.clientOrderId() + ": " + o.state() + filled + waits + (o.reason().isEmpty() ? "" : " — " + o.reason());
    }

    /** A new message: the followed order (if any) no longer owns the line. */
    private void say(String text, String style) {
        followed = null;
        message.setText(text);
        message.setStyle(style);
    }

    /**
     * Scrolls the ticket, when it is in a scroll pane too short for it, until the whole answer is in view: at 1280x800
     * a REJECTED reason's last lines were below the fold.
     */
    private void revealMessage() {
        Parent p = root.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        if (p == null || message.getText().isEmpty()) {
            return;
        }
        ScrollPane form = (ScrollPane) p;
        double content = root.getLayoutBounds().getHeight();
        double view = form.getViewportBounds().getHeight();
        if (!(content > view) || !(view > 0)) {
            return;
        }
        double range = form.getVmax() - form.getVmin();
        double top = (form.getVvalue() - form.getVmin()) / range * (content - view);
        double bottom = message.getBoundsInParent().getMaxY();
        if (bottom > top + view) {
            form.setVvalue(form.getVmin() + range * Math.min(1, (bottom - view) / (content - view)));
        }
    }

    private void updateSendText() {
        Symbol s = symbol.get();
        symbolLabel.setText("Symbol " + (s == null ? "—" : s.code()));
        send.setText("Send " + side() + " " + type.getValue() + (badge.mode() != null && badge.mode().live() ? " (LIVE)" : " (paper)"));
    }

    private OrderSide side() {
        return sell.isSelected() ? OrderSide.SELL : OrderSide.BUY;
    }

    /** Builds the intent; {@code quickSide} non-null is a one-click market order. */
    private boolean enterDown;

    /** Lets the first press of a held Enter through and drops its auto-repeats (any field of the ticket). */
    private void enterOncePerPress(KeyEvent k) {
        if (k.getCode() != KeyCode.ENTER) {
            return;
        }
        if (k.getEventType() == KeyEvent.KEY_PRESSED) {
            if (enterDown) {
                k.consume();
            }
            enterDown = true;
        } else if (k.getEventType() == KeyEvent.KEY_RELEASED) {
            enterDown = false;
        }
    }

    private void send(OrderSide quickSide) {
        TicketIntent intent;
        try {
            Symbol s = symbol.get();
            if (s == null) {
                throw new IllegalArgumentException("no symbol on the chart");
            }
            OrderType t = quickSide != null ? OrderType.MARKET : type.getValue();
            TimeInForce tf = quickSide != null ? TimeInForce.GTC : tif.getValue();
            intent = new TicketIntent(s, quickSide != null ? quickSide : side(), t, "notional".equals(sizeMode.getValue()),
                    number(amount, sizeMode.getValue(), true), t == OrderType.MARKET ? 0 : number(price, PRICE.toLowerCase(Locale.ROOT), true),
                    quickSide != null ? 0 : number(stopLoss, "stop-loss", false), quickSide != null ? 0 : number(takeProfit, "take-profit", false),
                    tf, tf == TimeInForce.GTD ? (long) number(gtdMinutes, "GTD minutes", true) : 0, override.isSelected());
        } catch (IllegalArgumentException e) {
            say(e.getMessage(), ERROR_STYLE);
            return;
        }
        boolean live = badge.mode() != null && badge.mode().live();
        if (live && quickSide == null && !confirmLive(intent)) {
            say("not sent", "");
            return;
        }
        say("sending " + intent.describe() + " …", "");
        service.submit(intent);
    }

    private boolean confirmLive(TicketIntent intent) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, intent.describe(), ButtonType.OK, ButtonType.CANCEL);
        a.setTitle("Confirm LIVE order");
        a.setHeaderText("Send this order to " + badge.mode().badge() + "?");
        a.getDialogPane().setId("live-order-confirm");
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    private static double number(TextField f, String what, boolean required) {
        String t = f.getText() == null ? "" : f.getText().trim().replace(",", "");
        if (t.isEmpty()) {
            if (required) {
                throw new IllegalArgumentException(what + " is required");
            }
            return 0;
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v) || v < 0) {
                throw new IllegalArgumentException(what + " must be a positive number, got " + t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " is not a number: " + t.toLowerCase(Locale.ROOT));
        }
    }
}
