package org.concord.app.trading;

import org.concord.annotate.DisplaySettings;
import org.concord.engine.TradingPipeline;
import org.concord.instrument.InstrumentRegistry;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.concord.app.live.LiveChartView;
import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderType;
import org.concord.model.Symbol;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Puts trading on the desk: the bot switch and the order ticket beside the live chart, the blotter below it (the
 * person's account or the orchestrator's), the order lines on the chart (a plugin of its own), the person's fills and
 * the bot's on its candles (a {@link FillMarks} each), a right-click menu on the chart, the PAPER/LIVE and bot badges
 * and the live switch. The window calls {@link #wrap} on its live view and {@link #run} for the trading shortcuts.
 */
public final class TradingDock implements AutoCloseable {
    private final TradingPipeline pipeline;
    private final TradingService service;
    private final Presenters presenters;
    private final LiveChartView chart;
    private final Supplier<Symbol> symbol;
    private final EventBus bus;
    private final Path dataDir;
    private final InstrumentRegistry instruments;
    private final Map<String, String> environment;
    private final OrderTicket ticket;
    private final Blotter blotter;
    private final OrderLinesPlugin lines;
    private final FillMarks fills;
    private final FillMarks botFills;
    private final ModeBadge statusBadge = new ModeBadge("trading-mode");
    private final BotBadge botBadge = new BotBadge();
    private final BotSwitch botSwitch;
    private final Button liveButton = new Button("Go LIVE…");
    private final Button paperButton = new Button("Back to PAPER");
    private final Button resetButton = new Button("Reset paper…");
    private TradingSnapshot last;
    private Window owner;

    public TradingDock(TradingPipeline pipeline, Presenters presenters, FxPulse pulse, LiveChartView chart, Supplier<Symbol> symbol, EventBus bus,
                       Path dataDir, InstrumentRegistry instruments, Map<String, String> environment, DisplaySettings display) {
        if (pipeline == null || presenters == null || pulse == null || chart == null || symbol == null || bus == null || dataDir == null
                || instruments == null || environment == null) {
            throw new IllegalArgumentException("pipeline, presenters, pulse, chart, symbol, bus, data directory, instruments and environment are required");
        }
        this.pipeline = pipeline;
        this.presenters = presenters;
        this.chart = chart;
        this.symbol = symbol;
        this.bus = bus;
        this.dataDir = dataDir;
        this.instruments = instruments;
        this.environment = environment;
        this.service = new TradingService(pipeline, presenters);
        this.ticket = new OrderTicket(service, symbol);
        this.blotter = new Blotter(service, display);
        this.lines = new OrderLinesPlugin(chart.priceAxis());
        this.fills = new FillMarks(FillMarkLook.PERSON, display, chart.timeAxis(), chart.priceAxis());
        this.botFills = new FillMarks(FillMarkLook.BOT, display, chart.timeAxis(), chart.priceAxis());
        // the person's dots over the bot's crosses: the bot's many fills never hide one of the person's
        chart.node().getRenderers().addAll(botFills.renderer(), fills.renderer());
        chart.onReload(() -> showFills(last));
        this.botSwitch = new BotSwitch(service::mode, service::switchBot, ticket::showResult);
        chart.node().getPlugins().add(lines);
        chart.setLabelObstacles(lines::labelBounds);
        lines.setOnMoved((line, price) -> {
            switch (line.kind()) {
                case ENTRY -> service.movePrice(line.clientOrderId(), price);
                case STOP_LOSS -> service.moveExit(line.clientOrderId(), true, price);
                case TAKE_PROFIT -> service.moveExit(line.clientOrderId(), false, price);
                default -> { }
            }
        });
        lines.setOnPricePicked(this::pricePicked);
        pulse.bind(service.snapshots(), this::show);
        pulse.bind(service.results(), ticket::showResult);
        liveButton.setId("trading-go-live");
        liveButton.setOnAction(e -> openLiveDialog());
        paperButton.setId("trading-back-to-paper");
        paperButton.setOnAction(e -> service.switchTo(null, null));
        paperButton.setVisible(false);
        paperButton.managedProperty().bind(paperButton.visibleProperty());
        resetButton.setId("trading-reset-paper");
        resetButton.setOnAction(e -> confirmReset());
        resetButton.managedProperty().bind(resetButton.visibleProperty());
    }

    /** "Reset paper account": asked once, then the account starts again at its initial cash (history archived). */
    private void confirmReset() {
        String cash = String.format("%,.2f %s", pipeline.config().broker().initialCash(), pipeline.config().broker().quoteAsset());
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Your paper account starts again at " + cash + ": no positions, orders or fills. "
                + "Its history is archived in the data directory, not deleted. The bot's account is not touched.", ButtonType.OK, ButtonType.CANCEL);
        a.setTitle("Reset paper account");
        a.setHeaderText("Reset your paper account?");
        a.getDialogPane().setId("paper-reset-confirm");
        a.initOwner(owner);
        if (a.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            service.resetPaper();
        }
    }

    /** The live view with the ticket on its right and the blotter under it. */
    public Node wrap(Node liveView) {
        BorderPane top = new BorderPane(liveView);
        // on a short window (768 px) the ticket scrolls between the bot switch and the live/reset buttons: the column's
        // height no longer decides the blotter's, which kept only its header row and no order
        ScrollPane form = new ScrollPane(ticket.node());
        form.setId("trading-ticket-scroll");
        form.setFitToWidth(true);
        form.setFitToHeight(true);
        form.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        form.getStyleClass().add("edge-to-edge");
        BorderPane side = new BorderPane(form);
        side.setTop(botSwitch.node());
        side.setBottom(new HBox(6, liveButton, paperButton, resetButton));
        top.setRight(side);
        SplitPane split = new SplitPane(top, blotter.node());
        split.setId("trading-split");
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        split.sceneProperty().addListener((o, a, s) -> {
            if (s != null) {
                s.windowProperty().addListener((o2, a2, w) -> owner = w);
                owner = s.getWindow();
            }
        });
        return split;
    }

    /** The PAPER/LIVE badge and the bot's mode, for the status bar. */
    public Node statusBadge() {
        HBox h = new HBox(6, botBadge.node(), statusBadge.node());
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /** Trading shortcuts: {@code ticket:buy}, {@code ticket:sell} (at the last price), {@code trading:live}. */
    public boolean run(String action) {
        switch (action) {
            case "ticket:buy" -> ticket.prepare(OrderSide.BUY, OrderType.LIMIT, lastPrice());
            case "ticket:sell" -> ticket.prepare(OrderSide.SELL, OrderType.LIMIT, lastPrice());
            case "trading:live" -> openLiveDialog();
            default -> {
                return false;
            }
        }
        return true;
    }

    private double lastPrice() {
        var c = chart.columns();
        return c.size() == 0 ? 0 : c.close(c.size() - 1);
    }

    private void pricePicked(double price, double x, double y) {
        // a spot account sells only what it holds: with none, a sell was offered here and then REJECTED ("cannot short")
        Symbol sym = symbol.get();
        boolean held = last != null && last.manual().positions().stream().anyMatch(p -> p.symbol().equals(sym) && p.quantity() > 0);
        String none = held ? "" : " (no " + sym + " held to sell)";
        MenuItem sellLimit = item("chart-sell-limit", "Sell limit @ " + Amounts.number(price) + none, OrderSide.SELL, OrderType.LIMIT, price);
        MenuItem sellStop = item("chart-sell-stop", "Sell stop @ " + Amounts.number(price) + none, OrderSide.SELL, OrderType.STOP, price);
        sellLimit.setDisable(!held);
        sellStop.setDisable(!held);
        ContextMenu menu = new ContextMenu(
                item("chart-buy-limit", "Buy limit @ " + Amounts.number(price), OrderSide.BUY, OrderType.LIMIT, price), sellLimit,
                item("chart-buy-stop", "Buy stop @ " + Amounts.number(price), OrderSide.BUY, OrderType.STOP, price), sellStop);
        menu.setId("chart-trade-menu");
        // the replay keeps refitting the price axis under the open menu: the crosshair keeps naming the menu's price
        chart.holdCrosshair(price);
        menu.setOnHidden(e -> chart.releaseCrosshair());
        menu.show(chart.node(), x, y);
    }

    private MenuItem item(String id, String text, OrderSide side, OrderType type, double price) {
        MenuItem m = new MenuItem(text);
        m.setId(id);
        m.setOnAction(e -> ticket.prepare(side, type, price));
        return m;
    }

    public void openLiveDialog() {
        new LiveModeDialog(owner, presenters, service, pipeline.venueGate(), bus, dataDir, instruments, environment, symbol.get()).show();
    }

    private void show(TradingSnapshot s) {
        // the service re-takes the accounts every half second for the marks; a paused replay changes nothing, and
        // re-filling five tables ten times a second kept a paused desk repainting
        boolean same = last != null && s.mode() == last.mode() && s.botMode() == last.botMode() && s.manual().equals(last.manual())
                && s.bot().equals(last.bot());
        last = s;
        if (same) {
            return;
        }
        statusBadge.show(s.mode());
        botSwitch.show(s.botMode());
        botBadge.show(s);
        ticket.show(s);
        blotter.show(s);
        showLines(s);
        showFills(s);
        paperButton.setVisible(s.mode().live());
        liveButton.setVisible(!s.mode().live());
        resetButton.setVisible(!s.mode().live()); // only the paper account can be started again
        if (owner instanceof Stage st) {
            String t = st.getTitle() == null ? "" : st.getTitle().replaceFirst("^\\[LIVE[^]]*] ", "");
            st.setTitle(s.mode().live() ? "[" + s.mode().badge() + "] " + t : t);
        }
    }

    /** The bot's marks in the colours of the app's theme ("dark" or "light"). FX thread. */
    public void setTheme(String theme) {
        botFills.setLook("light".equals(theme) ? FillMarkLook.BOT_ON_LIGHT : FillMarkLook.BOT);
    }

    /**
     * The chart shows another symbol (a watchlist click, the toolbar): the ticket's symbol and the chart's order lines
     * follow at once, not at the next snapshot that differs (a paused replay sends none). FX thread.
     */
    public void symbolChanged() {
        ticket.symbolChanged();
        if (last != null) {
            showLines(last);
            showFills(last);
        }
    }

    /** The person's fills and the bot's of the chart's symbol, on the chart's candles (none before the first snapshot). */
    private void showFills(TradingSnapshot s) {
        if (s != null) {
            fills.show(s.manual().fills(), symbol.get(), chart.timeframe());
            botFills.show(s.bot().fills(), symbol.get(), chart.timeframe());
        }
    }

    /** The order lines of the chart's symbol: those near the bars fitted in the price axis, far ones at its edge. */
    private void showLines(TradingSnapshot s) {
        List<OrderLine> shown = OrderLine.of(s, symbol.get());
        lines.show(shown);
        chart.keepInView(shown.stream().mapToDouble(OrderLine::price).filter(Double::isFinite).toArray());
    }

    public TradingService service() {
        return service;
    }

    public OrderTicket ticket() {
        return ticket;
    }

    public Blotter blotter() {
        return blotter;
    }

    public OrderLinesPlugin lines() {
        return lines;
    }

    FillMarks fills() {
        return fills;
    }

    public FillMarks botFills() {
        return botFills;
    }

    public ModeBadge badge() {
        return statusBadge;
    }

    public TradingSnapshot lastShown() {
        return last;
    }

    @Override
    public void close() {
        service.close();
    }
}
