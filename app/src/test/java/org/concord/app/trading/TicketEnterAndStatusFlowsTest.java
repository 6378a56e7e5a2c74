package org.concord.app.trading;

import javafx.application.Application;
import javafx.event.EventType;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.concord.app.ConcordApp;
import org.concord.app.DeskHarness;
import org.concord.execution.Order;
import org.concord.execution.OrderType;
import org.concord.app.live.WatchlistPresenter;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.click;
import static org.concord.app.DeskHarness.waitUntil;
import static org.concord.app.trading.TradingFlowsTest.choose;
import static org.concord.app.trading.TradingFlowsTest.fieldText;
import static org.concord.app.trading.TradingFlowsTest.onDesk;
import static org.concord.app.trading.TradingFlowsTest.pauseReplay;
import static org.concord.app.trading.TradingFlowsTest.plotPoint;
import static org.concord.app.trading.TradingFlowsTest.showLiveDesk;
import static org.concord.app.trading.TradingFlowsTest.text;
import static org.concord.app.trading.TradingFlowsTest.type;

/**
 * The ticket as a person on the desk used it: Enter in the quantity (or a limit's price) field sends one order as
 * Send does; the answer line follows the order to its fill; a message about one symbol is cleared when the chart shows
 * another; a field's error names the field's label. Each failed on the desk before the fix (Enter did nothing, the
 * line kept "submit man-2: NEW" after the fill, XRPUSD's rejection stayed on BTCUSD, "size is not a number").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TicketEnterAndStatusFlowsTest {
    static Path dataDir;
    static Stage stage;
    static Application app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        // the minimal preset: no module trades, so every order in the person's account is this test's
        DeskHarness.Launched desk = DeskHarness.launch("concord-ticket-enter", "minimal");
        dataDir = desk.dataDir();
        stage = desk.stage();
        app = desk.app();
    }

    @AfterAll
    static void close() throws Exception {
        DeskHarness.close(app, dataDir);
    }

    /** The answer line's and the ticket's scroll pane's bounds in the scene: the answer is in view when inside the pane's. */
    private static Bounds[] answerAndTicket() {
        return DeskHarness.fx(() -> {
            Node m = robot.lookup("#ticket-message").query();
            Node form = m.getParent();
            while (!(form instanceof ScrollPane)) {
                form = form.getParent();
            }
            return new Bounds[]{m.localToScene(m.getLayoutBounds()), form.localToScene(form.getLayoutBounds())};
        });
    }

    static List<Order> orders() {
        return onDesk(b -> List.copyOf(b.orders()));
    }

    /** Types into a field with the keyboard, as a person does, and presses Enter there. */
    static void typeAndEnter(String id, String value) {
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).clear());
        robot.clickOn(id);
        if (!value.isEmpty()) {
            robot.write(value);
        }
        robot.type(KeyCode.ENTER);
    }

    private static KeyEvent enter(EventType<KeyEvent> type) {
        return new KeyEvent(type, "", "", KeyCode.ENTER, false, false, false, false);
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void enterInTheQuantityOrPriceFieldSendsOneOrderAsSendDoes() throws Exception {
        showLiveDesk();
        pauseReplay(); // a paper order fills on a later market event only: paused, it stays NEW
        choose("#ticket-type", OrderType.MARKET);
        typeAndEnter("#ticket-amount", "0.1");
        waitUntil(() -> text("#ticket-message").startsWith("submit ") && text("#ticket-message").contains(": NEW"));
        DeskHarness.pulses(10); // a second order (the Send button fired too) would be in by now
        assertThat(orders()).as("one Enter, one order").hasSize(1);
        assertThat(orders().get(0).type()).isEqualTo(OrderType.MARKET);
        assertThat(orders().get(0).quantity()).isEqualTo(0.1);

        // a limit: Enter in the price field
        choose("#ticket-type", OrderType.LIMIT);
        type("#ticket-amount", "0.2");
        typeAndEnter("#ticket-price", "1.5");
        waitUntil(() -> orders().size() == 2);
        DeskHarness.pulses(10);
        assertThat(orders()).hasSize(2);
        assertThat(orders().get(1).type()).isEqualTo(OrderType.LIMIT);
        assertThat(orders().get(1).request().limitPrice()).isEqualTo(1.5);
        assertThat(orders().get(1).quantity()).isEqualTo(0.2);
        assertThat(text("#ticket-message")).contains(orders().get(1).clientOrderId()).contains(": NEW");

        // Enter held down: the key's auto-repeat presses are not more orders
        choose("#ticket-type", OrderType.MARKET);
        type("#ticket-amount", "0.3");
        robot.clickOn("#ticket-amount");
        // a held key: the window system sends KEY_PRESSED again and again, and one KEY_RELEASED at the end (TestFX's
        // robot presses a key once however often it is asked, so the events are fired as glass delivers them)
        TextField amount = robot.lookup("#ticket-amount").queryAs(TextField.class);
        robot.interact(() -> {
            for (int k = 0; k < 3; k++) {
                amount.fireEvent(enter(KeyEvent.KEY_PRESSED));
            }
            amount.fireEvent(enter(KeyEvent.KEY_RELEASED));
        });
        waitUntil(() -> orders().size() >= 3);
        DeskHarness.pulses(10);
        assertThat(orders()).as("one press held, one order").hasSize(3);
        typeAndEnter("#ticket-amount", "0.4"); // released: the next press sends again
        waitUntil(() -> orders().size() >= 4);
        assertThat(orders().get(3).quantity()).isEqualTo(0.4);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void theAnswerLineFollowsTheOrderToItsFill() throws Exception {
        pauseReplay();
        choose("#ticket-type", OrderType.MARKET);
        type("#ticket-amount", "0.1");
        click(robot, "#ticket-submit");
        waitUntil(() -> text("#ticket-message").startsWith("submit ") && text("#ticket-message").contains(": NEW"));
        String id = orders().get(orders().size() - 1).clientOrderId();
        assertThat(text("#ticket-message")).contains(id);
        ConcordApp.current().session().feed().play(); // the next market event fills it
        waitUntil(() -> text("#ticket-message").contains(id + ": FILLED"));
        Order filled = onDesk(b -> b.order(id).orElseThrow());
        assertThat(filled.filledQuantity()).isEqualTo(0.1);
        assertThat(text("#ticket-message")).isEqualTo("submit " + id + ": FILLED 0.1 @ " + Amounts.number(filled.averagePrice()));
        DeskHarness.shot(stage, "ticket-filled");

        // the watchlist's Pos is the person's own position (it showed the bot's: 0.0000 beside this fill), Bot the bot's
        double held = onDesk(b -> b.position(BundledData.BTCUSD).quantity());
        assertThat(held).isGreaterThan(0);
        waitUntil(() -> watchRow(BundledData.BTCUSD).position() == held);
        double bot = TradingFlowsTest.dock().service().latest().bot().positionQuantity(BundledData.BTCUSD);
        waitUntil(() -> watchRow(BundledData.BTCUSD).botPosition() == bot);
    }

    static WatchlistPresenter.Row watchRow(Symbol s) {
        return DeskHarness.fx(() -> robot.lookup("#watchlist").queryTableView().getItems().stream()
                .map(WatchlistPresenter.Row.class::cast).filter(r -> r.symbol().equals(s)).findFirst().orElseThrow());
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aMessageAboutOneSymbolIsClearedWhenTheChartShowsAnother() throws Exception {
        pauseReplay();
        robot.interact(() -> robot.lookup("#chart-symbol").queryAs(ComboBox.class).setValue("XRPUSD"));
        waitUntil(() -> text("#ticket-symbol").equals("Symbol XRPUSD"));
        choose("#ticket-type", OrderType.MARKET);
        type("#ticket-amount", "1");
        click(robot, "#ticket-submit");
        waitUntil(() -> text("#ticket-message").contains("XRPUSD") || text("#ticket-message").contains("REJECTED")
                || text("#ticket-message").contains("refused"));
        String rejected = text("#ticket-message");
        assertThat(rejected).as("an order for a symbol without market data").doesNotStartWith("sending");

        robot.interact(() -> robot.lookup("#chart-symbol").queryAs(ComboBox.class).setValue("BTCUSD"));
        waitUntil(() -> text("#ticket-symbol").equals("Symbol BTCUSD"));
        assertThat(text("#ticket-message")).as("XRPUSD's answer on BTCUSD's ticket").isEmpty();
        // a change of timeframe alone keeps the message: it is still about this symbol
        robot.interact(() -> robot.lookup("#ticket-message").queryAs(Label.class).setText("kept"));
        choose("#chart-timeframe", "5m");
        DeskHarness.pulses(5);
        assertThat(text("#ticket-message")).isEqualTo("kept");

        // prices are the instrument's: seen on the desk, an ETHUSD limit went out at 850, BTCUSD's price left in the field
        choose("#ticket-type", OrderType.LIMIT);
        type("#ticket-price", "850");
        type("#ticket-sl", "800");
        type("#ticket-tp", "900");
        choose("#chart-timeframe", "1m");
        assertThat(fieldText("#ticket-price") + " " + fieldText("#ticket-sl") + " " + fieldText("#ticket-tp"))
                .as("a timeframe change keeps them").isEqualTo("850 800 900");
        robot.interact(() -> robot.lookup("#chart-symbol").queryAs(ComboBox.class).setValue("ETHUSD"));
        waitUntil(() -> text("#ticket-symbol").equals("Symbol ETHUSD"));
        assertThat(fieldText("#ticket-sl") + fieldText("#ticket-tp")).as("BTCUSD's prices on ETHUSD's ticket").isEmpty();
        // the price is ETHUSD's own last price (2023's, over a thousand), or empty until the watchlist has one
        String ethPrice = fieldText("#ticket-price");
        assertThat(ethPrice.isEmpty() || Double.parseDouble(ethPrice) > 1_000).as("ETHUSD's price: " + ethPrice).isTrue();
        robot.interact(() -> robot.lookup("#chart-symbol").queryAs(ComboBox.class).setValue("BTCUSD"));
        waitUntil(() -> text("#ticket-symbol").equals("Symbol BTCUSD"));
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void aFieldsErrorNamesTheFieldsLabel() throws Exception {
        choose("#ticket-type", OrderType.LIMIT);
        type("#ticket-price", "100");
        typeAndEnter("#ticket-amount", "abc");
        waitUntil(() -> text("#ticket-message").equals("quantity is not a number: abc"));
        choose("#ticket-size-mode", "notional");
        typeAndEnter("#ticket-amount", "x");
        waitUntil(() -> text("#ticket-message").equals("notional is not a number: x"));
        choose("#ticket-size-mode", "quantity");
        type("#ticket-amount", "1");
        // in a 1280x800 window the answer is in view without scrolling the ticket (it was under the one-click options,
        // below the fold, and cut at the right of the narrower ticket)
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        try {
            typeAndEnter("#ticket-price", "");
            waitUntil(() -> text("#ticket-message").equals("price is required"));
            DeskHarness.pulses(2);
            Bounds[] seen = answerAndTicket();
            assertThat(seen[0].getMaxY()).as("the answer's bottom, above the ticket's fold").isLessThanOrEqualTo(seen[1].getMaxY());
            assertThat(seen[0].getMaxX()).as("the answer's right edge, inside the ticket").isLessThanOrEqualTo(seen[1].getMaxX());

            // a long answer (a spot sell of nothing held, REJECTED with the broker's reason): every line drawn, the
            // ticket scrolled to its end
            click(robot, "#ticket-sell");
            typeAndEnter("#ticket-price", "100000");
            waitUntil(() -> text("#ticket-message").contains("REJECTED"));
            DeskHarness.pulses(3);
            String[] drawn = DeskHarness.fx(() -> {
                Label m = robot.lookup("#ticket-message").queryAs(Label.class);
                return new String[]{m.getText(), ((Text) m.lookup(".text")).getText().replace("\n", " ")};
            });
            assertThat(drawn[0].length()).as("a long answer: " + drawn[0]).isGreaterThan(60);
            assertThat(drawn[1].replaceAll("\\s+", " ")).as("drawn in full").isEqualTo(drawn[0].replaceAll("\\s+", " "));
            seen = answerAndTicket();
            assertThat(seen[0].getMaxY()).as("the long answer's bottom, in view").isLessThanOrEqualTo(seen[1].getMaxY());
            click(robot, "#ticket-buy");
        } finally {
            robot.interact(() -> {
                stage.setWidth(1400);
                stage.setHeight(900);
            });
        }
    }

    /**
     * Seen on the desk: after the last order filled, a buy limit picked from the chart's right-click menu set the ticket
     * up for a new order while its line still said "submit man-N: FILLED …", the previous order's state, until the new
     * order was answered. From the pick on, the line names the new order only: cleared, "sending …", then its state.
     */
    @Test
    @org.junit.jupiter.api.Order(5)
    void anOrderFromTheChartMenuIsNeverShownWithThePreviousOrdersState() throws Exception {
        pauseReplay();
        choose("#ticket-type", OrderType.MARKET);
        type("#ticket-amount", "0.1");
        click(robot, "#ticket-submit");
        waitUntil(() -> text("#ticket-message").startsWith("submit ") && text("#ticket-message").contains(": NEW"));
        String previous = orders().get(orders().size() - 1).clientOrderId();
        ConcordApp.current().session().feed().play(); // the next market event fills it
        waitUntil(() -> text("#ticket-message").contains(previous + ": FILLED"));
        pauseReplay(); // the new limit stays NEW

        List<String> seen = new CopyOnWriteArrayList<>();
        Label message = robot.lookup("#ticket-message").queryAs(Label.class);
        robot.interact(() -> message.textProperty().addListener((o, a, b) -> seen.add(b)));
        type("#ticket-price", "");
        // as TradingFlowsTest: a popup's first click is sometimes lost under Monocle on a loaded machine
        for (int attempt = 0; attempt < 3 && fieldText("#ticket-price").isEmpty(); attempt++) {
            robot.clickOn(plotPoint(0.85), MouseButton.SECONDARY);
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS,
                    () -> DeskHarness.fx(() -> robot.lookup("#chart-buy-limit").tryQuery().isPresent()));
            DeskHarness.pulses(2);
            click(robot, "#chart-buy-limit");
            try {
                WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> !fieldText("#ticket-price").isEmpty());
            } catch (TimeoutException e) {
                robot.type(KeyCode.ESCAPE);
            }
        }
        assertThat(fieldText("#ticket-price")).as("the menu set the ticket up").isNotEmpty();
        assertThat(text("#ticket-message")).as("the ticket set up for a new order").doesNotContain(previous);

        typeAndEnter("#ticket-amount", "0.1");
        waitUntil(() -> !orders().get(orders().size() - 1).clientOrderId().equals(previous));
        String placed = orders().get(orders().size() - 1).clientOrderId();
        waitUntil(() -> text("#ticket-message").contains(placed + ": NEW"));
        assertThat(seen).as("every text of the line from the pick to the new order's state").noneMatch(t -> t.contains(previous));
    }

    /**
     * A long answer (a four-line refusal) leaves every control of the ticket where it was and in sight: it pushed the
     * one-click box below the visible part of the ticket, where it could not be seen or clicked (a new trader's trial).
     */
    @Test
    @org.junit.jupiter.api.Order(6)
    void aLongAnswerLeavesTheOneClickBoxWhereItWas() throws Exception {
        robot.interact(() -> stage.setHeight(768));
        DeskHarness.pulses(5);
        double before = DeskHarness.fx(() -> robot.lookup("#ticket-one-click").query().getBoundsInParent().getMinY());
        String refusal = "submit man-9: REJECTED — risk rule ASSET_EXPOSURE: order man-9 (MANUAL BUY 0.1 BTCUSD): ASSET_EXPOSURE would"
                + " reach 20.76% of equity, limit 10.00%; judged on both paper accounts together (yours and the bot's: one pool under"
                + " the limits) — tick Override risk to send it anyway (logged)";
        robot.interact(() -> ConcordApp.current().window().trading().service().results().offer(ActionResult.failed("submit", "man-9", refusal)));
        waitUntil(() -> text("#ticket-message").contains("one pool under the limits"));
        DeskHarness.pulses(5);
        Bounds[] answer = answerAndTicket();
        Bounds after = DeskHarness.fx(() -> {
            Node box = robot.lookup("#ticket-one-click").query();
            return box.localToScene(box.getLayoutBounds());
        });
        assertThat(answer[0].getHeight()).as("the answer runs over several lines").isGreaterThan(3 * 14);
        assertThat(DeskHarness.fx(() -> robot.lookup("#ticket-one-click").query().getBoundsInParent().getMinY()))
                .as("the one-click box where it was in the ticket").isEqualTo(before);
        assertThat(after.getMinY() >= answer[1].getMinY() && after.getMaxY() <= answer[1].getMaxY()).as("the one-click box in sight: " + after
                + " in " + answer[1]).isTrue();
        robot.interact(() -> stage.setHeight(900));
    }
}
