package org.concord.annotate.chart;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.chart.DisplayFormat;
import org.concord.chart.OverlayMark;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.Motion;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.annotate.chart.FxWait.fx;
import static org.concord.annotate.chart.FxWait.until;

/**
 * Four bare panes (1s, 1m, 1h, 1d) on the real bundled bars in the app's dark theme, judged from their pixels:
 * candles across the whole view after the bars were replaced or extended with newer ones (what a restart on a
 * used data dir, End, a jump and live bars do), a price axis the pane alone sets and that never turns ±∞/NaN,
 * annotations drawn where their candles are, the dark look without the hatched minor grid, tick-precision labels.
 */
@ExtendWith(ApplicationExtension.class)
class CandlePaneRenderingTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private static final Timeframe[] TFS = {Timeframe.S1, Timeframe.M1, Timeframe.H1, Timeframe.D1};
    private final Map<Timeframe, CandlePane> panes = new EnumMap<>(Timeframe.class);

    @Start
    void start(Stage stage) {
        PanePixels.primerDark();
        GridPane grid = new GridPane();
        for (int i = 0; i < TFS.length; i++) {
            CandlePane p = new CandlePane(BTC, TFS[i]);
            panes.put(TFS[i], p);
            ((javafx.scene.layout.Region) p.node()).setPrefSize(600, 380);
            grid.add(p.node(), i % 2, i / 2);
        }
        stage.setScene(new Scene(grid, 1200, 780));
        stage.show();
    }

    @AfterAll
    static void theme() {
        fx(() -> {
            PanePixels.modena();
            return null;
        });
    }

    /** Real bars of {@code tf}: the newest 3,000 at most (the 1s tape has far more than a view needs). */
    private static BarSeries real(Timeframe tf) {
        BarSeries all = RealBars.bitstamp(tf);
        return all.copyRange(Math.max(0, all.size() - 3_000), all.size());
    }

    /** Shows {@code bars} in place of what the pane had, with the newest candles in view (a load after End or a restart). */
    private static void load(CandlePane p, BarSeries bars) {
        fx(() -> {
            p.bars().replace(bars);
            p.showBars();
            p.showNewest();
            return null;
        });
    }

    private static void candlesAcrossTheView(CandlePane p, String when) {
        until(p.timeframe() + " candles drawn across the view " + when, () -> PanePixels.drawnFraction(p) >= 0.9,
                () -> fx(() -> String.format("%.0f%% of %d visible bars drawn; %s", 100 * PanePixels.drawnFraction(p), PanePixels.visibleBars(p), PanePixels.undrawn(p))));
    }

    @Test
    void candlesAreDrawnAcrossTheViewWhenNewerBarsReplaceOrExtendOlderOnes() {
        for (Timeframe tf : TFS) {
            CandlePane p = panes.get(tf);
            BarSeries bars = real(tf);
            int half = Math.max(1, bars.size() / 2);
            // first the older half (a store before the restart), then all of it: the view moves past the old newest bar
            load(p, bars.copyRange(0, half));
            candlesAcrossTheView(p, "after the first load");
            load(p, bars);
            assertThat(fx(() -> PanePixels.visibleBars(p))).as("%s bars in view", tf).isGreaterThanOrEqualTo(4);
            candlesAcrossTheView(p, "after newer bars replaced them");
            // live: newer bars appended to an older window (the pane follows them)
            load(p, bars.copyRange(0, half));
            fx(() -> {
                p.bars().append(bars);
                p.showBars();
                p.showNewest();
                return null;
            });
            candlesAcrossTheView(p, "after newer bars were appended");
        }
    }

    @Test
    void thePriceAxisIsTheVisibleCandlesRangeAndStaysFiniteWithoutCandlesInView(FxRobot robot) {
        CandlePane p = panes.get(Timeframe.M1);
        BarSeries bars = real(Timeframe.M1);
        load(p, bars.copyRange(0, bars.size() / 2));
        load(p, bars);
        candlesAcrossTheView(p, "after the reload");
        // after drawing, the range is still the one the pane fitted to its visible candles: nothing else moved it
        double[] expected = fx(() -> {
            double[] lh = p.bars().lowHigh((long) (p.viewMin() * 1000) - Timeframe.M1.millis(), (long) (p.viewMax() * 1000));
            double r = lh[1] - lh[0];
            // above the highest candle 8 % of the range, or the pixels a short entry's marker and label need
            double above = Math.max(0.08 * r, CandlePane.TOP_ROOM_PX * 1.25 * r / (p.canvasHeight() - CandlePane.TOP_ROOM_PX));
            return new double[] {lh[0] - 0.25 * r, lh[1] + above};
        });
        until("the price axis to show the visible candles' range", () -> Math.abs(p.yAxis().getMin() - expected[0]) < 1e-9
                && Math.abs(p.yAxis().getMax() - expected[1]) < 1e-9, () -> fx(() -> p.yAxis().getMin() + ".." + p.yAxis().getMax()
                + " instead of " + expected[0] + ".." + expected[1]));
        // a price read anywhere on the plot is a number inside that range
        double mid = fx(() -> p.priceAt(p.canvasHeight() / 2));
        assertThat(mid).isBetween(expected[0], expected[1]);
        // the crosshair writes it at tick precision with the candle's time, in its tags wherever the pointer goes
        for (int k = 0; k < 4; k++) {
            double fx0 = 0.3 + 0.1 * k;
            Point2D at = fx(() -> p.chart().getCanvas().localToScreen(p.canvasWidth() * fx0, p.canvasHeight() * fx0));
            robot.moveTo(at, Motion.DIRECT);
            until("the crosshair's tags at the pointer", () -> !p.crosshair().priceTag().isEmpty() && textsInTheirTags(p.crosshair()),
                    () -> fx(() -> p.crosshair().getChartChildren().stream().map(n -> n.getClass().getSimpleName() + n.getBoundsInParent()).toList().toString()));
            assertThat(fx(() -> p.crosshair().priceTag())).matches("\\d{1,3}(,\\d{3})*\\.\\d{2}");
            assertThat(fx(() -> p.crosshair().timeTag())).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        }
        // a view past the newest bar (no candle in it) keeps a finite range: the nearest candle's
        fx(() -> {
            p.setView(bars.lastTime() / 1000.0 + 3_600, bars.lastTime() / 1000.0 + 7_200);
            return null;
        });
        until("a finite price range without candles in view", () -> Double.isFinite(p.yAxis().getMin()) && Double.isFinite(p.yAxis().getMax())
                && p.yAxis().getMax() > p.yAxis().getMin() && Double.isFinite(p.priceAt(10)), () -> fx(() -> p.yAxis().getMin() + ".." + p.yAxis().getMax()));
    }

    /** Each visible tag text lies inside the box drawn before it. */
    private static boolean textsInTheirTags(Crosshair c) {
        List<Node> nodes = c.getChartChildren();
        for (int i = 1; i < nodes.size(); i++) {
            if (nodes.get(i) instanceof javafx.scene.text.Text t && t.isVisible() && nodes.get(i - 1) instanceof javafx.scene.shape.Rectangle box
                    && !box.getBoundsInParent().contains(t.getBoundsInParent())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void anAnnotationIsDrawnAtItsPriceOnTheCandlesItMarks() {
        CandlePane p = panes.get(Timeframe.D1);
        BarSeries d = real(Timeframe.D1);
        assertThat(d.size()).isGreaterThanOrEqualTo(2);
        load(p, d.copyRange(0, 1));
        load(p, d);
        candlesAcrossTheView(p, "on the 1d pane");
        int i = d.size() - 2;
        Annotation a = Annotation.draft("d1-long", BTC, Timeframe.D1, d.time(i), d.high(i), d.time(i + 1), d.high(i + 1), AnnotationDirection.LONG,
                Double.NaN, Double.NaN, List.of(), "", "tester", 1L);
        fx(() -> {
            p.annotationLayer().setAnnotations(List.of(a), null);
            return null;
        });
        // the entry marker's tip is on the top of the candle's wick (its high) in the drawn image
        until("the entry marker on its candle's high", () -> {
            Node entry = p.chart().lookup("#entry-1d-d1-long");
            if (entry == null) {
                return false;
            }
            return Math.abs(tipY(entry) - topY(p, d.time(i))) <= 3;
        }, () -> fx(() -> {
            Node entry = p.chart().lookup("#entry-1d-d1-long");
            return "marker at scene y=" + (entry == null ? "none" : tipY(entry)) + ", candle top at scene y=" + topY(p, d.time(i))
                    + ", price axis " + p.yAxis().getMin() + ".." + p.yAxis().getMax();
        }));
    }

    /**
     * A short entered on the highest daily candle with its exit typed a little above it keeps its markers and P&amp;L
     * label inside the plot (they were cut by the 1d pane's top edge), and two trades on the same candles keep their P&amp;L
     * labels apart (on the 1h pane they were drawn on one spot).
     */
    @Test
    void marksAboveTheHighestCandleStayInsideThePlotAndPnlLabelsDoNotOverlap() {
        CandlePane day = panes.get(Timeframe.D1);
        BarSeries d = real(Timeframe.D1);
        load(day, d);
        candlesAcrossTheView(day, "on the 1d pane");
        // the highest candle in view (with its next one), and an exit typed just under the axis' top as fitted to the candles
        int top = fx(() -> {
            int best = -1;
            for (int i = 0; i < d.size() - 1; i++) {
                if (day.shows(d.time(i), 1.0) && day.shows(d.time(i + 1), 1.0) && (best < 0 || d.high(i) > d.high(best))) {
                    best = i;
                }
            }
            return best;
        });
        assertThat(top).as("two daily candles in view").isNotNegative();
        double exit = fx(() -> day.yAxis().getMax() - 0.01 * (day.yAxis().getMax() - day.yAxis().getMin()));
        Annotation high = Annotation.draft("d1-top", BTC, Timeframe.D1, d.time(top), d.high(top), d.time(top + 1), exit,
                AnnotationDirection.SHORT, Double.NaN, Double.NaN, List.of(), "", "tester", 1L);
        show(day, List.of(high));
        until("the 1d marks inside the plot", () -> inside(day, "#entry-1d-d1-top", "#exit-1d-d1-top", "#pnl-1d-d1-top"), () -> where(day,
                "#entry-1d-d1-top", "#exit-1d-d1-top", "#pnl-1d-d1-top"));
        CandlePane hour = panes.get(Timeframe.H1);
        BarSeries h = real(Timeframe.H1);
        load(hour, h);
        candlesAcrossTheView(hour, "on the 1h pane");
        int j = h.size() - 10;
        List<Annotation> close = List.of(
                Annotation.draft("h1-a", BTC, Timeframe.H1, h.time(j), h.close(j), h.time(j + 2), h.close(j + 2), AnnotationDirection.LONG,
                        Double.NaN, Double.NaN, List.of(), "", "tester", 1L),
                Annotation.draft("h1-b", BTC, Timeframe.H1, h.time(j), h.close(j), h.time(j + 2), h.close(j + 2), AnnotationDirection.LONG,
                        Double.NaN, Double.NaN, List.of(), "", "tester", 1L));
        show(hour, close);
        until("the 1h P&L labels apart", () -> inside(hour, "#pnl-1h-h1-a", "#pnl-1h-h1-b")
                && !bounds(hour, "#pnl-1h-h1-a").intersects(bounds(hour, "#pnl-1h-h1-b")), () -> where(hour, "#pnl-1h-h1-a", "#pnl-1h-h1-b"));
    }

    private static void show(CandlePane p, List<Annotation> list) {
        fx(() -> {
            p.annotationLayer().setAnnotations(list, null);
            return null;
        });
    }

    private static Bounds bounds(CandlePane p, String id) {
        Node n = p.chart().lookup(id);
        return n == null ? null : n.localToScene(n.getBoundsInLocal());
    }

    /** Every node drawn and inside the plot's height. */
    private static boolean inside(CandlePane p, String... ids) {
        Bounds plot = p.chart().getCanvas().localToScene(p.chart().getCanvas().getLayoutBounds());
        for (String id : ids) {
            Bounds b = bounds(p, id);
            if (b == null || b.getMinY() < plot.getMinY() - 0.5 || b.getMaxY() > plot.getMaxY() + 0.5) {
                return false;
            }
        }
        return true;
    }

    private static String where(CandlePane p, String... ids) {
        return fx(() -> {
            StringBuilder sb = new StringBuilder("plot " + p.chart().getCanvas().localToScene(p.chart().getCanvas().getLayoutBounds()));
            for (String id : ids) {
                sb.append("; ").append(id).append(' ').append(bounds(p, id));
            }
            return sb.toString();
        });
    }

    /** Scene y of a long entry marker's tip (the triangle points up at its price). */
    private static double tipY(Node entry) {
        return entry.localToScene(entry.getBoundsInLocal()).getMinY();
    }

    /** Scene y of the first row from the top with candle colour in the candle's column. */
    private static double topY(CandlePane p, long time) {
        WritableImage img = PanePixels.canvas(p);
        PixelReader r = img.getPixelReader();
        int x = (int) Math.round(p.canvasX(time));
        for (int y = 0; y < img.getHeight(); y++) {
            if (PanePixels.isCandle(r.getColor(x, y))) {
                return p.chart().getCanvas().localToScene(x, y).getY();
            }
        }
        return Double.NaN;
    }

    @Test
    void panesAreDarkWithTheLiveChartsColoursAndNoHatchedGrid() {
        CandlePane p = panes.get(Timeframe.H1);
        load(p, real(Timeframe.H1));
        until("the 1h pane drawn", () -> !p.xAxis().getTickMarks().isEmpty() && !p.yAxis().getTickMarks().isEmpty(), () -> "no axis labels");
        WritableImage img = fx(() -> PanePixels.chart(p));
        Point2D origin = fx(() -> p.chart().sceneToLocal(p.chart().getCanvas().localToScene(0, 0)));
        PixelReader r = img.getPixelReader();
        // the empty room right of the newest candle: plot background, and only the few major price lines cross it
        int x = (int) (origin.getX() + fx(() -> p.canvasX(p.bars().lastTime() + 2 * Timeframe.H1.millis())));
        int top = (int) origin.getY() + 2;
        int bottom = (int) (origin.getY() + fx(p::canvasHeight)) - 2;
        Color background = r.getColor(x, (top + bottom) / 2);
        assertThat(background.getBrightness()).as("plot background brightness").isLessThan(0.3);
        int lines = 0;
        boolean inLine = false;
        for (int y = top; y < bottom; y++) {
            boolean line = PanePixels.distance(r.getColor(x, y), background) > 0.08;
            if (line && !inLine) {
                lines++;
            }
            inLine = line;
        }
        assertThat(lines).as("grid lines crossing an empty column").isLessThanOrEqualTo(12);
        // the price axis is on the right of the plot
        assertThat(fx(() -> p.yAxis().localToScene(0, 0).getX())).isGreaterThan(fx(() -> p.chart().getCanvas().localToScene(p.canvasWidth(), 0).getX()) - 1);
        // and the candles have the live chart's colours (CandleColours)
        candlesAcrossTheView(p, "on the 1h pane");
        assertThat(fx(p::look)).isEqualTo(PaneLook.DARK);
    }

    @Test
    void axisLabelsAreWrittenAtTickPrecisionAndInTheChosenZone() {
        CandlePane p = panes.get(Timeframe.M1);
        BarSeries bars = real(Timeframe.M1);
        load(p, bars);
        candlesAcrossTheView(p, "on the 1m pane");
        until("price labels with two decimals", () -> !p.yAxis().getTickMarks().isEmpty()
                && p.yAxis().getTickMarks().stream().allMatch(t -> t.getText().matches("\\d+\\.\\d{2}")), () -> fx(() -> labels(p.yAxis())));
        until("time labels as clock times", () -> !p.xAxis().getTickMarks().isEmpty()
                && p.xAxis().getTickMarks().stream().allMatch(t -> t.getText().matches("\\d{2}:\\d{2}")), () -> fx(() -> labels(p.xAxis())));
        // time labels do not run into each other, on the 1h and 1d panes either (wider labels with the date)
        for (Timeframe tf : new Timeframe[] {Timeframe.M1, Timeframe.H1, Timeframe.D1}) {
            CandlePane q = panes.get(tf);
            if (tf != Timeframe.M1) {
                load(q, real(tf));
            }
            // and not so few that the time is hard to read: three or more across a pane
            until(tf + " time labels apart", () -> q.xAxis().getTickMarks().stream().filter(io.fair_acc.chartfx.axes.spi.TickMark::isVisible).count() >= 3
                    && labelsApart(q.xAxis()), () -> fx(() -> labels(q.xAxis())
                    + " at " + q.xAxis().getTickMarks().stream().map(t -> Math.round(t.getPosition()) + "+" + Math.round(t.getWidth())).toList()));
        }
        // candles of a single price (a quiet stretch of 1s bars; synthetic prices): distinct price labels all the same
        CandlePane s1 = panes.get(Timeframe.S1);
        BarSeries flat = new BarSeries(BTC, Timeframe.S1, 64);
        for (int i = 0; i < 30; i++) {
            flat.append(bars.time(0) + i * 1000L, 836.11, 836.11, 836.11, 836.11, 0.01);
        }
        load(s1, flat);
        until("distinct, evenly spaced price labels over one price", () -> s1.yAxis().getTickMarks().size() >= 2 && evenSteps(s1.yAxis()),
                () -> fx(() -> labels(s1.yAxis())));
        // and over a narrow range of real 1s prices
        BarSeries real1s = real(Timeframe.S1);
        load(s1, real1s.copyRange(real1s.size() - 40, real1s.size()));
        until("evenly spaced price labels on the 1s pane", () -> s1.yAxis().getTickMarks().size() >= 2 && evenSteps(s1.yAxis()),
                () -> fx(() -> labels(s1.yAxis())));
        String utc = fx(() -> labels(p.xAxis()));
        fx(() -> {
            p.setFormat(DisplayFormat.UTC.withZone(ZoneId.of("Asia/Kolkata"))); // +05:30: every minute label moves by 30
            return null;
        });
        until("time labels in the new zone", () -> !labels(p.xAxis()).equals(utc), () -> utc);
        long first = fx(() -> Math.round(p.xAxis().getTickMarks().get(0).getValue() * 1000));
        assertThat(fx(() -> p.xAxis().getTickMarks().get(0).getText())).isEqualTo(
                java.time.Instant.ofEpochMilli(first).atZone(ZoneId.of("Asia/Kolkata")).toLocalTime().toString().substring(0, 5));
        fx(() -> {
            p.setFormat(DisplayFormat.UTC);
            return null;
        });
    }

    /** The labels, read as numbers, differ pairwise by one and the same step (so none is repeated or rounded unevenly). */
    private static boolean evenSteps(io.fair_acc.chartfx.axes.spi.DefaultNumericAxis a) {
        List<Double> v = a.getTickMarks().stream().map(t -> Double.parseDouble(t.getText().replace(",", ""))).sorted().toList();
        for (int i = 2; i < v.size(); i++) {
            if (Math.abs((v.get(i) - v.get(i - 1)) - (v.get(1) - v.get(0))) > 1e-9 || v.get(1) - v.get(0) <= 0) {
                return false;
            }
        }
        return v.size() < 2 || v.get(1) > v.get(0);
    }

    /** Every visible tick label ends at least 8 px before the next begins. */
    private static boolean labelsApart(io.fair_acc.chartfx.axes.spi.DefaultNumericAxis a) {
        List<io.fair_acc.chartfx.axes.spi.TickMark> shown = a.getTickMarks().stream().filter(io.fair_acc.chartfx.axes.spi.TickMark::isVisible).toList();
        for (int i = 1; i < shown.size(); i++) {
            io.fair_acc.chartfx.axes.spi.TickMark l = shown.get(i - 1);
            io.fair_acc.chartfx.axes.spi.TickMark r = shown.get(i);
            if (l.getPosition() + l.getWidth() / 2 + 8 > r.getPosition() - r.getWidth() / 2) {
                return false;
            }
        }
        return true;
    }

    private static String labels(io.fair_acc.chartfx.axes.spi.DefaultNumericAxis a) {
        List<String> out = new ArrayList<>();
        a.getTickMarks().forEach(t -> out.add(t.getText()));
        return out.toString();
    }

    @Test
    void overlayLabelsNeitherOverlapEachOtherNorCoverCandles() {
        CandlePane p = panes.get(Timeframe.M1);
        BarSeries bars = real(Timeframe.M1);
        load(p, bars);
        candlesAcrossTheView(p, "on the 1m pane");
        // a mark with a label on every bar, highs above and lows below: far more than fit
        List<OverlayMark> marks = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            boolean high = i % 2 == 0;
            marks.add(new OverlayMark(bars.time(i), high ? bars.high(i) : bars.low(i), high ? OverlayMark.Kind.SWING_HIGH : OverlayMark.Kind.SWING_LOW,
                    "L" + (1 + i % 3), Double.NaN));
            marks.add(new OverlayMark(bars.time(i), bars.close(i), OverlayMark.Kind.HOLD, "HOLD 0.50", 0.5));
        }
        fx(() -> {
            p.overlayLayer().setMarks("test", marks);
            return null;
        });
        until("overlay marks drawn", () -> p.overlayLayer().drawnMarks() > 0, () -> "none");
        List<double[]> boxes = fx(() -> p.overlayLayer().labelBoxes());
        assertThat(boxes).as("some labels written").isNotEmpty();
        assertThat(boxes.size()).as("labels are thinned out").isLessThan(fx(() -> PanePixels.visibleBars(p)));
        for (int a = 0; a < boxes.size(); a++) {
            for (int b = a + 1; b < boxes.size(); b++) {
                double[] u = boxes.get(a);
                double[] v = boxes.get(b);
                assertThat(u[0] < v[2] && u[2] > v[0] && u[1] < v[3] && u[3] > v[1]).as("labels %d and %d overlap", a, b).isFalse();
            }
        }
        // no label over a candle: the candle pixels under each label box are none
        WritableImage img = fx(() -> PanePixels.canvas(p));
        PixelReader r = img.getPixelReader();
        for (double[] box : boxes) {
            for (int x = (int) Math.ceil(box[0]); x < (int) box[2] && x < img.getWidth(); x++) {
                for (int y = (int) Math.ceil(box[1]); y < (int) box[3] && y < img.getHeight(); y++) {
                    assertThat(PanePixels.isCandle(r.getColor(Math.max(0, x), Math.max(0, y)))).as("candle under the label at %d,%d", x, y).isFalse();
                }
            }
        }
        // zoomed out to the most candles a view holds, HOLD predictions (a dot per candle) are not drawn
        fx(() -> {
            p.setView(p.viewMax() - CandlePane.MAX_CANDLES * 60.0, p.viewMax());
            return null;
        });
        until("marks redrawn for the wide view", () -> p.overlayLayer().drawnMarks() > 0, () -> "none");
        int visible = fx(() -> PanePixels.visibleBars(p));
        assertThat(fx(() -> p.overlayLayer().drawnMarks())).as("only the swing marks").isLessThanOrEqualTo(visible);
        fx(() -> {
            p.overlayLayer().setMarks("test", List.of());
            return null;
        });
    }
}
