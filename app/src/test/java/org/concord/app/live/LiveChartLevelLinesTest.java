package org.concord.app.live;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Bounds;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
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

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * No level line is drawn through a label. Seen on the desk: "swing high", "R2" and "S2" struck through by dashed
 * level lines (their own, after the level had been off the price axis once, and their neighbours', each level being
 * a plugin drawn over the ones before it). The level lines are drawn in a colour nothing else on the chart has, the
 * chart is rendered, and no pixel of that colour may lie inside a shown label.
 */
class LiveChartLevelLinesTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    /** The test's level-line colour: pure blue, thick enough to have pure pixels. */
    private static final String LINES = "data:text/css;base64," + Base64.getEncoder().encodeToString(
            ".value-indicator-line { -fx-stroke: #0000ff; -fx-stroke-width: 3; }".getBytes(StandardCharsets.UTF_8));
    private LiveChartView view;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void show() throws Exception {
        view = ChartOnStage.show(700, 500, v -> v.node().getStylesheets().add(LINES));
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void levelLinesStopAtEveryLabelTheirOwnTheirNeighboursAndTheOrders() throws Exception {
        BarSeries h1 = RealBars.bitstamp(Timeframe.H1);
        double high = 0;
        double low = Double.MAX_VALUE;
        for (int i = 0; i < h1.size(); i++) {
            high = Math.max(high, h1.high(i));
            low = Math.min(low, h1.low(i));
        }
        double mid = (high + low) / 2;
        double step = (high - low) / 200; // about 2 px: labels (16 px tall) of neighbouring levels span several lines
        OrderLinesPlugin orders = new OrderLinesPlugin(view.priceAxis());
        double entry = Math.round((low + (high - low) * 0.2) * 100) / 100.0;
        robot.interact(() -> {
            view.node().getPlugins().add(orders);
            view.setLabelObstacles(orders::labelBounds);
            orders.show(List.of(new OrderLine(OrderLine.Kind.ENTRY, "man-1", entry, "BUY LIMIT 0.1 @ " + entry + "  man-1", true)));
        });
        // R2 first far above the bars (off the price axis), then back on it: ChartFX puts its label back under its line
        Map<String, Double> first = Map.of("P", mid, "S1", mid - step, "R1", mid + 2 * step, "swing high", mid + step,
                "R2", high * 3, "S2", entry + step);
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.H1, h1, new long[0], new double[0], List.of(), true,
                new ChartOverlay(BTC, h1.time(h1.size() - 1), first, List.of()))));
        DeskHarness.pulses(3);
        Map<String, Double> levels = Map.of("P", mid, "S1", mid - step, "R1", mid + 2 * step, "swing high", mid + step,
                "R2", mid - 2 * step, "S2", entry + step);
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.H1, h1, new long[0], new double[0], List.of(), false,
                new ChartOverlay(BTC, h1.time(h1.size() - 1), levels, List.of()))));
        DeskHarness.pulses(3);

        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = view.root().snapshot(null, null));
        BufferedImage b = SwingFXUtils.fromFXImage(img[0], null);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(b, "png", dir.resolve("live-chart-level-lines.png").toFile());

        List<Label> labels = new ArrayList<>(fx(() -> view.node().lookupAll(".value-indicator-label").stream()
                .map(n -> (Label) n).filter(Label::isVisible).toList()));
        assertThat(labels).as("every level's label is shown").hasSize(levels.size());
        labels.addAll(fx(() -> view.node().lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.isVisible() && l.getText() != null && l.getText().startsWith("BUY LIMIT"))
                .map(n -> (Label) n).toList()));
        assertThat(labels).as("the order line's label is shown too").hasSize(levels.size() + 1);
        int blue = 0;
        for (int x = 0; x < b.getWidth(); x++) {
            for (int y = 0; y < b.getHeight(); y++) {
                blue += isLine(b.getRGB(x, y)) ? 1 : 0;
            }
        }
        assertThat(blue).as("level-line pixels drawn at all").isGreaterThan(500);
        List<String> problems = new ArrayList<>();
        for (Label l : labels) {
            Bounds box = fx(() -> l.localToScene(l.getBoundsInLocal()));
            int crossed = 0;
            for (int x = (int) Math.ceil(box.getMinX()); x < (int) box.getMaxX(); x++) {
                for (int y = (int) Math.ceil(box.getMinY()); y < (int) box.getMaxY(); y++) {
                    crossed += isLine(b.getRGB(x, y)) ? 1 : 0;
                }
            }
            if (crossed > 0) {
                problems.add("'" + l.getText() + "': " + crossed + " level-line pixels inside " + box);
            }
        }
        assertThat(problems).as("labels with a level line drawn through them").isEmpty();
    }

    private static boolean isLine(int argb) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int bl = argb & 0xff;
        return bl > 200 && r < 40 && g < 40;
    }
}
