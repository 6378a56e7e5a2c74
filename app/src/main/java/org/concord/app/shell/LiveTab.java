package org.concord.app.shell;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.BorderPane;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.concord.app.live.LiveChartView;
import org.concord.app.live.LiveInferenceView;
import org.concord.app.live.LivePresenter;
import org.concord.app.live.WatchlistPresenter;
import org.concord.app.live.WatchlistView;
import org.concord.data.DataProvider;
import org.concord.feed.BundledMarket;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The Live tab's layout and its chart selection: the toolbar (symbol, timeframe, Follow) over the chart, the
 * watchlist on its left, the live-inference panel on its right. A pick in the toolbar or a watchlist click selects a
 * symbol and timeframe; everything showing "the chart's symbol" follows it at once: the chart, the watchlist's
 * highlighted row, the live-inference panel's model, then the window's own followers ({@code onSelect}: the Modules
 * tab, the order ticket, ui-state.json).
 * <p>On a narrow window the chart keeps its room and the side panels give way: where the chart would be narrower than
 * {@link #CHART_MIN_WIDTH} beside both panels, the live-inference panel moves under the watchlist (a short table, three
 * rows on the bundled desk) instead of beside the chart. Seen on the real display at 1024x768: the chart was 100 px
 * wide between the two panels, at 1280x800 350 px.
 */
final class LiveTab {
    private final LivePresenter live;
    private final LiveChartView chart;
    private final WatchlistPresenter watchlist;
    private final WatchlistView watchlistView;
    private final LiveInferenceView liveInference;
    private final BiConsumer<Symbol, Timeframe> onSelect;
    private final ComboBox<String> chartSymbol = new ComboBox<>();
    private final ChoiceBox<String> chartTimeframe = new ChoiceBox<>();
    /** The timeframe each symbol was last shown on in this session (a watchlist click returns to it). */
    private final Map<Symbol, Timeframe> shownOn = new HashMap<>();
    /** A watchlist click is setting the toolbar: its two changes make one selection, not two. */
    private boolean picking;
    private final BorderPane node;
    /** The watchlist, and under it the live-inference panel when the tab is narrow ({@link #arrange}). */
    private final VBox left = new VBox();
    /** Holds the panel under the watchlist: on a short window too it scrolls rather than squeezing the blotter. */
    private final ScrollPane under = new ScrollPane();
    private boolean stacked;
    /** The chart's least width beside the watchlist and the live-inference panel (a third of the default 1400 px window). */
    static final double CHART_MIN_WIDTH = 470;

    LiveTab(DataProvider data, Presenters presenters, LivePresenter live, LiveChartView chart, WatchlistPresenter watchlist,
            LiveInferenceView liveInference, BiConsumer<Symbol, Timeframe> onSelect) {
        this.live = live;
        this.chart = chart;
        this.watchlist = watchlist;
        this.watchlistView = new WatchlistView(this::pick);
        this.liveInference = liveInference;
        this.onSelect = onSelect;
        this.node = build(data, presenters);
        shownOn.put(live.symbol(), live.timeframe());
        liveInference.follow(live.symbol());
    }

    BorderPane node() {
        return node;
    }

    WatchlistView watchlistView() {
        return watchlistView;
    }

    private BorderPane build(DataProvider data, Presenters presenters) {
        Symbol symbol = live.symbol();
        ComboBox<String> sym = chartSymbol;
        sym.getItems().setAll(symbol.code());
        watchlist.symbols().stream().map(Symbol::code).filter(k -> !sym.getItems().contains(k)).forEach(sym.getItems()::add);
        sym.setId("chart-symbol");
        sym.setValue(symbol.code());
        sym.setEditable(true);
        presenters.run(() -> {
            List<String> known = data.symbols().stream().map(Symbol::code).toList();
            Platform.runLater(() -> known.stream().filter(k -> !sym.getItems().contains(k)).forEach(sym.getItems()::add));
        });
        ChoiceBox<String> tfs = chartTimeframe;
        tfs.setId("chart-timeframe");
        // never narrower than it has been: with fewer timeframes offered (ETHUSD's) it shrank to "5m" and moved the
        // Follow button from under the pointer
        tfs.widthProperty().addListener((o, was, now) -> tfs.setMinWidth(Math.max(tfs.getMinWidth(), now.doubleValue())));
        tfs.setValue(live.timeframe().code());
        offerTimeframesOf(symbol);
        sym.setOnAction(e -> showChart());
        tfs.setOnAction(e -> showChart());
        Button follow = new Button("Follow (F)");
        follow.setId("chart-follow");
        follow.setOnAction(e -> chart.follow());
        Labels.keepWidth(follow);
        // the mouse gestures are listed by F1 (HelpDialog), not in this row: it has no room to spare at 1400 px
        HBox bar = new HBox(8, Labels.fixed("Symbol"), sym, Labels.fixed("Timeframe"), tfs, follow);
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setAlignment(Pos.CENTER_LEFT);
        // arranged at each layout pass, not on width changes only: a tab hidden since the start (a restart on another
        // tab) was arranged before its panels had their widths, and its width never changed again when it was shown
        BorderPane p = new BorderPane(chart.node()) {
            @Override
            protected void layoutChildren() {
                arrange(this, getWidth());
                super.layoutChildren();
            }
        };
        p.setTop(bar);
        Node table = watchlistView.node();
        if (table instanceof TableView<?> t) {
            TableHeightFit.install(t, 8); // stacked, it is as high as its rows, the panel under it takes the rest
        }
        left.setFillWidth(true);
        under.setFitToWidth(true);
        under.setFitToHeight(true);
        under.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        under.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(under, Priority.ALWAYS);
        left.getChildren().add(table);
        VBox.setVgrow(table, Priority.ALWAYS);
        p.setLeft(left);
        p.setRight(liveInference.node());
        return p;
    }

    /**
     * The live-inference panel beside the chart, or under the watchlist when the chart would be narrower than
     * {@link #CHART_MIN_WIDTH} beside it. The choice depends on the tab's width and the panels' own widths only, so it
     * does not flip back and forth as the layout settles.
     */
    private void arrange(BorderPane p, double width) {
        Node table = watchlistView.node();
        Node panel = liveInference.node();
        double beside = width - table.prefWidth(-1) - panel.prefWidth(-1);
        boolean stack = width > 0 && beside < CHART_MIN_WIDTH;
        if (stack == stacked) {
            return;
        }
        stacked = stack;
        if (stack) {
            p.setRight(null);
            VBox.setVgrow(table, Priority.NEVER);
            under.setContent(panel);
            left.getChildren().add(under);
        } else {
            left.getChildren().remove(under);
            under.setContent(null);
            VBox.setVgrow(table, Priority.ALWAYS);
            p.setRight(panel);
        }
    }

    /** True while the live-inference panel is under the watchlist (the tab is narrow). */
    boolean stacked() {
        return stacked;
    }

    /**
     * A watchlist click: the chart (and its toolbar) shows {@code s} on the timeframe it was last shown on, else on the
     * chart's timeframe or its own bars' when those are longer (ETHUSD 5m, AAPL 1d). Going back from AAPL's daily
     * chart to BTCUSD therefore shows BTCUSD's minutes again, not three daily candles.
     */
    private void pick(Symbol s) {
        picking = true; // else the timeframe's change alone would select (and load) the old symbol on the new timeframe
        try {
            offerTimeframesOf(s);
            if (!chartSymbol.getItems().contains(s.code())) {
                chartSymbol.getItems().add(s.code());
            }
            chartSymbol.setValue(s.code());
        } finally {
            picking = false;
        }
        showChart();
    }

    /**
     * The timeframe list offers {@code s}'s own bars and longer ones only, showing the one {@code s} was last shown on,
     * else the chart's, or its own bars' when those are longer. A shorter one has no bars: picked, ETHUSD at 1m was an
     * empty plot on BTCUSD's price axis, "0 bars", and no word why (seen on the real display).
     */
    private void offerTimeframesOf(Symbol s) {
        Timeframe showing = timeframeOr(chartTimeframe.getValue());
        Timeframe own = BundledMarket.barTimeframe(s).orElse(Timeframe.S1); // a tape of trades makes every timeframe
        chartTimeframe.getItems().setAll(Arrays.stream(Timeframe.all()).filter(t -> t.millis() >= own.millis()).map(Timeframe::code).toList());
        chartTimeframe.setValue(shownOn.getOrDefault(s, WatchlistPresenter.chartTimeframe(s, showing)).code());
    }

    /** Shows the toolbar's symbol and timeframe, and tells every follower. */
    private void showChart() {
        String s = chartSymbol.getValue();
        if (picking || s == null || s.isBlank()) {
            return;
        }
        Symbol ns = Symbol.of(s.trim().toUpperCase(Locale.ROOT));
        if (!ns.equals(live.symbol())) { // another symbol typed or chosen in the box: its timeframes, as a watchlist click
            picking = true;
            try {
                offerTimeframesOf(ns);
            } finally {
                picking = false;
            }
        }
        Timeframe nt = Timeframe.ofCode(chartTimeframe.getValue());
        if (ns.equals(live.symbol()) && nt == live.timeframe()) {
            return;
        }
        live.select(ns, nt);
        shownOn.put(ns, nt);
        watchlistView.select(ns);
        liveInference.follow(ns);
        onSelect.accept(ns, nt);
    }

    static Timeframe timeframeOr(String code) {
        try {
            return Timeframe.ofCode(code);
        } catch (IllegalArgumentException e) {
            return Timeframe.M1;
        }
    }
}
