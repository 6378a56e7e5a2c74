package org.concord.app.live;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.CandleStickRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.FinancialTheme;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.events.ChartBits;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.concord.annotate.DisplaySettings;
import org.concord.annotate.chart.CandleColours;
import org.concord.live.GhostCandle;
import org.concord.live.LiveSignal;
import org.concord.live.LiveSnapshot;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The live candlestick chart (ChartFX): candles with volume, BUY/SELL decision markers (label with confidence on
 * hover), pivot levels and extrema when those modules are on, crosshair, wheel/drag zoom and pan in time with the
 * price axis fitted to the visible bars. Applies {@link LiveDelta}s on the FX thread; keeps its own columns and
 * touches only what changed. "Follow" keeps the newest {@code followBars} bars in view until the user zooms or pans.
 */
public final class LiveChartView {
    private final XYChart chart;
    /** Its tick steps leave room for its labels (ChartFX's own wrote them over each other at 15m, 1h, 1d). */
    private final DefaultNumericAxis xAxis = new LiveTimeAxis("time");
    private final DefaultNumericAxis yAxis = new DefaultNumericAxis("price");
    /** Most bars the chart holds: past it the oldest are dropped down to a reload's {@link LivePresenter#HISTORY_LIMIT}. */
    static final int MAX_BARS = LivePresenter.HISTORY_LIMIT + LivePresenter.HISTORY_LIMIT / 4;
    private final CandleColumns columns = new CandleColumns();
    private final CandleDataSet candles;
    private final MarkerDataSet buys = new MarkerDataSet("BUY", 20_000);
    private final MarkerDataSet sells = new MarkerDataSet("SELL", 20_000);
    private final MarkerDataSet tops = new MarkerDataSet("extrema max", 100);
    private final MarkerDataSet bottoms = new MarkerDataSet("extrema min", 100);
    /** Live inference: the model's signals and its predicted next candles (see org.concord.live.GhostCandles). */
    private final MarkerDataSet liveBuys = new MarkerDataSet("live BUY", 5_000);
    private final MarkerDataSet liveSells = new MarkerDataSet("live SELL", 5_000);
    private final GhostDataSet ghosts = new GhostDataSet("ghost candles");
    private long lastLiveSignal = Long.MIN_VALUE;
    private String liveSession = "";
    private final Zoomer zoomer = new TimePanZoomer();
    private final ChartCrosshair crosshair;
    private final ChartTitle title;
    private int followBars = 240;
    private boolean follow = true;
    private boolean settingRange;
    private boolean rangeDirty = true;
    private boolean refitQueued;
    // the working orders' and the positions' prices: the fitted price axis keeps those near the bars in view (PriceFit)
    private double[] pinned = new double[0];
    private long stepMillis = 60_000;
    /** The candles' timeframe (null before the first delta); who is told when a delta replaced the candles. */
    private Timeframe timeframe;
    private final List<Runnable> reloaded = new ArrayList<>();
    private final ChartOverlayLayer overlay;
    /** The symbol whose bars are loaded (null before the first history). */
    private Symbol shownSymbol;
    private final DisplaySettings display;
    private long applied;

    public LiveChartView() {
        this(new DisplaySettings());
    }

    public LiveChartView(DisplaySettings display) {
        this.display = display;
        xAxis.setAutoRangeRounding(false);
        xAxis.setAutoRanging(false);
        yAxis.setAutoRangeRounding(false);
        yAxis.setAutoRanging(false);
        yAxis.setForceZeroInRange(false);
        yAxis.setSide(Side.RIGHT);
        // prices at tick precision and times in the user's zone (ChartFX's defaults drop digits on short axes and
        // write raw seconds in the crosshair)
        yAxis.setTickLabelFormatter(ChartFormatters.priceAxis(display, yAxis));
        xAxis.setTickLabelFormatter(ChartFormatters.timeAxis(display, xAxis));
        xAxis.setUnit(null);
        yAxis.setUnit(null);
        chart = new XYChart(xAxis, yAxis);
        title = new ChartTitle(chart);
        chart.setId("live-chart");
        // minor grid lines off: ChartFX's own rule for that does not resolve under the AtlantaFX theme
        chart.getGridRenderer().getHorizontalMinorGrid().setVisible(false);
        chart.getGridRenderer().getVerticalMinorGrid().setVisible(false);
        chart.setLegendVisible(false);
        // no ChartFX tool bar: it slid in as an empty dark band over the newest candles (ChartToolBarTest). It slides in
        // when the pointer is within this distance of an edge; none is within a negative one. (Hiding it does not hold:
        // its pane makes it visible as it slides in; taking it out does not either: the chart's CSS puts it back.)
        chart.getMenuPane().setTriggerDistance(-1);
        candles = new CandleDataSet("candles", columns);
        // explicit colours (the familiar teal/red), the same in both themes: a person finds them at once, and the
        // real-display acceptance suite judges candles by exactly these pixels (CandleColours)
        candles.setStyle(CandleColours.STYLE);
        CandleStickRenderer candleRenderer = new CandleStickRenderer(true);
        // one mechanism fits the price axis: refresh(), over the visible real bars. ChartFX's financial renderers
        // would also fit it to their own data set's visible range while drawing; over an empty or unloaded range
        // that is min +∞, max −∞, and every price read off the axis (the ticket's right-click price) was NaN
        candleRenderer.setComputeLocalRange(false);
        candleRenderer.getDatasets().add(candles);
        ErrorDataSetRenderer marks = MarkerRenderer.on(xAxis, yAxis);
        buys.setStyle("-fx-marker-type: diamond; -fx-marker-size: 5; -fx-marker-color: #1faa55; -fx-line-width: 0;");
        sells.setStyle("-fx-marker-type: diamond; -fx-marker-size: 5; -fx-marker-color: #e0413a; -fx-line-width: 0;");
        tops.setStyle("-fx-marker-type: rectangle; -fx-marker-size: 4; -fx-marker-color: #f0a020; -fx-line-width: 0;");
        bottoms.setStyle("-fx-marker-type: rectangle; -fx-marker-size: 4; -fx-marker-color: #2f8fe0; -fx-line-width: 0;");
        liveBuys.setStyle("-fx-marker-type: circle; -fx-marker-size: 3; -fx-marker-color: #7CFC00; -fx-line-width: 0;");
        liveSells.setStyle("-fx-marker-type: circle; -fx-marker-size: 3; -fx-marker-color: #ff8c00; -fx-line-width: 0;");
        marks.getDatasets().addAll(buys, sells, tops, bottoms, liveBuys, liveSells);
        // predicted candles: a renderer of their own with translucent colours, never mixed with the real ones
        CandleStickRenderer ghostRenderer = new CandleStickRenderer(false);
        ghostRenderer.getAxes().setAll(xAxis, yAxis);
        ghostRenderer.setComputeLocalRange(false);
        ghosts.setStyle("-fx-candle-long-color: rgba(31,170,85,0.30); -fx-candle-short-color: rgba(224,65,58,0.30); "
                + "-fx-candle-long-wick-color: rgba(31,170,85,0.45); -fx-candle-short-wick-color: rgba(224,65,58,0.45); -fx-candle-shadow-color: transparent;");
        ghostRenderer.getDatasets().add(ghosts);
        chart.getRenderers().setAll(candleRenderer, ghostRenderer, marks);
        crosshair = new ChartCrosshair(xAxis, yAxis);
        MarkerTooltip tooltip = new MarkerTooltip();
        ChartFormatters.apply(display, crosshair);
        ChartFormatters.apply(display, tooltip);
        crosshair.alsoHides(tooltip::hide);
        chart.getPlugins().addAll(zoomer, crosshair, tooltip);
        overlay = new ChartOverlayLayer(chart.getPlugins(), yAxis, tops, bottoms);
        ChartLayoutRelay.install(chart);
        display.formatProperty().addListener((o, a, b) -> refresh());
        FinancialTheme.Sand.applyPseudoClasses(chart);
        // a user zoom or pan ends "follow"; any x change refits the price axis to the visible bars
        xAxis.minProperty().addListener((o, a, b) -> onXChanged());
        xAxis.maxProperty().addListener((o, a, b) -> onXChanged());
    }

    private void onXChanged() {
        rangeDirty = true;
        if (!settingRange) {
            follow = false;
            // a pan or zoom of the paused chart brings no bar to refit it: the candles panned to stayed cut off above
            // the axis until the replay ran on (a new trader's trial). Once per pulse, however many moves it saw
            if (!refitQueued) {
                refitQueued = true;
                Platform.runLater(() -> {
                    refitQueued = false;
                    refresh();
                });
            }
        }
    }

    /** Whether the shown instrument's data is a looped copy of its recording now (the status presenter judges it). */
    public void showSynthetic(boolean looped) {
        title.synthetic(looped);
    }

    /** Candle colours and plot background for the app theme ("dark" or "light"). */
    public void setTheme(String theme) {
        ("light".equals(theme) ? FinancialTheme.Sand : FinancialTheme.Dark).applyPseudoClasses(chart);
    }

    public XYChart node() {
        return chart;
    }

    public Node root() {
        return chart;
    }

    public int barCount() {
        return columns.size();
    }

    public CandleColumns columns() {
        return columns;
    }

    public CandleDataSet candles() {
        return candles;
    }

    public int markerCount() {
        return buys.getDataCount() + sells.getDataCount();
    }

    /** Predicted candles shown now (FX thread). */
    public List<GhostCandle> ghostCandles() {
        return ghosts.ghosts();
    }

    /** Labels other plugins draw at the plot's left edge (order lines), which the level labels keep clear of (FX thread). */
    public void setLabelObstacles(Supplier<List<Bounds>> obstacles) {
        overlay.setLabelObstacles(obstacles);
    }

    /** The price axis (what plugins convert mouse positions with). */
    public DefaultNumericAxis priceAxis() {
        return yAxis;
    }

    /** The time axis (what plugins and renderers place times with). */
    public DefaultNumericAxis timeAxis() {
        return xAxis;
    }

    public int liveMarkerCount() {
        return liveBuys.getDataCount() + liveSells.getDataCount();
    }

    /**
     * Shows a live-inference snapshot: its newest signals as small triangles, its ghost candles after the last
     * closed bar (each replaced by the real bar when that closes: the next snapshot's ghosts start after it).
     */
    public void showLive(LiveSnapshot s) {
        int before = liveBuys.getDataCount() + liveSells.getDataCount();
        boolean cleared = false;
        if (!s.sessionId().equals(liveSession) || !s.running()) {
            // a new session starts clean; a stopped one leaves nothing behind on the chart
            liveSession = s.sessionId();
            cleared = before > 0;
            liveBuys.clear();
            liveSells.clear();
            lastLiveSignal = s.running() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        for (LiveSignal x : s.signals()) {
            if (x.time() > lastLiveSignal && x.action() != Action.HOLD) {
                // drawn on the bar the signal was made at the close of
                (x.action() == Action.BUY ? liveBuys : liveSells).add((x.time() - stepMillis) / 1000.0, x.price(),
                        String.format(Locale.ROOT, "live %s %.0f%% %s", x.action(), 100 * x.confidence(), x.transition()));
            }
            lastLiveSignal = Math.max(lastLiveSignal, x.time());
        }
        List<GhostCandle> g = s.running() ? s.ghosts() : List.of();
        boolean ghostsChanged = !g.equals(ghosts.ghosts());
        ghosts.set(g);
        // snapshots come every second even when nothing changed: a redraw costs a software-rendered frame
        if (cleared || ghostsChanged || liveBuys.getDataCount() + liveSells.getDataCount() != before) {
            refresh();
        }
    }

    /** The crosshair names {@code price} while a menu offers an order at it (FX thread); see {@link ChartCrosshair#hold}. */
    public void holdCrosshair(double price) {
        crosshair.hold(price);
    }

    /** The crosshair follows the mouse again (the menu closed). */
    public void releaseCrosshair() {
        crosshair.release();
    }

    /** Deltas applied so far. */
    public long applied() {
        return applied;
    }

    public boolean following() {
        return follow;
    }

    /** Back to following the newest bars (the F shortcut). */
    public void follow() {
        follow = true;
        rangeDirty = true;
        refresh();
    }

    public void setFollowBars(int n) {
        followBars = Math.max(10, n);
        follow();
    }

    /** Shows the visible x range [fromSec, toSec] (tests and benchmarks; a user does the same with the mouse). */
    public void showRange(double fromSec, double toSec) {
        follow = false;
        settingRange = true;
        try {
            xAxis.set(fromSec, toSec);
        } finally {
            settingRange = false;
        }
        rangeDirty = true;
        refresh();
    }

    /** Applies one delta (FX thread). */
    public void apply(LiveDelta d) {
        applied++;
        timeframe = d.timeframe();
        stepMillis = timeframe.millis();
        int changedFrom = Integer.MAX_VALUE;
        if (d.reload() != null) {
            title.show(d.symbol() + " " + d.timeframe());
            crosshair.hide(); // its label and the marker's name a time, price or marker of the series being replaced
            // another instrument's levels and extrema sat at its prices under the new title; a history without any
            // (its timeline restarted) has none yet
            if (!d.symbol().equals(shownSymbol) || d.overlay() == null) {
                overlay.clear();
                shownSymbol = d.symbol();
            }
            load(d.reload());
            changedFrom = 0;
            if (d.resetMarkers()) {
                buys.clear();
                sells.clear();
            }
        }
        long[] t = d.times();
        double[] v = d.ohlcv();
        for (int i = 0; i < t.length; i++) {
            int idx = columns.upsert(t[i], v[i * 5], v[i * 5 + 1], v[i * 5 + 2], v[i * 5 + 3], v[i * 5 + 4]);
            if (idx >= 0) {
                changedFrom = Math.min(changedFrom, idx);
            }
        }
        boolean trimmed = columns.size() > MAX_BARS;
        if (trimmed) {
            // the chart keeps what a reload loads; the older bars are in the store. Kept whole, the columns of a
            // max-speed replay grew by doubling to 2 million bars (100 MB) within minutes, in a 512 MB heap
            columns.dropOldest(columns.size() - LivePresenter.HISTORY_LIMIT);
        }
        if (changedFrom != Integer.MAX_VALUE) {
            if (d.reload() != null || trimmed) {
                candles.rebuild();
            } else {
                candles.changedFrom(changedFrom);
            }
            rangeDirty = true;
        }
        for (LiveDelta.Marker m : d.markers()) {
            double xs = m.time() / 1000.0;
            // one marker per candle, the latest (LivePresenter): a later decision in the newest marked candle replaces it
            if (buys.lastX() == xs) {
                buys.removeLast();
            }
            if (sells.lastX() == xs) {
                sells.removeLast();
            }
            (m.buy() ? buys : sells).add(xs, markerPrice(m), m.label());
        }
        if (d.overlay() != null) {
            overlay.show(d.overlay());
        }
        refresh();
        if (d.reload() != null) {
            reloaded.forEach(Runnable::run);
        }
    }

    /** The timeframe of the candles shown, null before the first delta (FX thread). */
    public Timeframe timeframe() {
        return timeframe;
    }

    /** Runs {@code r} after each delta that replaced the candles (FX thread). */
    public void onReload(Runnable r) {
        reloaded.add(r);
    }

    /** A buy sits just under its bar's low, a sell just over its high: beside the candle, not on it. */
    private double markerPrice(LiveDelta.Marker m) {
        int i = columns.lowerBound(m.time());
        if (i >= columns.size() || columns.time(i) != m.time()) {
            return m.price();
        }
        double lo = columns.low(i);
        double hi = columns.high(i);
        double pad = Math.max((hi - lo) * 0.4, hi * 3e-4);
        return m.buy() ? lo - pad : hi + pad;
    }

    /** Replaces the columns with {@code history} (a reload). */
    private void load(BarSeries history) {
        columns.clear();
        for (int i = 0; i < history.size(); i++) {
            columns.upsert(history.time(i), history.open(i), history.high(i), history.low(i), history.close(i), history.volume(i));
        }
    }

    /**
     * Keeps {@code prices} near the visible bars inside the fitted price axis (FX thread, {@link PriceFit}): a line
     * there is seen in the candles' context. A line farther off is drawn at the plot's edge by the order lines, where
     * it can still be seen and dragged.
     */
    public void keepInView(double[] prices) {
        if (!Arrays.equals(prices, pinned)) {
            pinned = prices.clone();
            rangeDirty = true;
            refresh();
        }
    }

    /** Sets the ranges (follow), the decimation for the visible range and the fitted price axis; one invalidation. */
    public void refresh() {
        int n = columns.size();
        if (n == 0) {
            invalidate(); // a symbol without bars: the previous symbol's candles must not stay drawn under its title
            return;
        }
        if (follow) {
            int from = Math.max(0, n - followBars);
            List<GhostCandle> g = ghosts.ghosts();
            double[] range = FollowRange.of(columns, from, bucketFor(n - from), stepMillis,
                    g.isEmpty() ? Long.MIN_VALUE : g.get(g.size() - 1).openTime(), plotWidth());
            settingRange = true;
            try {
                xAxis.set(range[0], range[1]);
            } finally {
                settingRange = false;
            }
        }
        if (rangeDirty) {
            rangeDirty = false;
            long lo = (long) (xAxis.getMin() * 1000);
            long hi = (long) (xAxis.getMax() * 1000);
            int i0 = Math.max(0, columns.lowerBound(lo));
            int i1 = Math.min(n, columns.lowerBound(hi + 1));
            candles.setBucket(bucketFor(i1 - i0));
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = i0; i < i1; i++) {
                min = Math.min(min, columns.low(i));
                max = Math.max(max, columns.high(i));
            }
            if (min <= max) {
                double[] fit = PriceFit.of(min, max, pinned);
                yAxis.set(fit[0], fit[1]);
            }
        }
        invalidate();
    }

    private void invalidate() {
        candles.fireInvalidated(ChartBits.DataSetData);
        buys.fireInvalidated(ChartBits.DataSetData);
        sells.fireInvalidated(ChartBits.DataSetData);
        tops.fireInvalidated(ChartBits.DataSetData);
        bottoms.fireInvalidated(ChartBits.DataSetData);
        liveBuys.fireInvalidated(ChartBits.DataSetData);
        liveSells.fireInvalidated(ChartBits.DataSetData);
        ghosts.fireInvalidated(ChartBits.DataSetData);
    }

    /** Bars per shown candle for {@code visible} bars: about one candle per 3 px, beyond that they are sub-pixel and only cost time. */
    private int bucketFor(int visible) {
        return (int) Math.ceil(Math.max(1, visible) / (plotWidth() / 3));
    }

    /** The plot's width (px), or an estimate before the first layout. */
    private double plotWidth() {
        return Math.max(200, chart.getWidth() > 0 ? chart.getWidth() - 80 : 1200);
    }

    List<ChartPlugin> plugins() {
        return chart.getPlugins();
    }
}
