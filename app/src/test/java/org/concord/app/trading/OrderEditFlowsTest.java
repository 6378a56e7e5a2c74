package org.concord.app.trading;

import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.concord.app.ConcordApp;
import org.concord.app.DeskHarness;
import org.concord.chart.DisplayFormat;
import org.concord.execution.Order;
import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;
import static org.concord.app.DeskHarness.waitUntil;
import static org.concord.app.trading.TradingFlowsTest.brokerOrder;
import static org.concord.app.trading.TradingFlowsTest.choose;
import static org.concord.app.trading.TradingFlowsTest.dock;
import static org.concord.app.trading.TradingFlowsTest.lines;
import static org.concord.app.trading.TradingFlowsTest.text;
import static org.concord.app.trading.TradingFlowsTest.type;
import static org.concord.app.trading.TradingFlowsTest.window;
import static org.concord.app.trading.TradingFlowsTest.working;

/**
 * Working orders changed on the desk, on the real window (Monocle headless), the bundled replay and the pipeline's
 * own broker, beside {@link TradingFlowsTest}: a working order's quantity and price edited inline in the blotter (each
 * a replace), its stop-loss and take-profit lines dragged on the chart (cancel + resend with the moved exit), and an
 * order line dragged while the replay runs. Reuses {@link TradingFlowsTest}'s helpers (they read the running app, not
 * that class's state).
 * Writes target/screenshots/trading-detail-edit.png, -exits.png and -drag-running.png.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrderEditFlowsTest {
    static Path dataDir;
    static Stage stage;
    static Application app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void launch() throws Exception {
        // the minimal preset: no module trades, so every order in the blotter is this test's
        DeskHarness.Launched desk = DeskHarness.launch("concord-order-edit", "minimal");
        dataDir = desk.dataDir();
        stage = desk.stage();
        app = desk.app();
        TradingFlowsTest.showLiveDesk();
    }

    @AfterAll
    static void close() throws Exception {
        DeskHarness.close(app, dataDir);
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
        waitUntil(() -> (placed[0] = working().stream().filter(o -> !before.contains(o.clientOrderId())).findFirst().orElse(null)) != null);
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
        waitUntil(() -> working().size() == workingCount && working().stream().noneMatch(o -> o.clientOrderId().equals(oldId)));
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
        // a retry only while no editor is open: a slow gesture's editor is used, not double-clicked into
        for (int attempt = 0; attempt < 3 && (attempt == 0 || editor().isEmpty()); attempt++) {
            robot.doubleClickOn(cellCentre(clientOrderId, column), MouseButton.PRIMARY);
            try {
                waitUntil(3, () -> editor().isPresent());
            } catch (TimeoutException e) {
                // lost gesture: try again
            }
        }
        TextField f = editor().orElseThrow(() -> new AssertionError("the " + column + " cell of " + clientOrderId + " never opened its editor"));
        robot.interact(f::selectAll);
        robot.write(value);
        robot.type(KeyCode.ENTER);
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
        waitUntil(() -> text("#ticket-message").contains(q.clientOrderId()));
        assertThat(text("#ticket-message")).startsWith("replace");

        // price → 1 % lower: replaced again, quantity kept, the chart's entry line at the new price
        double lower = round2(price * 0.99);
        editCell(q.clientOrderId(), "price", String.valueOf(lower));
        Order p = replacementOf(q.clientOrderId(), 1);
        assertThat(p.request().limitPrice()).isEqualTo(lower);
        assertThat(p.quantity()).isEqualTo(0.2);
        assertThat(brokerOrder(q.clientOrderId()).state()).isEqualTo(OrderState.CANCELED);
        waitUntil(() -> lines().stream().anyMatch(l -> l.kind() == OrderLine.Kind.ENTRY && l.clientOrderId().equals(p.clientOrderId())
                && l.price() == lower));
        // 11 % below the market, far outside the bars' range: the order's line is drawn at the plot's bottom edge, its
        // label pointing down to its price (the line had vanished on the real display, and with it the way to drag the
        // order), and the price axis does not stretch to it (it squashed the candles)
        waitUntil(() -> fx(() -> robot.lookup(".label").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.isVisible() && l.getText() != null && l.getText().startsWith("▼ BUY LIMIT")
                        && l.getText().endsWith(p.clientOrderId()))));
        assertThat(fx(() -> window().chart().priceAxis().getMin())).as("the price axis above the far order").isGreaterThan(lower);

        // a quantity that is not a positive number is refused in the answer line; nothing is replaced
        editCell(p.clientOrderId(), "quantity", "0");
        waitUntil(() -> text("#ticket-message").equals("replace " + p.clientOrderId() + " refused: quantity and price must be positive numbers"));
        assertThat(working()).singleElement().satisfies(o -> assertThat(o.clientOrderId()).isEqualTo(p.clientOrderId()));
        assertThat(brokerOrder(p.clientOrderId()).state()).isEqualTo(OrderState.NEW);
        // text that is not a number is refused the same way, the editor closes and the blotter keeps refreshing
        robot.interact(() -> robot.lookup("#ticket-message").queryAs(Label.class).setText(""));
        editCell(p.clientOrderId(), "price", "abc");
        waitUntil(() -> text("#ticket-message").equals("replace " + p.clientOrderId() + " refused: quantity and price must be positive numbers"));
        waitUntil(() -> editor().isEmpty());
        waitUntil(() -> {
            boolean[] editing = new boolean[1];
            robot.interact(() -> editing[0] = dock().blotter().workingTable().getEditingCell() != null);
            return !editing[0];
        });
        assertThat(working()).singleElement().satisfies(o -> assertThat(o.clientOrderId()).isEqualTo(p.clientOrderId()));
        assertThat(brokerOrder(p.clientOrderId()).request().limitPrice()).isEqualTo(lower);
        assertThat(brokerOrder(p.clientOrderId()).state()).isEqualTo(OrderState.NEW);
        DeskHarness.shot(stage, "trading-detail-edit");

        TradingFlowsTest.clickCancel(p.clientOrderId());
        waitUntil(() -> working().isEmpty());
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
        waitUntil(() -> lines().stream().filter(l -> placed.clientOrderId().equals(l.clientOrderId()) && l.draggable()).count() == 3);

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
        waitUntil(() -> text("#ticket-message").startsWith("move stop-loss") && text("#ticket-message").contains(s.clientOrderId()));
        waitUntil(() -> lines().stream().anyMatch(l -> l.kind() == OrderLine.Kind.STOP_LOSS && s.clientOrderId().equals(l.clientOrderId())
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
        waitUntil(() -> text("#ticket-message").startsWith("move take-profit") && text("#ticket-message").contains(t.clientOrderId()));
        waitUntil(() -> lines().stream().anyMatch(l -> l.kind() == OrderLine.Kind.TAKE_PROFIT && t.clientOrderId().equals(l.clientOrderId())
                && l.price() == t.request().takeProfit()));
        DeskHarness.shot(stage, "trading-detail-exits");

        TradingFlowsTest.clickCancel(t.clientOrderId());
        waitUntil(() -> working().isEmpty());
        waitUntil(() -> lines().isEmpty());
    }

    /**
     * Regression (issue 15, item 5): with the replay running, dragging an order line did nothing and said nothing —
     * the chart redraws every pulse and a new snapshot (a position's P&L) rebuilt the lines under the pointer; paused,
     * the new price was not on the tick grid (895.913…). Now the drag survives the redraws (bars and snapshots arrive
     * between the moves), the order is replaced at a price on the 0.01 tick, and a move the broker cannot make (the
     * order went away during the drag) is refused with the reason on the ticket's answer line.
     */
    @Test
    @org.junit.jupiter.api.Order(3)
    void anOrderLineDraggedWhileTheReplayRunsMovesTheOrderToAPriceOnTheTick() throws Exception {
        var feed = ConcordApp.current().session().feed();
        feed.setSpeed(60); // a bar a second: the chart refits while the pointer moves, the orders rest long enough
        feed.play();
        // a position whose P&L label changes with every mark: a new set of lines several times a second
        type("#ticket-amount", "0.1");
        robot.interact(() -> window().run("ticket:buy"));
        choose("#ticket-type", OrderType.MARKET);
        DeskHarness.click(robot, "#ticket-submit");
        waitUntil(() -> lines().stream().anyMatch(l -> l.kind() == OrderLine.Kind.POSITION));

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
            waitUntil(() -> DeskHarness.fx(() -> window().chart().barCount()) > bars + 1 && dock().service().latest().seq() > seq + 3);
            assertThat(DeskHarness.fx(() -> dock().lines().dragged())).as("the drag survives the redraws").isNotNull();
            drag.moveBy(0, 20).release(MouseButton.PRIMARY);
            waitUntil(() -> text("#ticket-message").startsWith("move "));
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
            waitUntil(() -> working().isEmpty());
            assertThat(DeskHarness.fx(() -> dock().lines().dragged())).isNotNull();
            again.moveBy(0, 15).release(MouseButton.PRIMARY);
            waitUntil(() -> text("#ticket-message").equals("move " + held.clientOrderId() + " refused: order "
                    + held.clientOrderId() + " is CANCELED"));
            waitUntil(() -> lines().stream().noneMatch(l -> l.kind() == OrderLine.Kind.ENTRY));
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
        for (int presses = 0; ; ) {
            waitUntil(() -> TradingFlowsTest.linePoint(stage, id, OrderLine.Kind.ENTRY) != null
                    || working().stream().noneMatch(o -> o.clientOrderId().equals(id)));
            // looked at again: with the replay running, the line can leave between the wait and the aim (a CI run aimed
            // at a line that was there a moment before and pressed at nothing)
            Point2D from = TradingFlowsTest.linePoint(stage, id, OrderLine.Kind.ENTRY);
            if (from == null) {
                if (working().stream().noneMatch(o -> o.clientOrderId().equals(id))) {
                    return null;
                }
                continue; // still working, its line out of sight for a redraw: wait for it again
            }
            FxRobotInterface drag = robot.drag(from, MouseButton.PRIMARY);
            WaitForAsyncUtils.waitForFxEvents(); // the press handled before it is judged
            OrderLine[] held = new OrderLine[1];
            robot.interact(() -> held[0] = dock().lines().dragged());
            if (held[0] != null && id.equals(held[0].clientOrderId())) {
                return drag;
            }
            drag.release(MouseButton.PRIMARY);
            if (++presses == 5) {
                throw new AssertionError("five presses on the line of " + id + " never caught it");
            }
        }
    }
}
