package org.concord.app.portfolio;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.Axis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.concord.annotate.DisplaySettings;
import org.concord.app.DeskHarness;
import org.concord.app.shell.CalendarSteps;
import org.concord.app.shell.CalendarTimeAxis;
import org.concord.app.shell.Themes;
import org.concord.chart.DisplayFormat;
import org.concord.coordination.Bucket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bot portfolio tab with the four buckets at 25 % each: as four lines they lay on one another and a person saw one
 * line, and the chart, shorter than JavaFX wants for a legend under it, showed none; its time axis read "11-26 12:46,
 * 15:33, 18:20" (steps of 2 h 47 min from the first point). Now each bucket is a band of its own height, named with its
 * share in a legend beside the chart, and both charts' ticks fall on whole calendar hours.
 */
class AllocationChartTest {
    private static final long T0 = 1_385_470_000_000L; // 2013-11-26 12:46:40 UTC
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // cleanupStages needs it also after the test that shows no stage
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static PortfolioModel equalSplit() {
        int n = 400;
        long[] t = new long[n];
        double[] equity = new double[n];
        Map<Bucket, double[]> alloc = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.all()) {
            alloc.put(b, new double[n]);
        }
        for (int i = 0; i < n; i++) {
            t[i] = T0 + i * 250_000L; // 27.7 hours
            equity[i] = 10_000;
            for (Bucket b : Bucket.all()) {
                alloc.get(b)[i] = 0.25;
            }
        }
        return new PortfolioModel(null, t, equity, t, alloc, List.of(), List.of(), new long[0], new double[0], null);
    }

    /** A portfolio view at the desk's size showing {@link #equalSplit()}; {@code view[0]} is set to it. */
    private Stage show(PortfolioView[] view) throws Exception {
        FxToolkit.registerPrimaryStage();
        Stage stage = FxToolkit.setupStage(s -> {
            Themes.apply("dark");
            view[0] = new PortfolioView(new DisplaySettings(DisplayFormat.UTC));
            // the tab's room in a window filling a 1280x800 screen: the charts are shorter than 200 px each
            Scene scene = new Scene((Parent) view[0].node(), 1280, 680);
            scene.getStylesheets().add(Themes.APP_CSS);
            s.setScene(scene);
            s.show();
        });
        robot.interact(() -> view[0].show(equalSplit()));
        DeskHarness.pulses(20);
        return stage;
    }

    @Test
    void fourBucketsAtAQuarterEachAreFourBandsNamedWithTheirShare() throws Exception {
        PortfolioView[] view = new PortfolioView[1];
        DeskHarness.shot(show(view), "portfolio-allocation-equal-split");

        XYChart<?, ?> alloc = robot.lookup("#allocation-chart").queryAs(XYChart.class);
        // each bucket drawn where the others are not: four different heights on the chart
        Set<Long> tops = DeskHarness.fx(() -> {
            Set<Long> out = new HashSet<>();
            for (XYChart.Series<?, ?> s : alloc.getData()) {
                if (Bucket.ofBook(s.getName().split(" ")[0]) != null) {
                    out.add(Math.round(s.getNode().getBoundsInParent().getMinY()));
                }
            }
            return out;
        });
        assertThat(tops).as("the top edge of each bucket's drawing").hasSize(4);
        for (Bucket b : Bucket.all()) {
            assertThat(DeskHarness.fx(() -> view[0].allocation().name(b))).isEqualTo(b.book() + " 25 %");
        }
        // the names are on screen: a legend that did not fit was hidden by the chart
        assertThat(DeskHarness.fx(() -> alloc.lookup(".chart-legend").isVisible())).as("the legend shows").isTrue();
    }

    /** The legend beside the stacked bands names them as they are seen: the top band first (it listed them upside down). */
    @Test
    void theLegendNamesTheBandsFromTheTopOne() throws Exception {
        PortfolioView[] view = new PortfolioView[1];
        show(view);
        XYChart<?, ?> alloc = robot.lookup("#allocation-chart").queryAs(XYChart.class);
        List<List<String>> orders = DeskHarness.fx(() -> {
            List<XYChart.Series<?, ?>> bands = new ArrayList<>(alloc.getData());
            bands.sort(Comparator.comparingDouble(s -> s.getNode().localToScene(s.getNode().getBoundsInLocal()).getMinY()));
            List<Label> legend = new ArrayList<>();
            for (Node n : alloc.lookupAll(".chart-legend-item")) {
                legend.add((Label) n);
            }
            legend.sort(Comparator.comparingDouble(l -> l.localToScene(l.getBoundsInLocal()).getMinY()));
            return List.of(bands.stream().map(XYChart.Series::getName).toList(), legend.stream().map(Label::getText).toList());
        });
        assertThat(orders.get(0)).hasSize(4);
        assertThat(orders.get(1)).as("the legend, top to bottom").isEqualTo(orders.get(0));
    }

    @Test
    void theTimeAxesTickOnWholeCalendarHours() throws Exception {
        show(new PortfolioView[1]);
        for (String id : List.of("#equity-chart", "#allocation-chart")) {
            XYChart<?, ?> chart = robot.lookup(id).queryAs(XYChart.class);
            List<Number> ticks = DeskHarness.fx(() -> {
                List<Number> out = new ArrayList<>();
                for (Axis.TickMark<?> m : chart.getXAxis().getTickMarks()) {
                    out.add((Number) m.getValue());
                }
                return out;
            });
            assertThat(ticks).as(id + " ticks").hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(v -> Math.round(v.doubleValue()) % 3_600 == 0, "a whole hour");
            long step = Math.round(ticks.get(1).doubleValue() - ticks.get(0).doubleValue());
            assertThat(CalendarSteps.step(0, 0, 0, step)).as(id + " step: the calendar step at least as long").isEqualTo(step);
            List<String> outside = DeskHarness.fx(() -> {
                List<String> out = new ArrayList<>();
                Bounds c = chart.localToScene(chart.getLayoutBounds());
                for (Node n : chart.getXAxis().getChildrenUnmodifiable()) {
                    if (n instanceof Text t && t.isVisible() && !t.getText().isEmpty()) {
                        Bounds b = t.localToScene(t.getLayoutBounds());
                        if (b.getMaxX() > c.getMaxX() || b.getMinX() < c.getMinX()) {
                            out.add(t.getText());
                        }
                    }
                }
                return out;
            });
            assertThat(outside).as(id + " time labels past the chart's edge").isEmpty();
        }
    }

    @Test
    void ticksFallOnCalendarTimesInTheDisplayZone() {
        long from = T0 / 1000;
        long to = from + 100_000;
        assertThat(CalendarTimeAxis.ticks(from, to, 3 * 3_600, ZoneOffset.UTC)).allMatch(t -> t % (3 * 3_600) == 0).hasSize(9);
        // in New York (UTC-5 in November) six-hour ticks fall on 00:00, 06:00, 12:00, 18:00 there
        assertThat(CalendarTimeAxis.ticks(from, to, 6 * 3_600, ZoneId.of("America/New_York")))
                .allMatch(t -> (t - 5 * 3_600) % (6 * 3_600) == 0 || (t + 5 * 3_600) % (6 * 3_600) == 0);
        assertThat(CalendarSteps.step(100_000, 800, 80, 0)).isEqualTo(4 * 3_600);
        assertThat(CalendarTimeAxis.label(DisplayFormat.UTC, 1_385_488_800_000L, 3 * 3_600)).isEqualTo("11-26 18:00");
    }
}
