package org.concord.app.live;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.concord.app.DeskHarness;
import org.concord.app.trading.OrderLine;
import org.concord.app.trading.OrderLinesPlugin;
import org.concord.chart.ChartOverlay;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * Level labels (pivots, swing high/low) at the chart's left edge never cover each other. Seen on the desk at 1h:
 * "swing low" was written over "swing high" (two levels a few dollars apart), every label sitting at the same x
 * centred on its line. The chart is drawn with levels that close and every shown label's box is compared.
 */
class LiveChartLevelLabelsTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private LiveChartView view;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        view = ChartOnStage.show(700, 500);
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void levelLabelsCloseInPriceDoNotOverlapAndStayOnTheirLines() throws Exception {
        BarSeries h1 = RealBars.bitstamp(Timeframe.H1);
        double high = high(h1);
        double low = low(h1);
        double mid = (high + low) / 2;
        // as on the desk: swing high and low 3 apart, P and R1 one apart, S1 alone
        Map<String, Double> levels = Map.of("swing high", high - 20, "swing low", high - 23, "P", mid, "R1", mid + 1,
                "S1", low + 10);
        ChartOverlay o = new ChartOverlay(BTC, h1.time(h1.size() - 1), levels, List.of());
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.H1, h1, new long[0], new double[0], List.of(), true, o)));
        DeskHarness.pulses(3);
        DeskHarness.shot(fx(() -> (Stage) view.node().getScene().getWindow()), "live-chart-level-labels");

        List<Label> labels = fx(() -> view.node().lookupAll(".value-indicator-label").stream()
                .map(n -> (Label) n).filter(Label::isVisible).toList());
        assertThat(labels).as("every level's label is shown").hasSize(levels.size());
        List<String> problems = new ArrayList<>();
        List<Bounds> boxes = fx(() -> labels.stream().map(l -> l.localToScene(l.getBoundsInLocal())).toList());
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (boxes.get(i).intersects(boxes.get(j))) {
                    problems.add(labels.get(i).getText() + " " + boxes.get(i) + " covers " + labels.get(j).getText() + " " + boxes.get(j));
                }
            }
        }
        assertThat(problems).as("overlapping level labels").isEmpty();
        double plotLeft = fx(() -> {
            var canvas = view.node().getCanvas();
            return canvas.localToScene(canvas.getBoundsInLocal()).getMinX();
        });
        double plotWidth = fx(() -> view.node().getCanvas().getWidth());
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            Bounds b = boxes.get(i);
            double lineY = fx(() -> {
                double y = view.priceAxis().getDisplayPosition(levels.get(l.getText()));
                var canvas = view.node().getCanvas();
                return canvas.localToScene(0, y).getY();
            });
            assertThat(lineY).as("'%s' sits on its line", l.getText()).isBetween(b.getMinY(), b.getMaxY());
            assertThat(b.getMaxX() - plotLeft).as("'%s' stays in the left third, off the newest bars", l.getText())
                    .isLessThan(plotWidth / 3);
        }
    }

    /**
     * Seen on the desk: "S2" written over "BUY LIMIT 0.1 @ 934.94  man-3", both at the plot's left edge. Level labels
     * keep clear of the order lines' labels as they do of each other, and still sit on their lines.
     */
    @Test
    void levelLabelsKeepClearOfTheOrderLinesLabels() throws Exception {
        BarSeries h1 = RealBars.bitstamp(Timeframe.H1);
        double high = high(h1);
        double low = low(h1);
        double entry = low + (high - low) * 0.3;
        double position = low + (high - low) * 0.7;
        Map<String, Double> levels = Map.of("S2", entry, "P", position);
        OrderLinesPlugin lines = new OrderLinesPlugin(view.priceAxis());
        robot.interact(() -> {
            view.node().getPlugins().add(lines);
            view.setLabelObstacles(lines::labelBounds); // as TradingDock does
            lines.show(List.of(
                    new OrderLine(OrderLine.Kind.ENTRY, "man-3", entry, "BUY LIMIT 0.1 @ " + entry + "  man-3", true),
                    new OrderLine(OrderLine.Kind.POSITION, null, position, "position 0.2 @ " + position + "  P&L +35.56", false)));
        });
        ChartOverlay o = new ChartOverlay(BTC, h1.time(h1.size() - 1), levels, List.of());
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.H1, h1, new long[0], new double[0], List.of(), true, o)));
        DeskHarness.pulses(3);
        DeskHarness.shot(fx(() -> (Stage) view.node().getScene().getWindow()), "live-chart-level-and-order-labels");

        List<Label> levelLabels = fx(() -> view.node().lookupAll(".value-indicator-label").stream()
                .map(n -> (Label) n).filter(Label::isVisible).toList());
        assertThat(levelLabels).as("every level's label is shown").hasSize(levels.size());
        List<Label> orderLabels = fx(() -> view.node().lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.isVisible() && l.getText() != null
                        && (l.getText().startsWith("BUY LIMIT") || l.getText().startsWith("position")))
                .map(n -> (Label) n).toList());
        assertThat(orderLabels).as("both order lines' labels are shown").hasSize(2);
        List<String> problems = new ArrayList<>();
        for (Label level : levelLabels) {
            Bounds a = fx(() -> level.localToScene(level.getBoundsInLocal()));
            for (Label order : orderLabels) {
                Bounds b = fx(() -> order.localToScene(order.getBoundsInLocal()));
                if (a.intersects(b)) {
                    problems.add(level.getText() + " " + a + " covers " + order.getText() + " " + b);
                }
            }
            double lineY = fx(() -> {
                double y = view.priceAxis().getDisplayPosition(levels.get(level.getText()));
                return view.node().getCanvas().localToScene(0, y).getY();
            });
            assertThat(lineY).as("'%s' sits on its line", level.getText()).isBetween(a.getMinY(), a.getMaxY());
        }
        assertThat(problems).as("level labels over order-line labels").isEmpty();
    }

    /**
     * Seen on the real display after a switch from 1m to 15m: the "S1" label stayed an empty yellow box for seconds,
     * its line drawn through it. Every shown level label writes its name, right after a timeframe switch too.
     */
    @Test
    void everyShownLevelLabelWritesItsNameAfterATimeframeSwitch() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Timeframe tf : new Timeframe[] {Timeframe.M1, Timeframe.M15, Timeframe.H1, Timeframe.M1}) {
            BarSeries bars = RealBars.bitstamp(tf);
            double high = high(bars);
            double low = low(bars);
            Map<String, Double> levels = Map.of("P", (high + low) / 2, "S1", low + (high - low) * 0.2, "swing high", high - (high - low) * 0.1);
            ChartOverlay o = new ChartOverlay(BTC, bars.time(bars.size() - 1), levels, List.of());
            robot.interact(() -> view.apply(new LiveDelta(BTC, tf, bars, new long[0], new double[0], List.of(), true, o)));
            DeskHarness.pulses(3);
            List<Label> shown = fx(() -> view.node().lookupAll(".value-indicator-label").stream()
                    .map(n -> (Label) n).filter(Label::isVisible).toList());
            for (Label l : shown) {
                String written = fx(() -> l.lookupAll(".text").stream().filter(Text.class::isInstance)
                        .map(n -> ((Text) n).getText()).findFirst().orElse(""));
                Bounds box = fx(() -> l.localToScene(l.getBoundsInLocal()));
                double lineY = fx(() -> view.node().getCanvas().localToScene(0, view.priceAxis().getDisplayPosition(levels.get(l.getText()))).getY());
                if (lineY < box.getMinY() || lineY > box.getMaxY()) {
                    problems.add(tf.code() + ": '" + l.getText() + "' " + box + " off its line at y " + lineY);
                }
                if (!written.equals(l.getText())) {
                    problems.add(tf.code() + ": '" + l.getText() + "' written as '" + written + "'");
                }
            }
        }
        assertThat(problems).as("level labels not writing their names").isEmpty();
    }

    /** A seek back: the same symbol's history again, with no levels yet; the old timeline's go with it. */
    @Test
    void aHistoryWithoutLevelsTakesTheOldLevelsAway() throws Exception {
        BarSeries bars = RealBars.bitstamp(Timeframe.M1);
        ChartOverlay o = new ChartOverlay(BTC, bars.time(bars.size() - 1), Map.of("P", (high(bars) + low(bars)) / 2), List.of());
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, bars, new long[0], new double[0], List.of(), true, o)));
        DeskHarness.pulses(3);
        assertThat(fx(() -> view.node().lookupAll(".value-indicator-label").stream().filter(Node::isVisible).count())).isEqualTo(1);
        BarSeries earlier = bars.copyRange(0, bars.size() / 2);
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, earlier, new long[0], new double[0], List.of(), true, null)));
        DeskHarness.pulses(3);
        assertThat(fx(() -> view.node().lookupAll(".value-indicator-label").stream().filter(Node::isVisible).count())).isZero();
    }

    private static double high(BarSeries b) {
        double h = 0;
        for (int i = 0; i < b.size(); i++) {
            h = Math.max(h, b.high(i));
        }
        return h;
    }

    private static double low(BarSeries b) {
        double l = Double.MAX_VALUE;
        for (int i = 0; i < b.size(); i++) {
            l = Math.min(l, b.low(i));
        }
        return l;
    }
}
