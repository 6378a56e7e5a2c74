package org.concord.app.shell;

import javafx.geometry.Rectangle2D;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.concord.app.annotate.AnnotationTabHost;
import org.concord.app.backtest.BacktestPresenter;
import org.concord.app.backtest.BacktestView;
import org.concord.app.feed.FeedBar;
import org.concord.app.feed.SeekBack;
import org.concord.app.feed.StatusLine;
import org.concord.app.feed.StatusPresenter;
import org.concord.app.feed.StatusSnapshot;
import org.concord.app.live.LiveChartView;
import org.concord.app.live.LiveInferencePresenter;
import org.concord.app.live.LiveInferenceView;
import org.concord.annotate.DisplaySettings;
import org.concord.chart.DisplayFormat;
import org.concord.app.live.LivePresenter;
import org.concord.app.live.WatchlistPresenter;
import org.concord.app.modules.ModulePanelPresenter;
import org.concord.app.modules.ModelTogglesView;
import org.concord.app.modules.ModulePanelView;
import org.concord.app.portfolio.PortfolioPresenter;
import org.concord.app.portfolio.PortfolioView;
import org.concord.app.session.CoreSession;
import org.concord.app.session.DesktopSession;
import org.concord.feed.BundledMarket;
import org.concord.app.trading.AccountSnapshot;
import org.concord.app.trading.TradingDock;
import org.concord.app.trading.TradingSnapshot;
import org.concord.app.training.TrainingPresenter;
import org.concord.app.training.TrainingFigures;
import org.concord.app.training.TrainingSnapshot;
import org.concord.app.training.TrainingView;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.training.models.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The workstation window: feed controls, the five views as tabs (live, modules, training, portfolio/risk,
 * annotate), a status bar; theme, geometry, tab and chart symbol remembered in {@code ui-state.json}.
 */
public final class MainWindow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    private static final KeyCombination PLAY_PAUSE = KeyCombination.keyCombination("Space");
    private final Stage stage;
    private final DesktopSession session;
    private final UiStateStore store;
    private UiState state;
    private final Presenters presenters = new Presenters();
    private final FxPulse pulse = new FxPulse();
    private final TabPane tabs = new TabPane();
    private final LivePresenter live;
    private final LiveInferencePresenter liveInference;
    private final LiveInferenceView liveInferenceView;
    private final ModelTogglesView modelToggles;
    private final DisplaySettings display;
    private final LiveChartView chart;
    private final ModulePanelPresenter modules;
    private final ModulePanelView modulesView;
    private final TrainingPresenter training;
    private final TrainingView trainingView;
    private final PortfolioPresenter portfolio;
    private final PortfolioView portfolioView;
    private final FeedBar feedBar;
    private final Label status = new Label("starting…");
    private final Label connection = new Label();
    private final Label rate = new Label();
    private final Label mode = new Label();
    private final TradingDock trading; // null in remote mode: the orders' broker lives with the server's pipeline
    private final BacktestPresenter backtest;
    private final BacktestView backtestView;
    private final WatchlistPresenter watchlist;
    private final LiveTab liveTab;

    public MainWindow(Stage stage, DesktopSession session, UiStateStore store, UiState initial) {
        this.stage = stage;
        this.session = session;
        this.store = store;
        this.state = initial;
        Themes.apply(state.theme());
        this.display = new DisplaySettings(DisplayFormat.UTC.withZone(state.zoneId()));
        this.chart = new LiveChartView(display);
        this.portfolioView = new PortfolioView(display);

        Symbol symbol = Symbol.of(state.symbol());
        Timeframe tf = LiveTab.timeframeOr(state.timeframe());
        List<Symbol> instruments = session.core().map(CoreSession::symbols).orElse(BundledMarket.SYMBOLS);
        live = new LivePresenter(session.engine().data(), session.bus(), presenters, symbol, tf);
        modules = new ModulePanelPresenter(session.bus(), presenters, session.modulePoll());
        modules.select(symbol);
        trading = session.core().map(c -> new TradingDock(c.pipeline(), presenters, pulse, chart, live::symbol,
                session.bus(), session.engine().dataDir(), c.config().instruments(), System.getenv(), display)).orElse(null);
        // Pos: the person's own account, Bot: the orchestrator's; both from the snapshot the blotter shows (taken on the
        // pipeline's thread), never a broker read from the presenter thread
        watchlist = new WatchlistPresenter(session.engine().data(), session.bus(), presenters, instruments,
                trading == null ? null : position(trading, TradingSnapshot::manual), trading == null ? null : position(trading, TradingSnapshot::bot));
        modulesView = new ModulePanelView(modules);
        training = new TrainingPresenter(session.bus(), presenters, instruments,
                s -> session.core().map(c -> c.training(s).config().modelId()).orElse("cnn-" + s.lower()), versions(session, display),
                session.core().<Function<Symbol, String>>map(c -> s -> c.training(s).dataShortfall()).orElse(null), display);
        trainingView = new TrainingView(training, display);
        portfolio = new PortfolioPresenter(session.bus(), presenters, display);
        feedBar = new FeedBar(session.feed(), presenters, session.remote(), new SeekBack(trading == null ? null : trading.service()::restartPaperSession));
        StatusPresenter statusPresenter = new StatusPresenter(presenters, session.feed()::status, live::symbol, session.engine().data()::clock,
                session.feed()::synthetic, session.bus(), live::decisionCount, session.remote());

        liveInference = new LiveInferencePresenter(session.bus(), presenters);
        liveInferenceView = new LiveInferenceView(liveInference, display);
        modelToggles = new ModelTogglesView(liveInference, display);
        liveTab = new LiveTab(session.engine().data(), presenters, live, chart, watchlist, liveInferenceView, this::chartSelected);
        pulse.bind(liveInference.snapshots(), s -> {
            liveInferenceView.show(s);
            chart.showLive(s);
        });
        pulse.bind(liveInference.models(), r -> {
            liveInferenceView.showModels(r);
            modelToggles.show(r);
        });
        setChartTheme(state.theme());
        pulse.bind(live.slot(), chart::apply);
        pulse.bind(watchlist.slot(), rows -> {
            liveTab.watchlistView().show(rows);
            liveTab.watchlistView().select(live.symbol());
            if (trading != null) {
                Map<Symbol, Double> last = new HashMap<>();
                rows.forEach(r -> last.put(r.symbol(), r.last()));
                trading.ticket().showLastPrices(last);
            }
        });
        pulse.bind(modules.slot(), modulesView::show);
        pulse.bind(modules.presetSlot(), modulesView::showPreset);
        pulse.bind(modules.symbolSlot(), modulesView::showSymbol);
        pulse.bind(training.slot(), trainingView::show);
        pulse.bind(portfolio.slot(), portfolioView::show);
        portfolioView.onApplySettings(portfolio::applySettings);
        pulse.bind(statusPresenter.slot(), this::showStatus);
        // runs in this process, on its own thread, with the risk limits and sizing in force on the desk
        backtest = new BacktestPresenter(session.engine().dataDir(), display, portfolio::settingsInForce);
        backtestView = new BacktestView(backtest, display);
        pulse.bind(backtest.slot(), backtestView::show);

        tabs.setId("views");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("live", "Live", trading == null ? liveTab.node() : trading.wrap(liveTab.node())), tab("modules", "Modules", modulesWithModels()),
                tab("training", "Training", trainingView.node()), tab("portfolio", "Bot portfolio & risk", portfolioView.node()),
                lazyTab("annotate", "Annotate", () -> AnnotationTabHost.create(session)));
        tabs.getTabs().add(tab("backtest", "Backtest", backtestView.node()));
        tabs.getTabs().stream().filter(t -> t.getId().equals(state.tab())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> remember(state.withTab(b.getId())));

        status.setId("status");
        connection.setId("connection");
        rate.setId("decision-rate");
        mode.setId("mode");
        HBox statusBar = trading == null ? StatusBar.of(status, rate, connection, mode, zoneChooser())
                : StatusBar.of(status, rate, connection, mode, zoneChooser(), trading.statusBadge());

        BorderPane root = new BorderPane(tabs);
        root.setTop(feedBar.node());
        root.setBottom(statusBar);
        Scene scene = new Scene(root, state.width(), state.height());
        scene.getStylesheets().add(Themes.APP_CSS);
        installShortcuts(scene);
        stage.setTitle("Concord — " + (session.remote() ? "remote " + session.options().busUri() : "local") + " — " + session.engine().dataDir());
        stage.setScene(scene);
        place(stage, state);
        stage.setMaximized(state.maximized());
        pulse.start();
    }

    private static ToDoubleFunction<Symbol> position(TradingDock trading, Function<TradingSnapshot, AccountSnapshot> account) {
        return s -> {
            TradingSnapshot t = trading.service().latest();
            return t == null ? Double.NaN : account.apply(t).positionQuantity(s);
        };
    }

    /** Puts the window wholly on a screen: where it was when that still fits, else centred on the primary screen. */
    private static void place(Stage stage, UiState state) {
        List<Rectangle2D> screens = new ArrayList<>();
        screens.add(Screen.getPrimary().getVisualBounds());
        Screen.getScreens().stream().filter(x -> x != Screen.getPrimary()).forEach(x -> screens.add(x.getVisualBounds()));
        WindowPlacement p = WindowPlacement.place(state, screens);
        stage.setX(p.x());
        stage.setY(p.y());
        stage.setWidth(p.width());
        stage.setHeight(p.height());
    }

    private static Function<Symbol, List<TrainingSnapshot.ModelRow>> versions(DesktopSession session, DisplaySettings display) {
        return session.core().map(c -> {
            Map<String, ModelManifest> manifests = new ConcurrentHashMap<>(); // a version's manifest never changes
            Function<Symbol, List<TrainingSnapshot.ModelRow>> s = sym -> c.training(sym).versions().list(c.training(sym).config().modelId()).stream()
                    .map(v -> {
                        ModelManifest m = manifests.computeIfAbsent(v.modelId() + "/" + v.version(), k -> c.training(sym).manifest(v.version()));
                        // each AUC named (the newest fold's holdout, every fold's out of sample), next to its baseline
                        return TrainingFigures.row(v, m, display.current());
                    })
                    .toList();
            return s;
        }).orElse(null);
    }

    /** The module table above the models' table (two switches per model). */
    private VBox modulesWithModels() {
        VBox.setVgrow(modulesView.node(), Priority.ALWAYS);
        return new VBox(4, modulesView.node(), modelToggles.node());
    }

    /** The chart shows another symbol or timeframe: the Modules tab and the ticket follow; remembered in ui-state.json. */
    private void chartSelected(Symbol s, Timeframe tf) {
        modules.select(s);
        if (trading != null) {
            trading.symbolChanged();
        }
        remember(state.withChart(s.code(), tf.code()));
    }

    /** Zones a trader picks from: UTC, this computer's, and the main market centres. */
    static final List<String> ZONES = List.of("UTC", "America/New_York", "America/Chicago", "Europe/London", "Europe/Berlin",
            "Asia/Singapore", "Asia/Hong_Kong", "Asia/Tokyo", "Australia/Sydney");

    /** The time zone every view writes times in (remembered in ui-state.json). */
    private ComboBox<String> zoneChooser() {
        List<String> zones = new ArrayList<>(ZONES);
        String local = ZoneId.systemDefault().getId();
        if (!zones.contains(local) && !"Z".equals(local) && !"Etc/UTC".equals(local)) {
            zones.add(1, local);
        }
        if (!zones.contains(state.zone())) {
            zones.add(state.zone());
        }
        ComboBox<String> zone = new ComboBox<>(FXCollections.observableArrayList(zones));
        zone.setId("zone-chooser");
        zone.setValue(state.zone());
        ChooserFit.toValue(zone);
        zone.setOnAction(e -> {
            String z = zone.getValue();
            if (z != null && !z.equals(state.zone())) {
                remember(state.withZone(z));
                display.setFormat(display.format().withZone(state.zoneId()));
            }
        });
        return zone;
    }

    private static Tab tab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    private void showStatus(StatusSnapshot s) {
        status.setText(StatusLine.text(s, display.format(), chart.barCount()));
        chart.showSynthetic(s.synthetic());
        rate.setText(String.format(Locale.ROOT, "%.1f decisions/s (%d)", s.decisionsPerSecond(), s.decisions()));
        connection.setText(s.connection());
        mode.setText(s.mode());
        feedBar.show(s.feed());
    }

    private void installShortcuts(Scene scene) {
        for (Shortcuts.Shortcut s : Shortcuts.ALL) {
            if (!s.combination().equals(PLAY_PAUSE)) {
                scene.getAccelerators().put(s.combination(), () -> run(s.action()));
            }
        }
        // Space plays or pauses wherever the focus is, except in a field being typed into. As an accelerator it came
        // after the focused control, which took it: a focused button fired (the ticket's Send would have sent an
        // order), the feed box opened on "Binance live"; and a space typed into a note paused the replay.
        scene.addEventFilter(KeyEvent.ANY, e -> {
            if (e.getCode() == KeyCode.SPACE && !e.isShortcutDown() && !e.isAltDown() && !(scene.getFocusOwner() instanceof TextInputControl)) {
                e.consume();
                if (e.getEventType() == KeyEvent.KEY_PRESSED) {
                    run("feed:toggle");
                }
            }
        });
    }

    /** Runs a shortcut's action (FX thread). */
    public void run(String action) {
        switch (action) {
            case "feed:toggle" -> feedBar.togglePlay();
            case "feed:faster" -> feedBar.stepSpeed(1);
            case "feed:slower" -> feedBar.stepSpeed(-1);
            case "chart:follow" -> chart.follow();
            case "train:now" -> training.trainNow();
            case "theme:toggle" -> setTheme("dark".equals(state.theme()) ? "light" : "dark");
            case "help" -> HelpDialog.create(stage).show();
            case "quit" -> stage.close();
            default -> {
                if (trading != null && trading.run(action)) {
                    return;
                }
                if (action.startsWith("tab:")) {
                    select(action.substring(4));
                }
            }
        }
    }

    /** A tab whose content is built the first time it is shown (the annotation workspace starts its own loading then). */
    private Tab lazyTab(String id, String title, Supplier<Node> content) {
        StackPane holder = new StackPane();
        Tab t = tab(id, title, holder);
        Runnable build = () -> {
            if (holder.getChildren().isEmpty()) {
                holder.getChildren().add(content.get());
            }
        };
        t.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                build.run();
            }
        });
        if (t.isSelected()) {
            build.run();
        }
        return t;
    }

    public void select(String tabId) {
        tabs.getTabs().stream().filter(t -> t.getId().equals(tabId)).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public void setTheme(String theme) {
        Themes.apply(theme);
        setChartTheme(theme);
        remember(state.withTheme(theme));
    }

    /** The chart's own colours and the marks drawn on it by the trading dock follow the app's theme. */
    private void setChartTheme(String theme) {
        chart.setTheme(theme);
        if (trading != null) {
            trading.setTheme(theme);
        }
    }

    public UiState state() {
        return state;
    }

    private void remember(UiState s) {
        state = s;
        UiState snapshot = s;
        presenters.run(() -> {
            try {
                store.save(snapshot);
            } catch (IOException e) {
                LOG.warn("could not save {}: {}", store.file(), e.toString());
            }
        });
    }

    /** Saves the window's geometry; called when the window closes (close button or Ctrl+Q). */
    public void saveGeometry() {
        if (!Double.isFinite(stage.getX()) || !Double.isFinite(stage.getY())) {
            return; // never placed: nothing worth remembering (a NaN would only be repaired on the next start)
        }
        state = state.withWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        try {
            store.save(state);
        } catch (IOException e) {
            LOG.warn("could not save {}: {}", store.file(), e.toString());
        }
    }

    public LiveChartView chart() {
        return chart;
    }

    public LiveInferenceView liveInferenceView() {
        return liveInferenceView;
    }

    public ModelTogglesView modelToggles() {
        return modelToggles;
    }

    public LivePresenter livePresenter() {
        return live;
    }

    public ModulePanelView modulesView() {
        return modulesView;
    }

    public TrainingView trainingView() {
        return trainingView;
    }

    public PortfolioView portfolioView() {
        return portfolioView;
    }

    /** The trading dock (ticket, blotter, order lines); null in remote mode. */
    public TradingDock trading() {
        return trading;
    }

    public BacktestView backtestView() {
        return backtestView;
    }

    public TabPane tabs() {
        return tabs;
    }

    public Stage stage() {
        return stage;
    }

    @Override
    public void close() {
        saveGeometry();
        pulse.stop();
        live.close();
        watchlist.close();
        modules.close();
        liveInference.close();
        training.close();
        portfolio.close();
        backtest.close();
        if (trading != null) {
            trading.close();
        }
        presenters.close();
    }
}
