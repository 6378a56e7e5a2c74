package org.concord.app.trading;

import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.concord.app.ConcordApp;
import org.concord.app.DeskHarness;
import org.concord.app.session.SessionOptions;
import org.concord.chart.DisplayFormat;
import org.concord.engine.BotMode;
import org.concord.engine.BotModeStore;
import org.concord.execution.Order;
import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.concord.execution.PaperBroker;
import org.concord.execution.binance.BinanceSpotBroker;
import org.concord.feed.BundledData;
import org.concord.testkit.exchange.LoopbackBinance;
import org.concord.testkit.exchange.LoopbackSpotAccount;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.trading.TradingFlowsTest.choose;
import static org.concord.app.trading.TradingFlowsTest.desk;
import static org.concord.app.trading.TradingFlowsTest.dock;
import static org.concord.app.trading.TradingFlowsTest.lines;
import static org.concord.app.trading.TradingFlowsTest.text;
import static org.concord.app.trading.TradingFlowsTest.type;
import static org.concord.app.trading.TradingFlowsTest.window;
import static org.concord.app.trading.TradingFlowsTest.working;

/**
 * The desk's trading details on the real window (Monocle headless), the bundled replay and the pipeline's own
 * broker, beside {@link TradingFlowsTest}: a working order's quantity and price edited inline in the blotter
 * (each a replace), a working order's stop-loss and take-profit lines dragged on the chart (cancel + resend with the
 * moved exit), one-click BUY MKT / SELL MKT (opt-in, sent without a question), and the confirmation every ticket
 * order asks for in LIVE mode (cancel: nothing reaches the broker nor the exchange; confirm: the order reaches the
 * venue broker), the bot switched to Live on the venue after a confirmation (and OFF again when the venue goes), and
 * an order line dragged while the replay runs. Reuses {@link TradingFlowsTest}'s helpers (they read the running app,
 * not that class's state).
 * Writes target/screenshots/trading-detail-*.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TradingDetailFlowsTest {
    static Path dataDir;
    static Stage stage;
    static Application app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        // the minimal preset: no module trades, so every order in the blotter is this test's
        dataDir = DeskHarness.dataDir("concord-trading-detail", "minimal");
        ConcordApp.optionsOverride = SessionOptions.defaults(dataDir).withReplay(3_600, SessionOptions.DEFAULT_SKIP, true);
        stage = FxToolkit.registerPrimaryStage();
        app = DeskHarness.start();
        DeskHarness.placeAtOrigin(stage);
        robot.interact(() -> window().select("live"));
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> DeskHarness.fx(() -> window().chart().barCount()) > 200
                && dock().service().latest() != null && dock().service().latest().manual().equity() > 0);
    }

    @AfterAll
    static void close() throws Exception {
        closeConfirmations();
        DeskHarness.close(app, dataDir);
    }


    static Order brokerOrder(String clientOrderId) {
        return TradingFlowsTest.onDesk(b -> b.order(clientOrderId).orElseThrow());
    }

    static List<Order> brokerOrders() {
        return TradingFlowsTest.onDesk(b -> List.copyOf(b.orders()));
    }

    static void waitUntil(int seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    /** The price the chart's axis shows at {@code fraction} of the plot's height from the top. */
    static double priceAt(double fraction) {
        double[] p = new double[1];
        robot.interact(() -> {
            var canvas = window().chart().node().getCanvas();
            p[0] = window().chart().priceAxis().getValueForDisplay(canvas.getBoundsInLocal().getHeight() * fraction);
        });
        return p[0];
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /**
     * Sends a paper limit buy from the ticket and returns the working order, taken as soon as it is listed: known by
     * its new id, not by the count of working orders (another order can fill meanwhile when the replay runs).
     */
    static Order placeLimitBuy(double price, String qty, String sl, String tp) throws Exception {
        Set<String> before = working().stream().map(Order::clientOrderId).collect(Collectors.toSet());
        robot.interact(() -> window().run("ticket:buy"));
        choose("#ticket-type", OrderType.LIMIT);
        type("#ticket-price", String.valueOf(price));
        type("#ticket-amount", qty);
        type("#ticket-sl", sl);
        type("#ticket-tp", tp);
        DeskHarness.click(robot, "#ticket-submit");
        Order[] placed = new Order[1];
        waitUntil(5, () -> (placed[0] = working().stream().filter(o -> !before.contains(o.clientOrderId())).findFirst().orElse(null)) != null);
        assertThat(placed[0].request().limitPrice()).isEqualTo(price);
        type("#ticket-sl", "");
        type("#ticket-tp", "");
        return placed[0];
    }

    /** The close of the chart's newest bar (read on the FX thread: the replay may be running). */
    static double lastClose() {
        double[] p = new double[1];
        robot.interact(() -> p[0] = window().chart().columns().close(window().chart().columns().size() - 1));
        return p[0];
    }

    /** The working order now shown in place of {@code old} (replaced: a new id), once there is one. */
    static Order replacementOf(String oldId, int workingCount) throws TimeoutException {
        waitUntil(5, () -> working().size() == workingCount && working().stream().noneMatch(o -> o.clientOrderId().equals(oldId)));
        return working().get(working().size() - 1);
    }

    /** The blotter's working-table cell of {@code clientOrderId} in column {@code column} (the one in the scene). */
    @SuppressWarnings("unchecked")
    static Point2D cellCentre(String clientOrderId, String column) {
        Point2D[] p = new Point2D[1];
        robot.interact(() -> {
            Node n = robot.from(dock().blotter().workingTable()).lookup(".table-cell").match(x -> {
                TableCell<Order, ?> c = (TableCell<Order, ?>) x;
                return c.getScene() != null && c.isVisible() && c.getTableColumn() != null && column.equals(c.getTableColumn().getText())
                        && c.getTableRow() != null && c.getTableRow().getItem() != null
                        && clientOrderId.equals(c.getTableRow().getItem().clientOrderId());
            }).query();
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            p[0] = new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2);
        });
        return p[0];
    }

    /** Double-clicks a cell, types {@code value} into its editor and commits with ENTER (the gesture retried if lost). */
    static void editCell(String clientOrderId, String column, String value) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            robot.doubleClickOn(cellCentre(clientOrderId, column), MouseButton.PRIMARY);
            try {
                waitUntil(3, () -> editor().isPresent());
            } catch (TimeoutException e) {
                continue;
            }
            TextField f = editor().orElseThrow();
            robot.interact(f::selectAll);
            robot.write(value);
            robot.type(KeyCode.ENTER);
            return;
        }
        throw new AssertionError("the " + column + " cell of " + clientOrderId + " never opened its editor");
    }

    static Optional<TextField> editor() {
        return DeskHarness.fx(() -> robot.from(dock().blotter().workingTable()).lookup(".text-field")
                .match(n -> n.getScene() != null && n.isVisible()).tryQueryAs(TextField.class));
    }

    /** Drags the line of {@code id}/{@code kind} by {@code dy} px (two steps), from where the plugin drew it. */
    static void dragLine(String id, OrderLine.Kind kind, double dy) {
        Point2D from = TradingFlowsTest.linePoint(stage, id, kind);
        assertThat(from).as("%s line of %s drawn", kind, id).isNotNull();
        robot.drag(from, MouseButton.PRIMARY).moveBy(0, dy / 2).moveBy(0, dy / 2).release(MouseButton.PRIMARY);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void aWorkingOrdersQuantityAndPriceEditedInTheBlotterAreReplaces() throws Exception {
        TradingFlowsTest.pauseReplay();
        double price = round2(lastClose() * 0.9); // far below the market: rests
        Order placed = placeLimitBuy(price, "0.1", "", "");
        assertThat(placed.quantity()).isEqualTo(0.1);

        // quantity 0.1 → 0.2: replaced (new id, same price), the old one CANCELED "replaced by"
        editCell(placed.clientOrderId(), "quantity", "0.2");
        Order q = replacementOf(placed.clientOrderId(), 1);
        assertThat(q.quantity()).isEqualTo(0.2);
        assertThat(q.request().limitPrice()).isEqualTo(price);
        assertThat(q.request().origin()).isEqualTo(OrderOrigin.MANUAL);
        Order old = brokerOrder(placed.clientOrderId());
        assertThat(old.state()).isEqualTo(OrderState.CANCELED);
        assertThat(old.reason()).contains("replaced by " + q.clientOrderId());
        waitUntil(5, () -> text("#ticket-message").contains(q.clientOrderId()));
        assertThat(text("#ticket-message")).startsWith("replace");

        // price → 1 % lower: replaced again, quantity kept, the chart's entry line at the new price
        double lower = round2(price * 0.99);
        editCell(q.clientOrderId(), "price", String.valueOf(lower));
        Order p = replacementOf(q.clientOrderId(), 1);
        assertThat(p.request().limitPrice()).isEqualTo(lower);
        assertThat(p.quantity()).isEqualTo(0.2);
        assertThat(brokerOrder(q.clientOrderId()).state()).isEqualTo(OrderState.CANCELED);
        waitUntil(5, () -> lines().stream().anyMatch(l -> l.kind() == OrderLine.Kind.ENTRY && l.clientOrderId().equals(p.clientOrderId())
                && l.price() == lower));
        // 11 % below the market, far outside the bars' range: the price axis keeps the order's line in view (it vanished
        // on the real display, and with it the way to drag the order)
        waitUntil(5, () -> {
            double[] min = new double[1];
            robot.interact(() -> min[0] = window().chart().priceAxis().getMin());
            return min[0] < lower;
        });

        // a quantity that is not a positive number is refused in the answer line; nothing is replaced
        editCell(p.clientOrderId(), "quantity", "0");
        waitUntil(5, () -> text("#ticket-message").equals("replace " + p.clientOrderId() + " refused: quantity and price must be positive numbers"));
        assertThat(working()).singleElement().satisfies(o -> assertThat(o.clientOrderId()).isEqualTo(p.clientOrderId()));
        assertThat(brokerOrder(p.clientOrderId()).state()).isEqualTo(OrderState.NEW);
        // text that is not a number is refused the same way, the editor closes and the blotter keeps refreshing
        robot.interact(() -> robot.lookup("#ticket-message").queryAs(Label.class).setText(""));
        editCell(p.clientOrderId(), "price", "abc");
        waitUntil(5, () -> text("#ticket-message").equals("replace " + p.clientOrderId() + " refused: quantity and price must be positive numbers"));
        waitUntil(5, () -> editor().isEmpty());
        waitUntil(5, () -> {
            boolean[] editing = new boolean[1];
            robot.interact(() -> editing[0] = dock().blotter().workingTable().getEditingCell() != null);
            return !editing[0];
        });
        assertThat(working()).singleElement().satisfies(o -> assertThat(o.clientOrderId()).isEqualTo(p.clientOrderId()));
        assertThat(brokerOrder(p.clientOrderId()).request().limitPrice()).isEqualTo(lower);
        assertThat(brokerOrder(p.clientOrderId()).state()).isEqualTo(OrderState.NEW);
        DeskHarness.shot(stage, "trading-detail-edit");

        TradingFlowsTest.clickCancel(p.clientOrderId());
        waitUntil(5, () -> working().isEmpty());
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void draggingAWorkingOrdersStopLossAndTakeProfitLinesResendsItWithTheMovedExits() throws Exception {
        // prices where the lines are on screen and far apart: entry at 60 %, SL at 85 %, TP at 25 % of the plot
        double entry = round2(priceAt(0.6));
        double sl = round2(priceAt(0.85));
        double tp = round2(priceAt(0.25));
        assertThat(sl).isLessThan(entry);
        assertThat(tp).isGreaterThan(entry);
        Order placed = placeLimitBuy(entry, "0.1", String.valueOf(sl), String.valueOf(tp));
        assertThat(placed.request().stopLoss()).isEqualTo(sl);
        assertThat(placed.request().takeProfit()).isEqualTo(tp);
        waitUntil(5, () -> lines().stream().filter(l -> placed.clientOrderId().equals(l.clientOrderId()) && l.draggable()).count() == 3);

        // the SL line 40 px down: cancel + new with a lower stop-loss, entry, quantity and TP unchanged
        dragLine(placed.clientOrderId(), OrderLine.Kind.STOP_LOSS, 40);
        Order s = replacementOf(placed.clientOrderId(), 1);
        assertThat(s.request().stopLoss()).isLessThan(sl);
        assertThat(s.request().takeProfit()).isEqualTo(tp);
        assertThat(s.request().limitPrice()).isEqualTo(entry);
        assertThat(s.quantity()).isEqualTo(0.1);
        assertThat(s.side()).isEqualTo(OrderSide.BUY);
        assertThat(s.request().origin()).isEqualTo(OrderOrigin.MANUAL);
        assertThat(brokerOrder(placed.clientOrderId()).state()).isEqualTo(OrderState.CANCELED);
        waitUntil(5, () -> text("#ticket-message").startsWith("move stop-loss") && text("#ticket-message").contains(s.clientOrderId()));
        waitUntil(5, () -> lines().stream().anyMatch(l -> l.kind() == OrderLine.Kind.STOP_LOSS && s.clientOrderId().equals(l.clientOrderId())
                && l.price() == s.request().stopLoss()));

        // the TP line 40 px up: cancel + new with a higher take-profit, the moved stop-loss kept
        double movedSl = s.request().stopLoss();
        dragLine(s.clientOrderId(), OrderLine.Kind.TAKE_PROFIT, -40);
        Order t = replacementOf(s.clientOrderId(), 1);
        assertThat(t.request().takeProfit()).isGreaterThan(tp);
        assertThat(t.request().stopLoss()).isEqualTo(movedSl);
        assertThat(t.request().limitPrice()).isEqualTo(entry);
        assertThat(t.quantity()).isEqualTo(0.1);
        assertThat(brokerOrder(s.clientOrderId()).state()).isEqualTo(OrderState.CANCELED);
        waitUntil(5, () -> text("#ticket-message").startsWith("move take-profit") && text("#ticket-message").contains(t.clientOrderId()));
        waitUntil(5, () -> lines().stream().anyMatch(l -> l.kind() == OrderLine.Kind.TAKE_PROFIT && t.clientOrderId().equals(l.clientOrderId())
                && l.price() == t.request().takeProfit()));
        DeskHarness.shot(stage, "trading-detail-exits");

        TradingFlowsTest.clickCancel(t.clientOrderId());
        waitUntil(5, () -> working().isEmpty());
        waitUntil(5, () -> lines().isEmpty());
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void oneClickTradingShowsMarketButtonsThatSendAtOnce() throws Exception {
        assertThat((Object) TradingFlowsTest.onDesk(b -> b)).isInstanceOf(PaperBroker.class);
        assertThat(shown("#ticket-quick-buy")).isFalse();
        assertThat(shown("#ticket-quick-sell")).isFalse();
        DeskHarness.click(robot, "#ticket-one-click");
        waitUntil(5, () -> shown("#ticket-quick-buy") && shown("#ticket-quick-sell"));
        type("#ticket-amount", "0.3");
        int ordersBefore = brokerOrders().size();

        // BUY MKT (replay paused): a manual market buy of the ticket's size is in the broker, no question asked
        DeskHarness.click(robot, "#ticket-quick-buy");
        waitUntil(5, () -> brokerOrders().size() == ordersBefore + 1);
        Order buy = brokerOrders().get(ordersBefore);
        assertThat(buy.type()).isEqualTo(OrderType.MARKET);
        assertThat(buy.side()).isEqualTo(OrderSide.BUY);
        assertThat(buy.quantity()).isEqualTo(0.3);
        assertThat(buy.symbol()).isEqualTo(BundledData.BTCUSD);
        assertThat(buy.request().origin()).isEqualTo(OrderOrigin.MANUAL);
        assertThat(DeskHarness.fx(() -> robot.lookup("#live-order-confirm").tryQuery())).isEmpty();
        // it fills on the next bar
        ConcordApp.current().session().feed().play();
        waitUntil(20, () -> brokerOrder(buy.clientOrderId()).state() == OrderState.FILLED);
        waitUntil(10, () -> Math.abs(TradingFlowsTest.onDesk(b -> b.position(BundledData.BTCUSD)).quantity() - 0.3) < 1e-9);

        // SELL MKT closes it
        DeskHarness.click(robot, "#ticket-quick-sell");
        waitUntil(5, () -> brokerOrders().size() == ordersBefore + 2);
        Order sell = brokerOrders().get(ordersBefore + 1);
        assertThat(sell.type()).isEqualTo(OrderType.MARKET);
        assertThat(sell.side()).isEqualTo(OrderSide.SELL);
        assertThat(sell.quantity()).isEqualTo(0.3);
        waitUntil(20, () -> brokerOrder(sell.clientOrderId()).state() == OrderState.FILLED);
        waitUntil(10, () -> TradingFlowsTest.onDesk(b -> b.position(BundledData.BTCUSD)).isFlat());
        ConcordApp.current().session().feed().pause();
        DeskHarness.shot(stage, "trading-detail-one-click");

        // unticked, the buttons go away
        DeskHarness.click(robot, "#ticket-one-click");
        waitUntil(5, () -> !shown("#ticket-quick-buy") && !shown("#ticket-quick-sell"));
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void inLiveModeEachTicketOrderAsksForConfirmationCancelSendsNothingConfirmSends() throws Exception {
        LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(200);
        try {
            LoopbackSpotAccount account = new LoopbackSpotAccount(ex, TradingFlowsTest.API_KEY, TradingFlowsTest.API_SECRET);
            account.deposit("USDT", 10_000);
            robot.interact(() -> window().run("trading:live"));
            waitUntil(5, () -> DeskHarness.fx(() -> robot.lookup("#live-dialog").tryQuery().isPresent()));
            choose("#live-env", "custom");
            type("#live-rest", ex.restUrl().toString());
            type("#live-ws", ex.wsUrl().toString());
            type("#live-symbols", "BTCUSDT");
            DeskHarness.click(robot, "#live-api-key").write(TradingFlowsTest.API_KEY);
            DeskHarness.click(robot, "#live-api-secret").write(TradingFlowsTest.API_SECRET);
            DeskHarness.click(robot, "#live-confirm");
            DeskHarness.click(robot, "#live-connect");
            waitUntil(20, () -> text("#trading-mode").startsWith("LIVE"));
            TradingFlowsTest.closeLiveDialog();
            assertThat((Object) TradingFlowsTest.onDesk(b -> b)).isInstanceOf(BinanceSpotBroker.class);
            waitUntil(5, () -> text("#ticket-submit").endsWith("(LIVE)"));

            robot.interact(() -> window().run("ticket:buy"));
            choose("#ticket-type", OrderType.LIMIT);
            type("#ticket-price", "500");
            type("#ticket-amount", "0.05");
            type("#ticket-sl", "");
            type("#ticket-tp", "");

            // Send → the confirmation, with the order in words; Cancel → "not sent", nothing in the broker or on the exchange
            DialogPane confirm = openConfirmation();
            String[] words = new String[2];
            robot.interact(() -> {
                words[0] = confirm.getHeaderText();
                words[1] = confirm.getContentText();
            });
            assertThat(words[0]).contains("LIVE").contains("binance-custom");
            assertThat(words[1]).isEqualTo("BUY 0.05 BTCUSD LIMIT @ 500.0 GTC");
            answer(confirm, ButtonType.CANCEL);
            waitUntil(5, () -> text("#ticket-message").equals("not sent"));
            // the marker for the negative: FX work queued behind "not sent" ran; brokerOrders() reads on the desk thread after
            WaitForAsyncUtils.waitForFxEvents(); // any submit queued there, and the venue's POST is made inside a submit
            assertThat(brokerOrders()).isEmpty();
            assertThat(account.newOrderRequests()).isEmpty();

            // Send → confirm with OK → the order reaches the exchange. The chart's replay symbol BTCUSD is our symbol for
            // Binance's BTCUSDT (the instrument registry): the adapter maps it to BTCUSDT (it once refused it as "not
            // traded by this adapter"). This desk replays 2013, which must not price a BTCUSDT order: the adapter asks
            // the venue for its price (ticker/price) and the risk check passes on it (it once refused: "no usable price")
            DialogPane again = openConfirmation();
            answer(again, ButtonType.OK);
            // the ticket's answer comes once the broker's submit returned (the broker is read after it, off its thread)
            waitUntil(10, () -> text("#ticket-message").startsWith("submit ") && text("#ticket-message").contains(": NEW"));
            List<Order> venueOrders = TradingFlowsTest.onDesk(b -> List.copyOf(b.orders()));
            assertThat(venueOrders).hasSize(1);
            Order sent = venueOrders.get(0);
            assertThat(sent.request().origin()).isEqualTo(OrderOrigin.MANUAL);
            assertThat(sent.request().symbol().code()).isEqualTo("BTCUSDT");
            assertThat(sent.request().limitPrice()).isEqualTo(500.0);
            assertThat(sent.quantity()).isEqualTo(0.05);
            assertThat(sent.state()).isEqualTo(OrderState.NEW);
            assertThat(text("#ticket-message")).contains(sent.clientOrderId());
            assertThat(account.newOrderRequests()).hasSize(1);
            assertThat(ex.rest().served("/api/v3/ticker/price")).as("the venue asked for its price").isNotEmpty();
            DeskHarness.shot(stage, "trading-detail-live-confirmed");

            // one-click in LIVE: BUY MKT goes to the exchange at once, no confirmation, and fills at the venue's price
            robot.interact(() -> robot.lookup("#ticket-message").queryAs(Label.class).setText(""));
            DeskHarness.click(robot, "#ticket-one-click");
            waitUntil(5, () -> shown("#ticket-quick-buy"));
            DeskHarness.click(robot, "#ticket-quick-buy");
            waitUntil(10, () -> text("#ticket-message").startsWith("submit ") && !text("#ticket-message").contains("REJECTED"));
            assertThat(DeskHarness.fx(() -> robot.lookup("#live-order-confirm").tryQuery())).isEmpty();
            List<Order> afterQuick = TradingFlowsTest.onDesk(b -> List.copyOf(b.orders()));
            assertThat(afterQuick).hasSize(2);
            assertThat(afterQuick.get(1).type()).isEqualTo(OrderType.MARKET);
            assertThat(afterQuick.get(1).side()).isEqualTo(OrderSide.BUY);
            assertThat(afterQuick.get(1).quantity()).isEqualTo(0.05);
            assertThat(account.newOrderRequests()).hasSize(2);
            String quickId = afterQuick.get(1).clientOrderId();
            waitUntil(20, () -> TradingFlowsTest.onDesk(b -> b.order(quickId).orElseThrow().state()) == OrderState.FILLED);
            double filledAt = TradingFlowsTest.onDesk(b -> b.order(quickId).orElseThrow().averagePrice());
            assertThat(filledAt)
                    .as("filled at the venue's price, not the replay's").isEqualTo(ex.lastPrice(LoopbackBinance.BTCUSDT));
            DeskHarness.click(robot, "#ticket-one-click");

            // the bot switched to Live on the connected venue: confirmed first, then the pipeline's bot trades it
            DeskHarness.click(robot, "#bot-live");
            waitUntil(5, () -> DeskHarness.fx(() -> robot.lookup("#bot-live-confirm").tryQuery().isPresent()));
            DialogPane botConfirm = DeskHarness.fx(() -> robot.lookup("#bot-live-confirm").queryAs(DialogPane.class));
            String[] botWords = new String[1];
            robot.interact(() -> botWords[0] = botConfirm.getHeaderText());
            assertThat(botWords[0]).contains("LIVE").contains("binance-custom");
            robot.clickOn(DeskHarness.fx(() -> (Button) botConfirm.lookupButton(ButtonType.OK)));
            waitUntil(10, () -> TradingFlowsTest.desk().botMode() == BotMode.LIVE);
            assertThat((Object) TradingFlowsTest.desk().bot().broker()).isInstanceOf(BinanceSpotBroker.class);
            waitUntil(5, () -> text("#bot-mode").equals("BOT LIVE"));
            assertThat(text("#ticket-message")).isEqualTo("bot LIVE: the orchestrator trades the venue account");

            DeskHarness.click(robot, "#trading-back-to-paper");
            waitUntil(5, () -> text("#trading-mode").equals("PAPER"));
            assertThat((Object) TradingFlowsTest.onDesk(b -> b)).isInstanceOf(PaperBroker.class);
            // without the venue the bot cannot stay LIVE: it is switched OFF, and so it stays after a restart
            waitUntil(5, () -> TradingFlowsTest.desk().botMode() == BotMode.OFF);
            waitUntil(5, () -> text("#bot-mode").equals("BOT OFF"));
            assertThat(BotModeStore.inDataDir(dataDir).load()).isEqualTo(BotMode.OFF);
        } finally {
            closeConfirmations();
            ex.close();
        }
    }

    /**
     * Regression (issue 15, item 5): with the replay running, dragging an order line did nothing and said nothing —
     * the chart redraws every pulse and a new snapshot (a position's P&L) rebuilt the lines under the pointer; paused,
     * the new price was not on the tick grid (895.913…). Now the drag survives the redraws (bars and snapshots arrive
     * between the moves), the order is replaced at a price on the 0.01 tick, and a move the broker cannot make (the
     * order went away during the drag) is refused with the reason on the ticket's answer line.
     */
    @Test
    @org.junit.jupiter.api.Order(5)
    void anOrderLineDraggedWhileTheReplayRunsMovesTheOrderToAPriceOnTheTick() throws Exception {
        var feed = ConcordApp.current().session().feed();
        feed.setSpeed(60); // a bar a second: the chart refits while the pointer moves, the orders rest long enough
        feed.play();
        // a position whose P&L label changes with every mark: a new set of lines several times a second
        type("#ticket-amount", "0.1");
        robot.interact(() -> window().run("ticket:buy"));
        choose("#ticket-type", OrderType.MARKET);
        DeskHarness.click(robot, "#ticket-submit");
        waitUntil(20, () -> lines().stream().anyMatch(l -> l.kind() == OrderLine.Kind.POSITION));

        for (int attempt = 0; ; attempt++) {
            // 1 % below the newest close, not a height on the chart: with the view panned or the market at the bottom
            // of the fitted range, a height can be above the market and the buy fills at once (it failed a loaded run so)
            Order placed = placeLimitBuy(round2(lastClose() * 0.99), "0.1", "", "");
            long bars = DeskHarness.fx(() -> window().chart().barCount());
            long seq = dock().service().latest().seq();
            var drag = pressLine(placed.clientOrderId());
            if (drag == null && attempt < 3) {
                continue; // the market reached the order before the press caught its line: a fresh order
            }
            assertThat(drag).as("the line of a working order was pressed").isNotNull();
            drag.moveBy(0, 20);
            // the replay goes on under the held pointer: new bars, new snapshots, the axis refits
            waitUntil(20, () -> DeskHarness.fx(() -> window().chart().barCount()) > bars + 1 && dock().service().latest().seq() > seq + 3);
            assertThat(DeskHarness.fx(() -> dock().lines().dragged())).as("the drag survives the redraws").isNotNull();
            drag.moveBy(0, 20).release(MouseButton.PRIMARY);
            waitUntil(10, () -> text("#ticket-message").startsWith("move "));
            if (text("#ticket-message").contains("FILLED") && attempt < 3) {
                continue; // the market reached the order while it was dragged: try again further from it
            }
            assertThat(text("#ticket-message")).contains(": NEW");
            Order moved = replacementOf(placed.clientOrderId(), 1);
            double to = moved.request().limitPrice();
            // the price under the pointer at the release: the axis refits while the line is held, so the pointer's
            // 40 px down need not mean a lower price; what counts is that it moved, to a price on the tick
            assertThat(to).isNotEqualTo(placed.request().limitPrice());
            assertThat(to).as("on the 0.01 tick").isEqualTo(DisplayFormat.UTC.roundToTick(to));
            assertThat(Math.abs(to * 100 - Math.rint(to * 100))).isLessThan(1e-6);
            assertThat(brokerOrder(placed.clientOrderId()).reason()).contains("replaced by " + moved.clientOrderId());
            DeskHarness.shot(stage, "trading-detail-drag-running");

            // the order goes away while its line is held: the line stays until the release, then the move is refused.
            // The replay is paused for this part (it is about the cancel, not the redraws): running, the market can
            // reach the moved order between the release and the next press (it failed CI once that way); if it
            // already did, a fresh order far below the market stands in for it
            feed.pause();
            Order target = working().stream().filter(o -> o.clientOrderId().equals(moved.clientOrderId())).findFirst()
                    .orElse(null);
            Order held = target != null ? target : placeLimitBuy(round2(lastClose() * 0.97), "0.1", "", "");
            var again = pressLine(held.clientOrderId());
            assertThat(again).as("paused, the held order stays working").isNotNull();
            again.moveBy(0, 15);
            dock().service().cancel(held.clientOrderId());
            waitUntil(10, () -> working().isEmpty());
            assertThat(DeskHarness.fx(() -> dock().lines().dragged())).isNotNull();
            again.moveBy(0, 15).release(MouseButton.PRIMARY);
            waitUntil(10, () -> text("#ticket-message").equals("move " + held.clientOrderId() + " refused: order "
                    + held.clientOrderId() + " is CANCELED"));
            waitUntil(5, () -> lines().stream().noneMatch(l -> l.kind() == OrderLine.Kind.ENTRY));
            break;
        }
    }

    /**
     * Presses the mouse on {@code id}'s line and holds it. With the replay running the axis refits between the aim and
     * the press (on a loaded machine by more than the aim window), so a press that did not catch the line is released
     * and aimed again, as a person would; the drag itself must then survive whatever the chart does. Returns null if
     * the order left the book before its line was caught (the running market filled it: a loaded CI run took long
     * enough between the placing and the presses for that); the caller decides whether that may happen.
     */
    static FxRobotInterface pressLine(String id) throws TimeoutException {
        for (int attempt = 1; ; attempt++) {
            waitUntil(20, () -> hasEntryLine(id) || working().stream().noneMatch(o -> o.clientOrderId().equals(id)));
            if (!hasEntryLine(id)) {
                return null;
            }
            Point2D from = TradingFlowsTest.linePoint(stage, id, OrderLine.Kind.ENTRY);
            FxRobotInterface drag = robot.drag(from, MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents(); // the press handled before it is judged
            OrderLine[] held = new OrderLine[1];
            robot.interact(() -> held[0] = dock().lines().dragged());
            if (held[0] != null && id.equals(held[0].clientOrderId())) {
                return drag;
            }
            drag.release(MouseButton.PRIMARY);
            if (attempt == 5) {
                throw new AssertionError("five presses on the line of " + id + " never caught it");
            }
        }
    }

    static boolean hasEntryLine(String id) {
        return lines().stream().anyMatch(l -> l.kind() == OrderLine.Kind.ENTRY && id.equals(l.clientOrderId()));
    }

    /** Whether {@code id} is on screen: it and every parent visible (the buttons' row is what one-click hides). */
    static boolean shown(String id) {
        boolean[] v = new boolean[1];
        robot.interact(() -> {
            Node n = robot.lookup(id).query();
            boolean all = n.getScene() != null;
            for (Node x = n; x != null && all; x = x.getParent()) {
                all = x.isVisible();
            }
            v[0] = all;
        });
        return v[0];
    }

    /** Clicks Send and waits for the LIVE order confirmation (the click is retried if Monocle loses it). */
    static DialogPane openConfirmation() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            DeskHarness.click(robot, "#ticket-submit");
            try {
                waitUntil(5, () -> DeskHarness.fx(() -> robot.lookup("#live-order-confirm").tryQuery().isPresent()));
                return DeskHarness.fx(() -> robot.lookup("#live-order-confirm").queryAs(DialogPane.class));
            } catch (TimeoutException e) {
                // lost click: try again
            }
        }
        throw new AssertionError("no LIVE order confirmation after Send");
    }

    /** Clicks {@code button} of the confirmation; a click lost in the popup is retried. */
    static void answer(DialogPane pane, ButtonType button) throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            Button b = DeskHarness.fx(() -> (Button) pane.lookupButton(button));
            robot.clickOn(b);
            try {
                waitUntil(3, () -> DeskHarness.fx(() -> robot.lookup("#live-order-confirm").tryQuery().isEmpty()));
                return;
            } catch (TimeoutException e) {
                // lost click: try again
            }
        }
        throw new AssertionError("the confirmation did not take " + button.getText());
    }

    static void closeConfirmations() {
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w.getScene() != null && w.getScene().getRoot() != null && w.getScene().getRoot().lookup("#live-order-confirm") != null
                        && w instanceof Stage s) {
                    s.close();
                }
            }
        });
    }
}
