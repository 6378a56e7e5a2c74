package org.concord.annotate;

import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import org.concord.annotate.chart.CandlePane;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.annotation.AnnotationMath;
import org.concord.annotation.AnnotationStore;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.store.SqliteDatabase;
import org.concord.store.FrameStore;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Marking, drawing, listing, persisting, editing and undoing annotations in the real workspace on real data. */
class AnnotatingTest extends WorkspaceTestBase {

    /** The one annotation in the model. */
    private Annotation only() {
        List<Annotation> all = fx(() -> List.copyOf(ws.annotations().all()));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private Node node(String id) {
        return robotLookup("#" + id);
    }

    private Node robotLookup(String query) {
        return fx(() -> ws.node().lookup(query));
    }

    /** Reads the annotation back through a second connection to the same SQLite file (what a restart would see). */
    private static Optional<Annotation> reopened(String id) {
        try (SqliteDatabase db = SqliteDatabase.open(Fixture.dir.resolve("concord.db"))) {
            return new AnnotationStore(db, new FrameStore(db)).get(id);
        }
    }

    @Test
    void keyboardMarksAreDrawnListedPersistedAndUndoable(FxRobot robot) {
        settle(robot);
        CandlePane m1 = ws.pane(Timeframe.M1);
        BarSeries m = bars(Timeframe.M1);
        int n = m.size();
        int i = n - 30;
        int j = n - 18;
        clickCandle(robot, m1, i, m.high(i)); // annotate mode is off: only the cursor moves
        assertThat(fx(() -> ws.tool().pendingProperty().get())).isNull();
        key(robot, KeyCode.A);
        key(robot, KeyCode.E); // the pointer rests on the candle's high: the magnet takes the high
        assertThat(node("pending-1m")).isNotNull();
        for (int k = 0; k < j - i; k++) {
            robot.type(KeyCode.RIGHT);
        }
        settle(robot);
        assertThat(ws.cursor().cursor()).isEqualTo(m.time(j));
        robot.moveTo("#annotation-list", org.testfx.robot.Motion.DIRECT); // no pointer over the pane: the exit takes the close
        key(robot, KeyCode.X);
        Annotation a = only();
        assertThat(a.symbol()).isEqualTo(Fixture.BTC);
        assertThat(a.timeframe()).isEqualTo(Timeframe.M1);
        assertThat(a.entryTime()).isEqualTo(m.time(i));
        assertThat(a.entryPrice()).isEqualTo(m.high(i));
        assertThat(a.exitTime()).isEqualTo(m.time(j));
        assertThat(a.exitPrice()).isEqualTo(m.close(j));
        assertThat(a.direction()).isEqualTo(AnnotationMath.inferDirection(m.high(i), m.close(j)));
        assertThat(a.pnlPct()).isEqualTo(AnnotationMath.pnlPct(a.direction(), a.entryPrice(), a.exitPrice()));
        assertThat(a.author()).isEqualTo("tester");
        assertThat(a.frame()).isNotNull();
        assertThat(a.frame().windowEnd()).isEqualTo(m.time(i));
        assertThat(a.frame().outcome().label()).isEqualTo(a.pnlPct() > 0 ? a.direction().action() : Action.HOLD);
        assertThat(node("pending-1m")).isNull();
        // drawn on every pane: markers at the candles, joined by a line with the P&L
        Node entry = node("entry-1m-" + a.id());
        Node exit = node("exit-1m-" + a.id());
        assertThat(entry).isNotNull();
        assertThat(exit).isNotNull();
        assertThat(node("line-1m-" + a.id())).isNotNull();
        assertThat(((Text) node("pnl-1m-" + a.id())).getText()).isEqualTo(String.format(java.util.Locale.ROOT, "%+.2f %%", a.pnlPct()));
        assertThat(fx(() -> exit.getBoundsInParent().getCenterX())).isCloseTo(fx(() -> m1.canvasX(a.exitTime())), org.assertj.core.data.Offset.offset(1.0));
        assertThat(node("entry-1h-" + a.id())).isNotNull();
        // listed, with counts
        assertThat(fx(() -> ws.list().shown())).extracting(Annotation::id).containsExactly(a.id());
        assertThat(fx(() -> ws.list().countsText())).startsWith("1 shown of 1");
        // and the samples it expands to by the stated rule (core's SampleExpansion), shown before training
        org.concord.training.samples.SampleExpansion.Counts samples = org.concord.training.samples.SampleExpansion.count(a,
                org.concord.training.samples.ExpansionRule.DEFAULT);
        assertThat(samples.entry()).isEqualTo(1);
        assertThat(samples.noTrade()).isEqualTo(30);
        assertThat(fx(() -> ws.list().countsText())).endsWith(" · samples " + samples.describe());
        assertThat(fx(() -> ws.list().sampleCell(a))).isEqualTo(Long.toString(samples.total()));
        // persisted: another connection to the file finds exactly what the workspace shows
        assertThat(reopened(a.id())).contains(a);

        key(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(fx(() -> ws.annotations().all())).isEmpty();
        assertThat(reopened(a.id())).isEmpty();
        assertThat(node("entry-1m-" + a.id())).isNull();
        key(robot, KeyCode.CONTROL, KeyCode.Y);
        Annotation back = only();
        assertThat(back.id()).isEqualTo(a.id());
        assertThat(back.entryPrice()).isEqualTo(a.entryPrice());
        assertThat(back.exitTime()).isEqualTo(a.exitTime());
        assertThat(back.createdAt()).isEqualTo(a.createdAt());
        assertThat(reopened(a.id())).isPresent();
        assertThat(node("entry-1m-" + a.id())).isNotNull();
    }

    /** Replaces a text field's content by typing (select all, then the characters). */
    private void typeInto(FxRobot robot, String query, String text) {
        click(robot, query);
        robot.push(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
    }

    @Test
    void doubleClickingAListedAnnotationJumpsEveryPaneToIt(FxRobot robot) {
        settle(robot);
        // an annotation far back in history, outside the bars the panes loaded at start
        BarSeries all = Fixture.data.bars(Fixture.BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 100_000, org.concord.store.Direction.LATEST);
        int i = 1_000;
        assertThat(all.time(i)).isLessThan(bars(Timeframe.M1).time(0));
        Annotation old = Fixture.service.save(Annotation.draft("old-1", Fixture.BTC, Timeframe.M1, all.time(i), all.close(i), all.time(i + 25),
                all.close(i + 25), AnnotationDirection.SHORT, Double.NaN, Double.NaN, List.of("history"), "far back", "tester", 1L));
        robot.interact(() -> ws.annotations().refresh());
        settle(robot);
        Node row = fx(() -> ws.list().table().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof Annotation a && a.id().equals("old-1"))
                .findFirst().orElseThrow());
        robot.doubleClickOn(row, MouseButton.PRIMARY);
        settle(robot);
        assertThat(ws.cursor().cursor()).isEqualTo(old.entryTime());
        assertThat(fx(() -> ws.annotations().selected().id())).isEqualTo("old-1");
        for (CandlePane p : ws.panes()) {
            assertThat(fx(() -> p.shows(p.timeframe().floor(old.entryTime()), 1.0))).as("%s shows the annotation", p.timeframe()).isTrue();
        }
        assertThat(node("entry-1m-old-1")).isNotNull();
        assertThat(node("exit-1m-old-1")).isNotNull();
        // the list filters by tag and by date
        robot.interact(() -> ws.list().setTagFilter("hist"));
        assertThat(fx(() -> ws.list().shown())).extracting(Annotation::id).containsExactly("old-1");
        robot.interact(() -> ws.list().setTagFilter("nothing-like-this"));
        assertThat(fx(() -> ws.list().shown())).isEmpty();
        robot.interact(() -> ws.list().setTagFilter(""));
        java.time.LocalDate day = java.time.Instant.ofEpochMilli(old.entryTime()).atZone(java.time.ZoneOffset.UTC).toLocalDate();
        robot.interact(() -> ws.list().setDateFilter(day.plusDays(1), null));
        assertThat(fx(() -> ws.list().shown())).isEmpty();
        robot.interact(() -> ws.list().setDateFilter(day, day));
        assertThat(fx(() -> ws.list().shown())).extracting(Annotation::id).containsExactly("old-1");
    }

    /** A candle whose low stands clear of its open and close (so a click on the low cannot snap elsewhere). */
    private static int clearLow(BarSeries m, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Math.min(m.open(i), m.close(i)) - m.low(i) > 2.0) {
                return i;
            }
        }
        throw new AssertionError("no candle with a clear low in " + from + ".." + to);
    }

    private static int clearHigh(BarSeries m, int from, int to) {
        for (int i = from; i < to; i++) {
            if (m.high(i) - Math.max(m.open(i), m.close(i)) > 2.0) {
                return i;
            }
        }
        throw new AssertionError("no candle with a clear high in " + from + ".." + to);
    }

    @Test
    void clicksMarkEntryAndExitAndDraggingTheExitMarkerMovesTheExit(FxRobot robot) {
        settle(robot);
        CandlePane m1 = ws.pane(Timeframe.M1);
        BarSeries m = bars(Timeframe.M1);
        int n = m.size();
        clickCandle(robot, m1, n - 50, m.close(n - 50)); // makes the 1m pane active
        click(robot, "#annotate-mode");
        int i = clearLow(m, n - 60, n - 40);
        int j = clearHigh(m, i + 5, n - 20);
        clickCandle(robot, m1, i, m.low(i));
        assertThat(node("pending-1m")).isNotNull();
        clickCandle(robot, m1, j, m.high(j));
        Annotation a = only();
        assertThat(a.entryTime()).isEqualTo(m.time(i));
        assertThat(a.entryPrice()).isEqualTo(m.low(i));
        assertThat(a.exitTime()).isEqualTo(m.time(j));
        assertThat(a.exitPrice()).isEqualTo(m.high(j));
        assertThat(a.direction()).isEqualTo(m.high(j) >= m.low(i) ? AnnotationDirection.LONG : AnnotationDirection.SHORT);

        // drag the exit marker to a later candle's high
        int k = clearHigh(m, j + 3, n - 2);
        Node exit = node("exit-1m-" + a.id());
        Point2D from = fx(() -> exit.localToScreen(exit.getBoundsInLocal().getCenterX(), exit.getBoundsInLocal().getCenterY()));
        robot.drag(from, MouseButton.PRIMARY).moveTo(screen(m1, m.time(k), m.high(k))).drop();
        settle(robot);
        Annotation moved = only();
        assertThat(moved.id()).isEqualTo(a.id());
        assertThat(moved.entryTime()).isEqualTo(a.entryTime());
        assertThat(moved.exitTime()).isEqualTo(m.time(k));
        assertThat(moved.exitPrice()).isEqualTo(m.high(k));
        assertThat(moved.updatedAt()).isGreaterThanOrEqualTo(a.updatedAt());
        assertThat(reopened(a.id()).orElseThrow().exitTime()).isEqualTo(m.time(k));
        assertThat(fx(() -> ws.annotations().selected().id())).isEqualTo(a.id());
        // the drag is one undoable edit
        key(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(only().exitTime()).isEqualTo(m.time(j));
        assertThat(only().exitPrice()).isEqualTo(m.high(j));
    }

    /**
     * E and X aim at the candle under the pointer when the pointer moved there last (on the real display a person
     * pointed at two candles, pressed E and X, and both went to the cursor candle: "the exit must be on a later
     * candle than the entry"); arrow keys after that move the cursor, which X then takes.
     */
    @Test
    void eAndXMarkTheCandlesUnderThePointer(FxRobot robot) {
        settle(robot);
        CandlePane m1 = ws.pane(Timeframe.M1);
        BarSeries m = bars(Timeframe.M1);
        int n = m.size();
        clickCandle(robot, m1, n - 50, m.close(n - 50)); // the 1m pane active, the cursor at n - 50
        key(robot, KeyCode.A);
        int i = n - 40;
        int j = n - 25;
        robot.moveTo(screen(m1, m.time(i), m.close(i)));
        settle(robot);
        key(robot, KeyCode.E);
        robot.moveTo(screen(m1, m.time(j), m.close(j)));
        settle(robot);
        key(robot, KeyCode.X);
        Annotation a = only();
        assertThat(a.entryTime()).as("entry at the pointer's candle, not the cursor's").isEqualTo(m.time(i));
        assertThat(a.exitTime()).as("exit at the pointer's candle").isEqualTo(m.time(j));
    }

    @Test
    void noTradeRegionsLevelsFromTheEditorAndDeletion(FxRobot robot) {
        settle(robot);
        CandlePane m1 = ws.pane(Timeframe.M1);
        BarSeries m = bars(Timeframe.M1);
        int n = m.size();
        clickCandle(robot, m1, n - 45, m.close(n - 45));
        robot.moveTo("#annotation-list", org.testfx.robot.Motion.DIRECT);
        key(robot, KeyCode.A);
        key(robot, KeyCode.N);
        key(robot, KeyCode.E);
        for (int k = 0; k < 8; k++) {
            robot.type(KeyCode.RIGHT);
        }
        key(robot, KeyCode.X);
        Annotation flat = only();
        assertThat(flat.direction()).isEqualTo(AnnotationDirection.NO_TRADE);
        assertThat(flat.pnlPct()).isZero();
        assertThat(flat.frame().outcome().label()).isEqualTo(Action.HOLD);
        assertThat(node("band-1m-" + flat.id())).isNotNull();

        // a long chosen explicitly, then stop-loss and take-profit typed into the side panel
        key(robot, KeyCode.N);
        robot.interact(() -> ws.tool().directionProperty().set(org.concord.annotate.tool.AnnotateTool.DirectionChoice.LONG));
        clickCandle(robot, m1, n - 30, m.close(n - 30));
        clickCandle(robot, m1, n - 20, m.close(n - 20));
        Annotation trade = fx(() -> ws.annotations().all().stream().filter(x -> x.direction() == AnnotationDirection.LONG).findFirst().orElseThrow());
        assertThat(fx(() -> ws.annotations().selected().id())).isEqualTo(trade.id());
        double entry = trade.entryPrice();
        double sl = Math.round((entry - 4) * 100) / 100.0;
        double tp = Math.round((entry + 10) * 100) / 100.0;
        typeInto(robot, "#edit-stop-loss", Double.toString(sl));
        typeInto(robot, "#edit-take-profit", Double.toString(tp));
        click(robot, "#edit-apply");
        settle(robot);
        Annotation levelled = fx(() -> ws.annotations().find(trade.id()).orElseThrow());
        assertThat(levelled.stopLoss()).isEqualTo(sl);
        assertThat(levelled.takeProfit()).isEqualTo(tp);
        assertThat(levelled.frame().barriers().upper()).isEqualTo(tp);
        assertThat(levelled.frame().barriers().lower()).isEqualTo(sl);
        assertThat(reopened(trade.id()).orElseThrow().stopLoss()).isEqualTo(sl);
        assertThat(((Text) node("rr-1m-" + trade.id())).getText())
                .isEqualTo(String.format(java.util.Locale.ROOT, "R:R %.2f", AnnotationMath.riskReward(AnnotationDirection.LONG, entry, sl, tp)));
        // a stop-loss above a long's entry is refused with core's message and nothing changes
        typeInto(robot, "#edit-stop-loss", Double.toString(entry + 50));
        click(robot, "#edit-apply");
        settle(robot);
        assertThat(fx(() -> ((javafx.scene.control.Label) node("edit-error")).getText())).contains("a long needs stop-loss < entry");
        assertThat(reopened(trade.id()).orElseThrow().stopLoss()).isEqualTo(sl);

        // Delete removes the selected annotation; undo brings it back
        click(robot, "#panes");
        robot.moveTo("#annotation-list", org.testfx.robot.Motion.DIRECT);
        key(robot, KeyCode.DELETE);
        assertThat(reopened(trade.id())).isEmpty();
        assertThat(fx(() -> ws.annotations().all())).extracting(Annotation::id).containsExactly(flat.id());
        key(robot, KeyCode.CONTROL, KeyCode.Z);
        assertThat(reopened(trade.id()).orElseThrow().stopLoss()).isEqualTo(sl);
    }
}
