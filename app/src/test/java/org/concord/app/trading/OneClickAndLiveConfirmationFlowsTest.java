package org.concord.app.trading;

import javafx.application.Application;
import javafx.event.ActionEvent;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.concord.app.ConcordApp;
import org.concord.app.DeskHarness;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.waitUntil;
import static org.concord.app.trading.TradingFlowsTest.brokerOrder;
import static org.concord.app.trading.TradingFlowsTest.choose;
import static org.concord.app.trading.TradingFlowsTest.dock;
import static org.concord.app.trading.TradingFlowsTest.text;
import static org.concord.app.trading.TradingFlowsTest.type;
import static org.concord.app.trading.TradingFlowsTest.window;

/**
 * How the ticket sends orders, on the real window (Monocle headless), the bundled replay and the pipeline's own
 * broker, beside {@link TradingFlowsTest}: one-click BUY MKT / SELL MKT (opt-in, sent without a question), and the
 * confirmation every ticket order asks for in LIVE mode (cancel: nothing reaches the broker nor the exchange; confirm:
 * the order reaches the venue broker), the bot switched to Live on the venue after a confirmation (and OFF again when
 * the venue goes). Reuses {@link TradingFlowsTest}'s helpers (they read the running app, not that class's state).
 * Writes target/screenshots/trading-detail-one-click.png and -live-confirmed.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneClickAndLiveConfirmationFlowsTest {
    static Path dataDir;
    static Stage stage;
    static Application app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        // the minimal preset: no module trades, so every order in the blotter is this test's
        DeskHarness.Launched desk = DeskHarness.launch("concord-one-click-live", "minimal");
        dataDir = desk.dataDir();
        stage = desk.stage();
        app = desk.app();
        TradingFlowsTest.showLiveDesk();
    }

    @AfterAll
    static void close() throws Exception {
        closeConfirmations();
        DeskHarness.close(app, dataDir);
    }

    static List<Order> brokerOrders() {
        return TradingFlowsTest.onDesk(b -> List.copyOf(b.orders()));
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void oneClickTradingShowsMarketButtonsThatSendAtOnce() throws Exception {
        TradingFlowsTest.pauseReplay(); // the market buy rests unfilled until the replay plays, below
        assertThat((Object) TradingFlowsTest.onDesk(b -> b)).isInstanceOf(PaperBroker.class);
        assertThat(shown("#ticket-quick-buy")).isFalse();
        assertThat(shown("#ticket-quick-sell")).isFalse();
        DeskHarness.click(robot, "#ticket-one-click");
        waitUntil(() -> shown("#ticket-quick-buy") && shown("#ticket-quick-sell"));
        type("#ticket-amount", "0.3");
        int ordersBefore = brokerOrders().size();

        // BUY MKT (replay paused): a manual market buy of the ticket's size is in the broker, no question asked
        DeskHarness.click(robot, "#ticket-quick-buy");
        waitUntil(() -> brokerOrders().size() == ordersBefore + 1);
        Order buy = brokerOrders().get(ordersBefore);
        assertThat(buy.type()).isEqualTo(OrderType.MARKET);
        assertThat(buy.side()).isEqualTo(OrderSide.BUY);
        assertThat(buy.quantity()).isEqualTo(0.3);
        assertThat(buy.symbol()).isEqualTo(BundledData.BTCUSD);
        assertThat(buy.request().origin()).isEqualTo(OrderOrigin.MANUAL);
        assertThat(DeskHarness.fx(() -> robot.lookup("#live-order-confirm").tryQuery())).isEmpty();
        // it fills on the next bar
        ConcordApp.current().session().feed().play();
        waitUntil(() -> brokerOrder(buy.clientOrderId()).state() == OrderState.FILLED);
        waitUntil(() -> Math.abs(TradingFlowsTest.onDesk(b -> b.position(BundledData.BTCUSD)).quantity() - 0.3) < 1e-9);

        // SELL MKT closes it
        DeskHarness.click(robot, "#ticket-quick-sell");
        waitUntil(() -> brokerOrders().size() == ordersBefore + 2);
        Order sell = brokerOrders().get(ordersBefore + 1);
        assertThat(sell.type()).isEqualTo(OrderType.MARKET);
        assertThat(sell.side()).isEqualTo(OrderSide.SELL);
        assertThat(sell.quantity()).isEqualTo(0.3);
        waitUntil(() -> brokerOrder(sell.clientOrderId()).state() == OrderState.FILLED);
        waitUntil(() -> TradingFlowsTest.onDesk(b -> b.position(BundledData.BTCUSD)).isFlat());
        ConcordApp.current().session().feed().pause();
        DeskHarness.shot(stage, "trading-detail-one-click");

        // unticked, the buttons go away
        DeskHarness.click(robot, "#ticket-one-click");
        waitUntil(() -> !shown("#ticket-quick-buy") && !shown("#ticket-quick-sell"));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void inLiveModeEachTicketOrderAsksForConfirmationCancelSendsNothingConfirmSends() throws Exception {
        LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(200);
        try {
            LoopbackSpotAccount account = new LoopbackSpotAccount(ex, TradingFlowsTest.API_KEY, TradingFlowsTest.API_SECRET);
            account.deposit("USDT", 10_000);
            robot.interact(() -> window().run("trading:live"));
            waitUntil(() -> DeskHarness.fx(() -> robot.lookup("#live-dialog").tryQuery().isPresent()));
            choose("#live-env", "custom");
            type("#live-rest", ex.restUrl().toString());
            type("#live-ws", ex.wsUrl().toString());
            type("#live-symbols", "BTCUSDT");
            DeskHarness.click(robot, "#live-api-key").write(TradingFlowsTest.API_KEY);
            DeskHarness.click(robot, "#live-api-secret").write(TradingFlowsTest.API_SECRET);
            DeskHarness.click(robot, "#live-confirm");
            DeskHarness.click(robot, "#live-connect");
            waitUntil(() -> text("#trading-mode").startsWith("LIVE"));
            TradingFlowsTest.closeLiveDialog();
            assertThat((Object) TradingFlowsTest.onDesk(b -> b)).isInstanceOf(BinanceSpotBroker.class);
            waitUntil(() -> text("#ticket-submit").endsWith("(LIVE)"));

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
            waitUntil(() -> text("#ticket-message").equals("not sent"));
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
            waitUntil(() -> text("#ticket-message").startsWith("submit ") && text("#ticket-message").contains(": NEW"));
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
            waitUntil(() -> shown("#ticket-quick-buy"));
            DeskHarness.click(robot, "#ticket-quick-buy");
            waitUntil(() -> text("#ticket-message").startsWith("submit ") && !text("#ticket-message").contains("REJECTED"));
            assertThat(DeskHarness.fx(() -> robot.lookup("#live-order-confirm").tryQuery())).isEmpty();
            List<Order> afterQuick = TradingFlowsTest.onDesk(b -> List.copyOf(b.orders()));
            assertThat(afterQuick).hasSize(2);
            assertThat(afterQuick.get(1).type()).isEqualTo(OrderType.MARKET);
            assertThat(afterQuick.get(1).side()).isEqualTo(OrderSide.BUY);
            assertThat(afterQuick.get(1).quantity()).isEqualTo(0.05);
            assertThat(account.newOrderRequests()).hasSize(2);
            String quickId = afterQuick.get(1).clientOrderId();
            waitUntil(() -> TradingFlowsTest.onDesk(b -> b.order(quickId).orElseThrow().state()) == OrderState.FILLED);
            double filledAt = TradingFlowsTest.onDesk(b -> b.order(quickId).orElseThrow().averagePrice());
            assertThat(filledAt)
                    .as("filled at the venue's price, not the replay's").isEqualTo(ex.lastPrice(LoopbackBinance.BTCUSDT));
            DeskHarness.click(robot, "#ticket-one-click");

            // the bot switched to Live on the connected venue: confirmed first, then the pipeline's bot trades it
            DeskHarness.click(robot, "#bot-live");
            waitUntil(() -> DeskHarness.fx(() -> robot.lookup("#bot-live-confirm").tryQuery().isPresent()));
            DialogPane botConfirm = DeskHarness.fx(() -> robot.lookup("#bot-live-confirm").queryAs(DialogPane.class));
            String[] botWords = new String[1];
            robot.interact(() -> botWords[0] = botConfirm.getHeaderText());
            assertThat(botWords[0]).contains("LIVE").contains("binance-custom");
            robot.clickOn(DeskHarness.fx(() -> (Button) botConfirm.lookupButton(ButtonType.OK)));
            waitUntil(() -> TradingFlowsTest.desk().botMode() == BotMode.LIVE);
            assertThat((Object) TradingFlowsTest.desk().bot().broker()).isInstanceOf(BinanceSpotBroker.class);
            waitUntil(() -> text("#bot-mode").equals("BOT LIVE"));
            assertThat(text("#ticket-message")).isEqualTo("bot LIVE: the orchestrator trades the venue account");

            DeskHarness.click(robot, "#trading-back-to-paper");
            waitUntil(() -> text("#trading-mode").equals("PAPER"));
            assertThat((Object) TradingFlowsTest.onDesk(b -> b)).isInstanceOf(PaperBroker.class);
            // without the venue the bot cannot stay LIVE: it is switched OFF, and so it stays after a restart
            waitUntil(() -> TradingFlowsTest.desk().botMode() == BotMode.OFF);
            waitUntil(() -> text("#bot-mode").equals("BOT OFF"));
            assertThat(BotModeStore.inDataDir(dataDir).load()).isEqualTo(BotMode.OFF);
        } finally {
            closeConfirmations();
            ex.close();
        }
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

    /** Clicks Send and waits for the LIVE order confirmation (a lost click is retried, a slow one is not: {@link #fire}). */
    static DialogPane openConfirmation() throws Exception {
        Button send = DeskHarness.fx(() -> robot.lookup("#ticket-submit").queryAs(Button.class));
        fire(send, OneClickAndLiveConfirmationFlowsTest::confirmationShown, "Send");
        return DeskHarness.fx(() -> robot.lookup("#live-order-confirm").queryAs(DialogPane.class));
    }

    /** Clicks {@code button} of the confirmation and waits for it to close (a lost click is retried: {@link #fire}). */
    static void answer(DialogPane pane, ButtonType button) throws Exception {
        Button b = DeskHarness.fx(() -> (Button) pane.lookupButton(button));
        fire(b, () -> !confirmationShown(), "the confirmation's " + button.getText());
    }

    static boolean confirmationShown() {
        return DeskHarness.fx(() -> robot.lookup("#live-order-confirm").tryQuery().isPresent());
    }

    /**
     * Clicks {@code button} until it fires, at most 3 times, then waits for {@code done}. A click Monocle lost (the
     * button did not fire within the short deadline) is retried; one that fired, however slowly, is never repeated: a
     * second Send would ask, and send, twice, and a second OK would land on the desk behind the closed confirmation.
     */
    static void fire(Button button, BooleanSupplier done, String what) throws Exception {
        AtomicInteger fired = new AtomicInteger();
        EventHandler<ActionEvent> count = e -> fired.incrementAndGet(); // runs before the button's onAction
        robot.interact(() -> button.addEventHandler(ActionEvent.ACTION, count));
        try {
            for (int attempt = 0; attempt < 3 && fired.get() == 0 && !done.getAsBoolean(); attempt++) {
                robot.clickOn(button);
                try {
                    waitUntil(5, () -> fired.get() > 0 || done.getAsBoolean());
                } catch (TimeoutException e) {
                    // lost click: try again, unless it fired meanwhile (checked by the loop)
                }
            }
            if (fired.get() == 0 && !done.getAsBoolean()) {
                throw new AssertionError(what + " did not fire in 3 clicks");
            }
            waitUntil(done);
        } finally {
            robot.interact(() -> button.removeEventHandler(ActionEvent.ACTION, count));
        }
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
