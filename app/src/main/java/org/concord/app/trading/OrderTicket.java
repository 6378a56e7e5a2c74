package org.concord.app.trading;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderType;
import org.concord.execution.TimeInForce;
import org.concord.model.Symbol;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The order ticket: side, type, quantity or notional, price, SL/TP, time in force, "override risk", and the
 * answer line. It parses what was typed into a {@link TicketIntent} and forwards it; in live mode it asks for a
 * confirmation first. One-click trading (opt-in) adds BUY/SELL market buttons that send at once.
 */
public final class OrderTicket {
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

    public OrderTicket(TradingService service, Supplier<Symbol> symbol) {
        if (service == null || symbol == null) {
            throw new IllegalArgumentException("service and symbol are required");
        }
        this.service = service;
        this.symbol = symbol;
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
            price.setDisable(b == OrderType.MARKET);
            updateSendText();
        });
        sizeMode.setId("ticket-size-mode");
        sizeMode.setValue("quantity");
        amount.setId("ticket-amount");
        price.setId("ticket-price");
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
        message.setId("ticket-message");
        message.setWrapText(true);
        message.setMaxWidth(264);

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
        g.addRow(r++, new Label("Price"), price);
        g.addRow(r++, new Label("Stop-loss"), stopLoss);
        g.addRow(r++, new Label("Take-profit"), takeProfit);
        g.addRow(r++, new Label("Time in force"), new HBox(4, tif, gtdMinutes));
        gtdMinutes.setPrefColumnCount(4);
        Label title = new Label("Order ticket");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        HBox head = new HBox(8, title, badge.node());
        head.setAlignment(Pos.CENTER_LEFT);
        root.getChildren().addAll(head, symbolLabel, g, override, send, oneClick, quick, message);
        updateSendText();
    }

    public Node node() {
        return root;
    }

    /** Pre-fills the ticket (from a right click on the chart at {@code atPrice}, or a shortcut with the last price). */
    public void prepare(OrderSide side, OrderType orderType, double atPrice) {
        if (side == null || orderType == null) {
            throw new IllegalArgumentException("side and type are required");
        }
        (side == OrderSide.BUY ? buy : sell).setSelected(true);
        type.setValue(orderType);
        if (atPrice > 0 && Double.isFinite(atPrice)) {
            price.setText(OrderLine.fmt(atPrice));
        }
        updateSendText();
        amount.requestFocus();
    }

    /** The snapshot's mode and the chart's symbol (FX thread, each pulse with a new snapshot). */
    public void show(TradingSnapshot s) {
        badge.show(s.mode());
        updateSendText();
    }

    /** The chart's symbol changed: the ticket names the new one (FX thread). */
    public void symbolChanged() {
        updateSendText();
    }

        /** The broker's answer to the last action. */
    public void showResult(ActionResult r) {
        String hint = r.riskRule() != null && !override.isSelected()
                ? "  ·  tick 'Override risk' and send again to override " + r.riskRule() + " (logged)" : "";
        message.setText(r.message() + hint);
        message.setStyle(r.ok() ? "-fx-text-fill: -color-success-fg;" : "-fx-text-fill: -color-danger-fg;");
        if (r.action().equals("submit") && r.ok()) {
            override.setSelected(false); // an override is for one order
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
                    number(amount, "size", true), t == OrderType.MARKET ? 0 : number(price, "price", true),
                    quickSide != null ? 0 : number(stopLoss, "stop-loss", false), quickSide != null ? 0 : number(takeProfit, "take-profit", false),
                    tf, tf == TimeInForce.GTD ? (long) number(gtdMinutes, "GTD minutes", true) : 0, override.isSelected());
        } catch (IllegalArgumentException e) {
            message.setText(e.getMessage());
            message.setStyle("-fx-text-fill: -color-danger-fg;");
            return;
        }
        boolean live = badge.mode() != null && badge.mode().live();
        if (live && quickSide == null && !confirmLive(intent)) {
            message.setText("not sent");
            return;
        }
        message.setText("sending " + intent.describe() + " …");
        message.setStyle("");
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
