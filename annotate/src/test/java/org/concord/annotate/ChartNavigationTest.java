package org.concord.annotate;

import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.concord.annotate.chart.CandlePane;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The panes on the real bundled data: loading, the shared cursor, keyboard and mouse navigation, history paging. */
class ChartNavigationTest extends WorkspaceTestBase {

    @Test
    void panesLoadTheNewestBarsAndShareTheCursor(FxRobot robot) {
        settle(robot);
        for (Timeframe tf : AnnotationContext.DEFAULT_PANES) {
            BarSeries b = bars(tf);
            assertThat(b.size()).as("%s bars loaded", tf).isPositive();
            BarSeries expected = Fixture.data.bars(Fixture.BTC, tf, Long.MIN_VALUE, Long.MAX_VALUE, 1, org.concord.store.Direction.LATEST);
            assertThat(b.lastTime()).as("%s newest bar", tf).isEqualTo(expected.lastTime());
            assertThat(fx(() -> ws.pane(tf).dataSet().getDataCount())).isEqualTo(b.size());
        }
        CandlePane m1 = ws.pane(Timeframe.M1);
        CandlePane h1 = ws.pane(Timeframe.H1);
        BarSeries m = bars(Timeframe.M1);
        int i = m.size() - 40;
        clickCandle(robot, m1, i, m.close(i));
        long t = m.time(i);
        assertThat(ws.cursor().cursor()).isEqualTo(t);
        // the same instant on the other panes: their cursor line sits on the candle containing it, inside their view
        for (Timeframe tf : new Timeframe[] {Timeframe.S1, Timeframe.H1, Timeframe.D1}) {
            CandlePane p = ws.pane(tf);
            assertThat(fx(() -> p.cursorIndicator().getValue())).isEqualTo(tf.floor(t) / 1000.0);
            assertThat(fx(() -> p.shows(tf.floor(t), 1.0))).as("%s shows the cursor", tf).isTrue();
        }
        // the 1s pane had to load the bars around that minute (it only held the newest 1,500 seconds)
        BarSeries s1 = bars(Timeframe.S1);
        assertThat(s1.time(0)).isLessThanOrEqualTo(t);
        assertThat(s1.lastTime()).isGreaterThanOrEqualTo(t);
        // hovering over the 1m pane draws a hover line on the others and an OHLC readout
        robot.moveTo(screen(m1, m.time(i - 5), m.close(i - 5)), org.testfx.robot.Motion.DIRECT);
        settle(robot);
        assertThat(fx(() -> h1.overlayLayer().drawnMarks())).isGreaterThanOrEqualTo(0);
        assertThat(ws.statusText()).isNotBlank();
    }

    @Test
    void keyboardStepsPagesZoomsAndGoesHomeAndEnd(FxRobot robot) {
        settle(robot);
        CandlePane m1 = ws.pane(Timeframe.M1);
        BarSeries m = bars(Timeframe.M1);
        clickCandle(robot, m1, m.size() - 20, m.close(m.size() - 20));
        key(robot, KeyCode.RIGHT);
        key(robot, KeyCode.RIGHT);
        key(robot, KeyCode.LEFT);
        assertThat(ws.cursor().cursor()).isEqualTo(m.time(m.size() - 19));
        double span = fx(m1::span);
        double min = fx(m1::viewMin);
        key(robot, KeyCode.SHIFT, KeyCode.LEFT);
        assertThat(fx(m1::viewMin)).isCloseTo(min - span, within(1.0));
        key(robot, KeyCode.PLUS);
        assertThat(fx(m1::span)).isCloseTo(span / 1.5, within(1.0));
        key(robot, KeyCode.MINUS);
        assertThat(fx(m1::span)).isCloseTo(span, within(1.0));
        key(robot, KeyCode.HOME);
        settle(robot);
        long oldest = Fixture.data.bars(Fixture.BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 1, org.concord.store.Direction.AFTER).time(0);
        assertThat(ws.cursor().cursor()).isEqualTo(oldest);
        assertThat(fx(() -> m1.bars().firstTime())).isEqualTo(oldest);
        // the bars were replaced by older ones: every pane still draws its candles across its view
        for (CandlePane p : ws.panes()) {
            candlesAcrossTheView(p, "after Home");
        }
        key(robot, KeyCode.END);
        settle(robot);
        assertThat(ws.cursor().cursor()).isEqualTo(m.lastTime());
        // End and a click on a candle: the 1m pane shows its candles, the readout real prices
        clickCandle(robot, m1, m.size() - 10, m.close(m.size() - 10));
        for (CandlePane p : ws.panes()) {
            candlesAcrossTheView(p, "after End and a click");
        }
        assertThat(fx(m1::readoutText)).matches("O \\d[\\d,]*\\.\\d{2}  H .*").doesNotContain("NaN");
        // jump to a date typed in the tool bar
        click(robot, "#jump-to").write("2013-11-28 14:00");
        robot.type(KeyCode.ENTER);
        settle(robot);
        long target = java.time.Instant.parse("2013-11-28T14:00:00Z").toEpochMilli();
        assertThat(ws.cursor().cursor()).isEqualTo(target);
        for (CandlePane p : ws.panes()) {
            assertThat(fx(() -> p.shows(p.timeframe().floor(target), 1.0))).as("%s shows the jump target", p.timeframe()).isTrue();
            candlesAcrossTheView(p, "after Jump to");
        }
    }

    @Test
    void wheelZoomsDragPansAndScrollingLeftPagesInHistory(FxRobot robot) {
        settle(robot);
        CandlePane m1 = ws.pane(Timeframe.M1);
        BarSeries m = bars(Timeframe.M1);
        double span = fx(m1::span);
        robot.moveTo(screen(m1, m.time(m.size() - 30), m.close(m.size() - 30)), org.testfx.robot.Motion.DIRECT);
        robot.scroll(3, javafx.geometry.VerticalDirection.UP);
        settle(robot);
        assertThat(fx(m1::span)).as("wheel zoom").isNotCloseTo(span, within(1.0));
        // annotate mode on: a drag still pans and creates no mark
        click(robot, "#annotate-mode");
        double min = fx(m1::viewMin);
        robot.moveTo(screen(m1, m.time(m.size() - 30), m.close(m.size() - 30)), org.testfx.robot.Motion.DIRECT);
        robot.drag(MouseButton.PRIMARY).moveBy(300, 0).drop();
        settle(robot);
        assertThat(fx(m1::viewMin)).as("dragged right shows older bars").isLessThan(min);
        assertThat(fx(() -> ws.tool().pendingProperty().get())).isNull();
        assertThat(fx(() -> ws.annotations().all().size())).isZero();
        // paging: keep paging left until older bars arrive from the provider, the FX thread never waiting for them
        long first = fx(() -> m1.bars().firstTime());
        int loaded = fx(() -> m1.bars().size());
        for (int k = 0; k < 20 && fx(() -> m1.bars().firstTime()) == first; k++) {
            key(robot, KeyCode.SHIFT, KeyCode.LEFT);
        }
        assertThat(fx(() -> m1.bars().firstTime())).isLessThan(first);
        assertThat(fx(() -> m1.bars().size())).isGreaterThan(loaded);
        BarSeries now = bars(Timeframe.M1);
        BarSeries expected = Fixture.data.bars(Fixture.BTC, Timeframe.M1, now.time(0), now.lastTime(), 100_000, org.concord.store.Direction.LATEST);
        assertThat(now.size()).isEqualTo(expected.size());
        for (int k = 0; k < now.size(); k += 97) {
            assertThat(now.time(k)).isEqualTo(expected.time(k));
            assertThat(now.close(k)).isEqualTo(expected.close(k));
        }
    }
}
