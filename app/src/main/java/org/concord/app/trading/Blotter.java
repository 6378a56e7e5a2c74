package org.concord.app.trading;

import java.util.List;
import org.concord.app.shell.Labels;
import org.concord.app.shell.TableFit;
import org.concord.annotate.DisplaySettings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.geometry.Pos;
import javafx.util.converter.DoubleStringConverter;
import org.concord.execution.Balance;
import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.OrderType;
import org.concord.execution.Position;
import org.concord.execution.TimeInForce;

import java.util.Locale;
import java.util.function.Function;

/**
 * The blotter: working orders (quantity and price editable inline → replace; a cancel button per row), order
 * history, fills, positions with live P&L, balances, and a one-line account summary, for one account at a time:
 * the person's (<b>Manual</b>) or the orchestrator's (<b>Bot</b>), chosen at its top left. The bot's orders are
 * its own: they are shown, not edited or canceled here (switch the bot off instead). Rows are the snapshot's
 * immutable records; a table being edited is not refreshed until the edit ends. Orders and fills name their
 * instrument: one account trades several (BTCUSD, ETHUSD, AAPL on the desk), each on its own calendar. The summary
 * counts the account's whole history; the Orders and Fills tables show the newest rows and the summary says so.
 */
public final class Blotter {
    private final DisplaySettings display;
    private final TradingService service;
    private final BorderPane root = new BorderPane();
    private final TableView<Order> working = new TableView<>();
    private final TableView<Order> history = new TableView<>();
    private final TableView<Fill> fills = new TableView<>();
    private final TableView<Position> positions = new TableView<>();
    private final TableView<Balance> balances = new TableView<>();
    private final Label summary = new Label("no account data yet");
    private final ToggleGroup accounts = new ToggleGroup();
    private final ToggleButton manualButton = new ToggleButton("Manual");
    private final ToggleButton botButton = new ToggleButton("Bot");
    private TradingSnapshot last;
    private long shownSeq = -1;
    /**
     * Text that is not a number reads as null (refused in {@link #edit}): the stock converter would throw on the FX
     * thread and leave the cell editing, which freezes the working table (it is not refreshed while a cell edits).
     */
    static final DoubleStringConverter LENIENT = new DoubleStringConverter() {
        /** As every other amount on the desk: "800.00", not the editor's "800.0" (seen beside "891.51" in one column). */
        @Override
        public String toString(Double value) {
            return value == null ? "" : Amounts.number(value);
        }

        @Override
        public Double fromString(String text) {
            try {
                return super.fromString(text == null ? null : text.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    };

    public Blotter(TradingService service, DisplaySettings display) {
        if (service == null || display == null) {
            throw new IllegalArgumentException("service and display are required");
        }
        this.display = display;
        this.service = service;
        root.setId("blotter");
        working.setId("blotter-working");
        history.setId("blotter-history");
        fills.setId("blotter-fills");
        positions.setId("blotter-positions");
        balances.setId("blotter-balances");
        summary.setId("blotter-summary");
        for (TableView<?> t : List.of(working, history, fills, positions, balances)) {
            TableFit.install(t);
        }
        summary.setPadding(new Insets(2, 8, 2, 8));
        // a narrow window wraps the summary onto a second line; the account buttons keep their words (at 1024 px both
        // read "…", and which account the blotter shows was no longer said)
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.setMinWidth(0);
        Labels.keepWidth(manualButton, botButton);

        working.setEditable(true);
        working.getColumns().add(text("id", Order::clientOrderId, 90));
        working.getColumns().add(text("symbol", o -> o.symbol().code(), 80));
        working.getColumns().add(text("side", o -> o.side().name(), 50));
        working.getColumns().add(text("type", o -> o.type().name(), 60));
        TableColumn<Order, Double> qty = new TableColumn<>("quantity");
        qty.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().quantity()));
        qty.setCellFactory(TextFieldTableCell.forTableColumn(LENIENT));
        qty.setOnEditCommit(e -> edit(e.getRowValue(), e.getNewValue(), price(e.getRowValue())));
        qty.setPrefWidth(80);
        TableColumn<Order, Double> px = new TableColumn<>("price");
        // a market order has no price: the cell is empty (it used to read 0.0, as if the order were priced at zero)
        px.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().type() == OrderType.MARKET ? null : price(c.getValue())));
        px.setCellFactory(TextFieldTableCell.forTableColumn(LENIENT));
        px.setOnEditCommit(e -> edit(e.getRowValue(), e.getRowValue().quantity(), e.getNewValue()));
        px.setPrefWidth(90);
        working.getColumns().add(qty);
        working.getColumns().add(px);
        working.getColumns().add(text("filled", o -> Amounts.number(o.filledQuantity()), 70));
        working.getColumns().add(text("SL", o -> price0(o.request().stopLoss()), 70));
        working.getColumns().add(text("TP", o -> price0(o.request().takeProfit()), 70));
        // a GTD order says until when (its instrument's calendar): it looked like any GTC one
        working.getColumns().add(text("TIF", o -> o.request().timeInForce() == TimeInForce.GTD
                ? "GTD " + time(o.request().expireTime()) : o.request().timeInForce().name(), 170));
        working.getColumns().add(text("state", o -> o.state().name(), 110));
        working.getColumns().add(text("origin", o -> o.request().origin().name() + (o.parentClientId() != null ? " exit" : ""), 90));
        TableColumn<Order, Order> cancel = new TableColumn<>("");
        cancel.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        cancel.setCellFactory(c -> new TableCell<>() {
            private final Button b = new Button("Cancel");

            @Override
            protected void updateItem(Order o, boolean empty) {
                super.updateItem(o, empty);
                if (empty || o == null) {
                    setGraphic(null);
                    return;
                }
                b.setId("cancel-" + o.clientOrderId());
                b.setOnAction(e -> service.cancel(o.clientOrderId()));
                setGraphic(showingBot() ? null : b);
            }
        });
        cancel.setPrefWidth(90);
        working.getColumns().add(cancel);
        working.setPlaceholder(new Label("no working orders"));

        // when it was done (filled, expired, canceled), in its instrument's calendar: an expiry is checked against it
        history.getColumns().add(text("time", o -> time(o.updatedTime()), 150));
        history.getColumns().add(text("id", Order::clientOrderId, 90));
        history.getColumns().add(text("symbol", o -> o.symbol().code(), 80));
        history.getColumns().add(text("side", o -> o.side().name(), 50));
        history.getColumns().add(text("type", o -> o.type().name(), 60));
        history.getColumns().add(text("quantity", o -> Amounts.number(o.quantity()), 80));
        history.getColumns().add(text("filled", o -> Amounts.number(o.filledQuantity()), 80));
        history.getColumns().add(text("avg price", o -> price0(o.averagePrice()), 90));
        history.getColumns().add(text("state", o -> o.state().name(), 90));
        history.getColumns().add(text("origin", o -> o.request().origin().name(), 80));
        history.getColumns().add(text("reason", Order::reason, 420));
        history.setPlaceholder(new Label("no finished orders"));

        fills.getColumns().add(text("time", f -> time(f.time()), 150));
        fills.getColumns().add(text("order", Fill::clientOrderId, 90));
        fills.getColumns().add(text("symbol", f -> f.symbol().code(), 80));
        fills.getColumns().add(text("side", f -> f.side().name(), 50));
        fills.getColumns().add(text("quantity", f -> Amounts.number(f.quantity()), 80));
        fills.getColumns().add(text("price", f -> Amounts.number(f.price()), 90));
        fills.getColumns().add(text("fee", f -> Amounts.money(f.fee()), 70));
        fills.getColumns().add(text("liquidity", f -> f.liquidity().name(), 70));
        fills.getColumns().add(text("book", Fill::book, 80));
        fills.setPlaceholder(new Label("no fills"));

        positions.getColumns().add(text("symbol", p -> p.symbol().code(), 80));
        positions.getColumns().add(text("quantity", p -> Amounts.number(p.quantity()), 90));
        positions.getColumns().add(text("avg price", p -> Amounts.number(p.averagePrice()), 90));
        positions.getColumns().add(text("mark", p -> Amounts.number(p.markPrice()), 90));
        positions.getColumns().add(text("unrealized P&L", p -> Amounts.signed(p.unrealizedPnl()), 110));
        positions.getColumns().add(text("realized P&L", p -> Amounts.signed(p.realizedPnl()), 100));
        positions.getColumns().add(text("fees", p -> Amounts.money(p.fees()), 80));
        positions.getColumns().add(text("notional", p -> Amounts.money(p.notional()), 100));
        positions.setPlaceholder(new Label("flat"));

        balances.getColumns().add(text("asset", Balance::asset, 80));
        balances.getColumns().add(text("total", b -> Amounts.balance(b.total()), 110));
        balances.getColumns().add(text("locked", b -> Amounts.balance(b.locked()), 110));
        balances.getColumns().add(text("free", b -> Amounts.balance(b.free()), 110));

        TabPane tabs = new TabPane(tab("blotter-tab-working", "Working", working), tab("blotter-tab-positions", "Positions", positions),
                tab("blotter-tab-fills", "Fills", fills), tab("blotter-tab-history", "Orders", history),
                tab("blotter-tab-balances", "Balances", balances));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        manualButton.setId("blotter-account-manual");
        botButton.setId("blotter-account-bot");
        manualButton.setToggleGroup(accounts);
        botButton.setToggleGroup(accounts);
        manualButton.setSelected(true);
        accounts.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                a.setSelected(true); // one account is always shown
                return;
            }
            working.setEditable(!showingBot());
            shownSeq = -1;
            if (last != null) {
                show(last);
            }
        });
        HBox top = new HBox(6, manualButton, botButton, summary);
        HBox.setHgrow(summary, Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(2, 0, 2, 6));
        root.setTop(top);
        root.setCenter(tabs);
        root.setPrefHeight(230);
    }

    public Node node() {
        return root;
    }

    public TableView<Order> workingTable() {
        return working;
    }

    public TableView<Position> positionsTable() {
        return positions;
    }

    public TableView<Fill> fillsTable() {
        return fills;
    }

    public TableView<Order> historyTable() {
        return history;
    }

    public Label summary() {
        return summary;
    }

    /** True when the blotter shows the orchestrator's account. */
    public boolean showingBot() {
        return botButton.isSelected();
    }

    /** Shows {@code s} (FX thread); the working table keeps its rows while a cell is being edited. */
    public void show(TradingSnapshot s) {
        last = s;
        if (s.seq() == shownSeq) {
            return;
        }
        shownSeq = s.seq();
        AccountSnapshot a = showingBot() ? s.bot() : s.manual();
        if (working.getEditingCell() == null) {
            working.getItems().setAll(a.working());
        }
        history.getItems().setAll(a.done());
        fills.getItems().setAll(a.fills());
        positions.getItems().setAll(a.positions());
        balances.getItems().setAll(a.balances());
        summary.setText(summaryText(s, a));
    }

    /** The summary line: which account, where it trades, its money and P&L, and true counts. */
    static String summaryText(TradingSnapshot s, AccountSnapshot a) {
        String head = a.account() + " account · " + a.where() + (a.account().equals("Bot") ? " · bot " + s.botMode().label().toUpperCase(Locale.ROOT) : "")
                + (a.shared() ? " · shares the venue account" : "");
        String fillCount = a.fillsTotal() + (a.fillsTotal() == 1 ? " fill" : " fills")
                + (a.fillsTotal() > a.fills().size() ? " (each symbol's newest " + TradingService.FILLS_SHOWN + " listed)" : "");
        String cut = a.sellsCut() > 0 ? " · " + a.sellsCut() + (a.sellsCut() == 1 ? " sell" : " sells") + " cut to the position held" : "";
        return String.format(Locale.ROOT, "%s · equity %,.2f · cash %,.2f · unrealized %+,.2f · realized %+,.2f · fees %,.2f · %d working · %d done · %s%s",
                head, a.equity(), a.cash(), a.unrealizedPnl(), a.realizedPnl(), a.fees(), a.working().size(), a.doneTotal(), fillCount, cut);
    }

    private void edit(Order o, Double quantity, Double price) {
        if (o.type() == OrderType.MARKET) {
            service.results().offer(ActionResult.failed("replace", o.clientOrderId(), "a market order fills on the next bar: cancel it instead"));
            return;
        }
        if (quantity == null || price == null || !(quantity > 0) || !(price > 0) || quantity.isInfinite() || price.isInfinite()) {
            // in the ticket's answer line, like every action's answer: the summary is rewritten by the next snapshot
            service.results().offer(ActionResult.failed("replace", o.clientOrderId(), "quantity and price must be positive numbers"));
            return;
        }
        service.replace(o.clientOrderId(), quantity, price);
    }

    private static double price(Order o) {
        return o.type() == OrderType.LIMIT ? o.request().limitPrice() : o.type() == OrderType.STOP ? o.request().stopPrice() : 0;
    }

    private static <T> TableColumn<T, String> text(String title, Function<T, String> f, double width) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(f.apply(v.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }

    private static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private static String price0(double v) {
        return v > 0 ? Amounts.number(v) : "";
    }

    private String time(long t) {
        return t <= 0 ? "" : display.format().dateTime(t);
    }
}
