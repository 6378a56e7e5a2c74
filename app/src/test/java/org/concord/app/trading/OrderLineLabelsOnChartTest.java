package org.concord.app.trading;

import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.concord.app.DeskHarness;
import org.concord.app.live.ChartOnStage;
import org.concord.app.live.LiveChartView;
import org.concord.app.live.LiveDelta;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.concord.app.DeskHarness.fx;

/**
 * Order lines' labels never cover each other, each stays beside its own line (in the lines' order), and the line
 * stays at its price. Seen on
 * the desk: limit orders at 880.00, 880.50, 881.00 and 882.00 wrote their labels over each other at the plot's left
 * edge until only two could be read.
 */
class OrderLineLabelsOnChartTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void ordersAFewDollarsApartWriteLabelsThatCanAllBeRead() throws Exception {
        OrderLinesPlugin[] lines = new OrderLinesPlugin[1];
        LiveChartView view = ChartOnStage.show(900, 600, v -> {
            lines[0] = new OrderLinesPlugin(v.priceAxis());
            v.node().getPlugins().add(lines[0]);
            v.setLabelObstacles(lines[0]::labelBounds);
        });
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 400);
        double low = Double.MAX_VALUE;
        for (int i = 0; i < m1.size(); i++) {
            low = Math.min(low, m1.low(i));
        }
        double base = Math.floor(low) + 2;
        double[] prices = {base, base + 0.5, base + 1, base + 2};
        List<OrderLine> orders = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            orders.add(new OrderLine(OrderLine.Kind.ENTRY, "man-" + (i + 1), prices[i],
                    "BUY LIMIT 0.1 @ " + Amounts.number(prices[i]) + "  man-" + (i + 1), true));
        }
        robot.interact(() -> {
            view.apply(new LiveDelta(Symbol.of("BTCUSD"), Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null));
            lines[0].show(orders);
        });
        DeskHarness.pulses(3);
        DeskHarness.shot(fx(() -> (Stage) view.node().getScene().getWindow()), "order-line-labels");

        List<Bounds> boxes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            String id = "man-" + (i + 1);
            double price = prices[i];
            Label label = fx(() -> view.node().lookupAll(".label").stream()
                    .filter(n -> n instanceof Label l && l.isVisible() && l.getText() != null && l.getText().endsWith(id))
                    .map(n -> (Label) n).findFirst().orElseThrow());
            Bounds box = fx(() -> label.localToScene(label.getBoundsInLocal()));
            double lineY = fx(() -> {
                Line line = (Line) view.node().lookup("#order-line-entry-" + id);
                return line.localToScene(line.getStartX(), line.getStartY()).getY();
            });
            double priceY = fx(() -> view.node().getCanvas().localToScene(0, view.priceAxis().getDisplayPosition(price)).getY());
            assertThat(lineY).as("%s's line at its price", id).isCloseTo(priceY, within(0.01));
            // four lines in a few pixels: the labels stack above and below them, each within two labels' height of its line
            if (lineY < box.getMinY() - 2 * box.getHeight() || lineY > box.getMaxY() + 2 * box.getHeight()) {
                problems.add(id + ": label " + box + " away from its line at y " + lineY);
            }
            if (!boxes.isEmpty() && box.getMinY() > boxes.get(boxes.size() - 1).getMinY()) {
                problems.add(id + ": label " + box + " below the label of the line under it");
            }
            for (int j = 0; j < boxes.size(); j++) {
                if (boxes.get(j).intersects(box)) {
                    problems.add(id + ": label " + box + " covers man-" + (j + 1) + "'s " + boxes.get(j));
                }
            }
            boxes.add(box);
        }
        assertThat(problems).as("order labels written over each other or away from their lines").isEmpty();
    }
}
