package org.concord.annotate.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.XValueIndicator;
import io.fair_acc.chartfx.renderer.spi.financial.CandleStickRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.FinancialTheme;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.spi.financial.OhlcvDataSet;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One candlestick pane of one timeframe (ChartFX {@link XYChart} + {@link CandleStickRenderer} with volume over an
 * {@link OhlcvDataSet}; x in seconds on a time axis). It renders the bars it was handed and keeps the visible
 * range it was told; the y range follows the visible candles. FX thread only; it queries nothing.
 */
public final class CandlePane {
    /** Fewest / most candles a view spans. */
    public static final int MIN_CANDLES = 8;
    public static final int MAX_CANDLES = 3_000;
    /** Candles shown when a pane is first filled. */
    public static final int DEFAULT_CANDLES = 90;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Timeframe tf;
    private final XYChart chart;
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;
    private final OhlcvDataSet dataSet;
    private final XValueIndicator cursor;
    private final AnnotationLayer annotationLayer;
    private final OverlayLayer overlayLayer;
    private final Label header = new Label();
    private final Label readout = new Label();
    private final VBox root;
    private PaneBars bars;
    private Symbol symbol;
    private double viewMin = Double.NaN;
    private double viewMax = Double.NaN;
    private long cursorTime = Long.MIN_VALUE;
    private Runnable onViewChanged = () -> { };

    public CandlePane(Symbol symbol, Timeframe tf) {
        this.tf = tf;
        this.symbol = symbol;
        this.bars = new PaneBars(symbol, tf);
        xAxis = new DefaultNumericAxis("");
        xAxis.setUnit(null);
        xAxis.setTimeAxis(true);
        xAxis.setAutoRanging(false);
        xAxis.setAutoGrowRanging(false);
        xAxis.setAutoRangeRounding(false);
        xAxis.setAnimated(false);
        yAxis = new DefaultNumericAxis("");
        yAxis.setUnit(null);
        yAxis.setAutoRanging(false);
        yAxis.setAutoGrowRanging(false);
        yAxis.setAutoRangeRounding(false);
        yAxis.setForceZeroInRange(false);
        yAxis.setAnimated(false);
        yAxis.setSide(Side.RIGHT);
        chart = new XYChart(xAxis, yAxis);
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.getToolBar().setVisible(false);
        dataSet = new OhlcvDataSet(symbol + " " + tf.code());
        dataSet.setData(new SeriesOhlcv(bars.series()));
        CandleStickRenderer renderer = new CandleStickRenderer(true);
        renderer.getDatasets().add(dataSet);
        chart.getRenderers().setAll(renderer);
        cursor = new XValueIndicator(xAxis, 0);
        cursor.setEditable(false);
        overlayLayer = new OverlayLayer(this);
        annotationLayer = new AnnotationLayer(this);
        CrosshairIndicator crosshair = new CrosshairIndicator();
        crosshair.setXValueFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return TIME.format(Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000)));
            }

            @Override
            public Number fromString(String s) {
                return Instant.from(TIME.parse(s)).toEpochMilli() / 1000.0;
            }
        });
        crosshair.setYValueFormatter(new javafx.util.converter.NumberStringConverter(Locale.ROOT, "0.00"));
        chart.getPlugins().addAll(overlayLayer, crosshair, annotationLayer);
        FinancialTheme.Sand.applyPseudoClasses(chart);
        chart.setId("pane-" + tf.code());
        header.getStyleClass().add("pane-header");
        readout.getStyleClass().add("pane-readout");
        VBox.setVgrow(chart, Priority.ALWAYS);
        root = new VBox(2, new javafx.scene.layout.HBox(12, header, readout), chart);
        root.setMinSize(200, 150);
        updateHeader();
    }

    public Node node() {
        return root;
    }

    public XYChart chart() {
        return chart;
    }

    public DefaultNumericAxis xAxis() {
        return xAxis;
    }

    public DefaultNumericAxis yAxis() {
        return yAxis;
    }

    public Timeframe timeframe() {
        return tf;
    }

    public Symbol symbol() {
        return symbol;
    }

    public PaneBars bars() {
        return bars;
    }

    public OhlcvDataSet dataSet() {
        return dataSet;
    }

    public AnnotationLayer annotationLayer() {
        return annotationLayer;
    }

    public OverlayLayer overlayLayer() {
        return overlayLayer;
    }

    /** Called (FX thread) after every change of the visible range. */
    public void setOnViewChanged(Runnable r) {
        onViewChanged = r == null ? () -> { } : r;
    }

    /** Starts over for another symbol (nothing loaded). */
    public void setSymbol(Symbol s) {
        symbol = s;
        bars = new PaneBars(s, tf);
        viewMin = Double.NaN;
        viewMax = Double.NaN;
        showBars();
        updateHeader();
    }

    /** Hands the loaded bars to the renderer (after {@link PaneBars} changed). */
    public void showBars() {
        dataSet.setData(new SeriesOhlcv(bars.series()));
        dataSet.fireInvalidated(ChartBits.DataSetData);
        fitY();
    }

    // ------------------------------------------------------------------ view range (x in seconds)

    public boolean hasView() {
        return !Double.isNaN(viewMin);
    }

    public double viewMin() {
        return viewMin;
    }

    public double viewMax() {
        return viewMax;
    }

    public double span() {
        return viewMax - viewMin;
    }

    /** Shows [minS, maxS] (seconds), the span clamped to {@value #MIN_CANDLES}..{@value #MAX_CANDLES} candles. */
    public void setView(double minS, double maxS) {
        double c = tf.millis() / 1000.0;
        double span = Math.max(MIN_CANDLES * c, Math.min(MAX_CANDLES * c, maxS - minS));
        double mid = (minS + maxS) / 2;
        viewMin = mid - span / 2;
        viewMax = mid + span / 2;
        xAxis.set(viewMin, viewMax);
        fitY();
        onViewChanged.run();
    }

    /** The span (seconds) a pane without a view starts with: up to {@value #DEFAULT_CANDLES} candles, fewer when fewer are loaded. */
    public double defaultSpan() {
        return Math.max(MIN_CANDLES, Math.min(DEFAULT_CANDLES, bars.size() + 2)) * tf.millis() / 1000.0;
    }

    /** Keeps the span and puts {@code timeMs} in the middle. */
    public void centerOn(long timeMs) {
        double span = hasView() ? span() : defaultSpan();
        double x = timeMs / 1000.0 + tf.millis() / 2000.0;
        setView(x - span / 2, x + span / 2);
    }

    /** True when the candle opening at {@code timeMs} lies inside the middle {@code fraction} of the view. */
    public boolean shows(long timeMs, double fraction) {
        if (!hasView()) {
            return false;
        }
        double x = timeMs / 1000.0;
        double margin = span() * (1 - fraction) / 2;
        return x >= viewMin + margin && x <= viewMax - margin;
    }

    /** Fits the price axis to the visible candles (room below for the volume bars). */
    public void fitY() {
        if (!hasView() || bars.isEmpty()) {
            return;
        }
        double[] lh = bars.lowHigh((long) (viewMin * 1000) - tf.millis(), (long) (viewMax * 1000));
        if (lh == null) {
            return;
        }
        double r = Math.max(lh[1] - lh[0], lh[1] * 1e-4);
        yAxis.set(lh[0] - 0.25 * r, lh[1] + 0.08 * r);
    }

    // ------------------------------------------------------------------ coordinates (canvas local)

    public double canvasX(long timeMs) {
        return xAxis.getDisplayPosition(timeMs / 1000.0);
    }

    public double canvasY(double price) {
        return yAxis.getDisplayPosition(price);
    }

    public long timeAt(double canvasX) {
        return Math.round(xAxis.getValueForDisplay(canvasX) * 1000.0);
    }

    public double priceAt(double canvasY) {
        return yAxis.getValueForDisplay(canvasY);
    }

    /** A scene point in canvas coordinates. */
    public Point2D toCanvas(double sceneX, double sceneY) {
        return chart.getCanvas().sceneToLocal(sceneX, sceneY);
    }

    /** A canvas point in scene coordinates (tests aim the robot with it). */
    public Point2D toScene(double canvasX, double canvasY) {
        return chart.getCanvas().localToScene(canvasX, canvasY);
    }

    public double canvasWidth() {
        return chart.getCanvas().getWidth();
    }

    public double canvasHeight() {
        return chart.getCanvas().getHeight();
    }

    // ------------------------------------------------------------------ cursor, hover, header

    /** Moves this pane's cursor line to the candle containing {@code timeMs}. */
    public void setCursor(long timeMs) {
        cursorTime = timeMs;
        cursor.setValue(tf.floor(timeMs) / 1000.0);
        if (!chart.getPlugins().contains(cursor)) {
            chart.getPlugins().add(cursor);
        }
        updateHeader();
    }

    public long cursorTime() {
        return cursorTime;
    }

    public XValueIndicator cursorIndicator() {
        return cursor;
    }

    /** Shows the OHLC of the candle nearest {@code timeMs} (the pointer on any pane). */
    public void showReadout(long timeMs) {
        int i = bars.nearestIndex(timeMs);
        if (i < 0) {
            readout.setText("");
            return;
        }
        BarSeries s = bars.series();
        readout.setText(String.format(Locale.ROOT, "%s  O %.2f  H %.2f  L %.2f  C %.2f  V %.3f", TIME.format(Instant.ofEpochMilli(s.time(i))),
                s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i)));
    }

    private void updateHeader() {
        header.setText(symbol + " · " + tf.code() + (cursorTime == Long.MIN_VALUE ? "" : "   cursor " + TIME.format(Instant.ofEpochMilli(tf.floor(cursorTime)))));
    }
}
