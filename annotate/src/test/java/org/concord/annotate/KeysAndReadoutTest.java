package org.concord.annotate;

import javafx.geometry.Point2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.concord.annotate.chart.CandlePane;
import org.concord.chart.DisplayFormat;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workspace as the shell holds it, under a feed bar: the shortcuts keep working after a click on the bar's
 * buttons (text fields keep their keys), and each pane's readout names the candle under the pointer, with its time,
 * or the newest candle once the pointer left the panes.
 */
class KeysAndReadoutTest extends WorkspaceTestBase {

    /** Puts the workspace under a bar with a Pause button and a text field, like the shell's feed bar. */
    private void underAFeedBar(FxRobot robot) {
        robot.interact(() -> {
            Scene scene = ws.node().getScene();
            Button pause = new Button("Pause");
            pause.setId("feed-pause");
            TextField symbol = new TextField();
            symbol.setId("feed-symbol");
            BorderPane shell = new BorderPane((Parent) ws.node());
            shell.setTop(new HBox(6, pause, symbol));
            scene.setRoot(shell);
        });
        settle(robot);
    }

    @Test
    void shortcutsWorkAfterAClickOnTheFeedBarsButtonButNotInItsTextField(FxRobot robot) {
        settle(robot);
        underAFeedBar(robot);
        click(robot, "#feed-pause");
        settle(robot);
        assertThat(fx(() -> robot.lookup("#feed-pause").query().isFocused())).as("the button took the focus, as a person's click gives it").isTrue();
        key(robot, KeyCode.A);
        assertThat(fx(() -> ws.tool().on())).as("annotate mode after Pause then A").isTrue();
        long before = fx(() -> ws.cursor().cursor());
        key(robot, KeyCode.LEFT);
        assertThat(fx(() -> ws.cursor().cursor())).as("the arrow steps the cursor, not the focus").isLessThan(before);
        assertThat(fx(() -> ws.annotations().all().size())).as("no mark was placed").isZero();
        // a text field outside the workspace keeps the letters
        click(robot, "#feed-symbol");
        robot.write("a");
        settle(robot);
        assertThat(fx(() -> ws.tool().on())).as("annotate mode untouched by typing").isTrue();
        assertThat(fx(() -> ((TextField) robot.lookup("#feed-symbol").query()).getText())).isEqualTo("a");
    }

    @Test
    void theReadoutNamesTheCandleUnderThePointerWithItsTimeAndElseTheNewest(FxRobot robot) {
        settle(robot);
        CandlePane h1 = ws.pane(Timeframe.H1);
        CandlePane m1 = ws.pane(Timeframe.M1);
        until(robot, "1h bars", () -> h1.bars().size() > 20, 30_000);
        // the cursor put on an older candle by a click: the readout does not stay on it once the pointer leaves
        BarSeries h = bars(Timeframe.H1);
        int i = h.size() - 12;
        clickCandle(robot, h1, i, h.close(i));
        assertThat(fx(() -> ws.cursor().cursor())).isEqualTo(h.time(i));
        DisplayFormat f = DisplayFormat.UTC;
        assertThat(fx(h1::readoutTimeText)).isEqualTo(f.axisTime(h.time(i), 3 * 86_400_000L));
        assertThat(fx(h1::readoutText)).startsWith("O " + f.price(h.open(i)) + "  H " + f.price(h.high(i)));
        robot.moveTo(ws.node().lookup("#status"), Motion.DIRECT);
        settle(robot);
        BarSeries now = bars(Timeframe.H1);
        int last = now.size() - 1;
        assertThat(fx(h1::readoutTimeText)).as("the newest candle's time once the pointer left").isEqualTo(f.axisTime(now.time(last), 3 * 86_400_000L));
        assertThat(fx(h1::readoutText)).startsWith("O " + f.price(now.open(last)) + "  H " + f.price(now.high(last)));
        // over another pane, each pane shows its candle holding the pointed candle's time
        BarSeries m = bars(Timeframe.M1);
        int k = fx(() -> m1.bars().nearestIndex((long) ((m1.viewMin() + m1.viewMax()) * 500)));
        Point2D at = screen(m1, m.time(k), m.close(k));
        robot.moveTo(at, Motion.DIRECT);
        settle(robot);
        assertThat(fx(m1::readoutTimeText)).isEqualTo(f.axisTime(m.time(k), 3 * 86_400_000L));
        assertThat(fx(m1::readoutText)).startsWith("O " + f.price(m.open(k)));
        long hour = Timeframe.H1.floor(m.time(k));
        assertThat(fx(h1::readoutTimeText)).isEqualTo(f.axisTime(hour, 3 * 86_400_000L));
    }
}
