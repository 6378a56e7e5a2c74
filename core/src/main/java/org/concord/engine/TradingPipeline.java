package org.concord.engine;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.config.TradingSettings;
import org.concord.coordination.CoordinationEngine;
import org.concord.coordination.MarketConditions;
import org.concord.coordination.Retention;
import org.concord.coordination.Signal;
import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.execution.AccountView;
import org.concord.execution.Broker;
import org.concord.execution.CombinedAccount;
import org.concord.execution.PaperAccountStore;
import org.concord.execution.PaperBroker;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.SizingConfig;
import org.concord.execution.binance.BinanceSpotBroker;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.StateVector;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.risk.CorrelationAnalyzer;
import org.concord.risk.UnifiedRiskManager;
import org.concord.threads.CallbackArray;
import org.concord.threads.OwnedLong;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one trading pipeline, live and in backtests: orchestrator decisions → coordination (allocation, alignment,
 * conflicts, sizing) → unified risk → a {@link Broker}.
 *
 * <p><b>Two accounts.</b> The orchestrator trades through its {@link BotAccount}: its own {@link PaperBroker} (or, in
 * {@link BotMode#LIVE}, the connected venue), switched by a {@link BotMode} (OFF: decisions are made, nothing is sent).
 * A desk pipeline ({@link #live}) also holds the person's <em>manual</em> account: a paper broker of its own, or the
 * venue after {@link #useVenue}. A backtest pipeline ({@link #synchronous}) has only the bot's account, trading.
 *
 * <p><b>Risk.</b> One unified risk manager guards the paper accounts together: its order gate sees a
 * {@link CombinedAccount} of the manual and the bot paper accounts (positions and working orders summed, limits as
 * fractions of their summed equity, one drawdown over that sum), so every order of either account keeps the whole
 * within the limits. Each account is also judged alone, before the pool's gate ({@link PaperRisk}): the bot's plan
 * (sizing cut by exposure, drawdown scaling) and each of its orders, and each of the person's orders, by a risk manager
 * of the account's own with the same limits.
 * So the person's idle cash never makes room for the bot, the person's positions can still refuse it, and with the
 * person's account idle the bot trades on the desk exactly as in a backtest of the same data ({@code NodeParityTest}). A venue account is
 * real money: it has a risk manager of its own ({@link #venueGate}), which a LIVE bot's engine shares, so simulated
 * money never makes room for real orders and the paper peak never halts the venue.
 *
 * <p><b>Single writer.</b> Bar closes and decisions are handled on one thread, in arrival order. {@link #live} runs
 * them on its own {@code concord-pipeline} thread (the feed and decision threads only hand over); {@link #synchronous}
 * runs them on the caller's thread (backtests: deterministic, nothing queued). Either way a bar's close must reach the
 * pipeline before the decision made on it: {@link #subscribe} to the DataProvider before the orchestrator starts
 * (listeners run in subscription order), then {@link #attach} the orchestrator. Per bar of the decision timeframe:
 * the paper brokers fill (orders sent on an earlier bar fill at this bar's open: no lookahead), then the coordination
 * engines (marks, regime, allocation, equity, due slices), then the bar hooks (e.g. a portfolio publisher). Per
 * decision, when the bot trades: every source's own signal in its own bucket ({@link DecisionSignals}), the market
 * conditions of the decision's state vector (VPIN, the macro entry gate:
 * {@link MarketConditions}), then {@code engine.decide}.
 *
 * <p>Failures are logged, counted and the first one kept ({@link #failures()}): a live desk keeps running; a backtest
 * refuses to report a run with failures.
 *
 * <p><b>Venue.</b> A live pipeline can move the manual account to a venue such as {@link BinanceSpotBroker}
 * ({@link #useVenue}, on its thread, between two bars) and back to its paper account; the bot may then be switched to
 * LIVE on that venue (it gets its own coordination engine there, books starting empty). A venue broker applies what
 * its user-data stream queued when polled: the live thread polls it every 250 ms.
 */
public final class TradingPipeline implements AutoCloseable, BarListener {
    /** The person's paper account's name in a {@link PaperAccountStore}. */
    public static final String MANUAL_ACCOUNT = "manual";
    /** Samples a live pipeline's coordination histories keep (the desk's portfolio view shows as many). */
    static final int LIVE_HISTORY = 20_000;

    /** Runs on the pipeline thread after a decision-timeframe bar went through the brokers and the engines. */
    @FunctionalInterface
    public interface BarHook {
        void afterBar(Symbol symbol, long closeTime);
    }

    private final TradingPipelineConfig config;
    private final Timeframe tf;
    private final EventBus bus;
    private final PaperRisk risk;
    private final DeskVenue venue;
    private final PersonAccount person; // null: a backtest has no person
    private final BotAccount bot;
    private final DecisionSignals signals;
    private final MarketConditions conditions = new MarketConditions();
    private final PipelineThread thread;
    private final EventGate gate;
    private final CallbackArray<BarHook> hooks = new CallbackArray<>(BarHook[]::new);
    private final List<Subscription> subscriptions = new ArrayList<>();
    // what a trader set in the desk since the start (apply); new engines (a venue's) size with it too
    private volatile SizingConfig sizing;
    private final OwnedLong bars = new OwnedLong(); // the pipeline thread's counters
    private final OwnedLong decisions = new OwnedLong();
    private final PipelineFailures failures = new PipelineFailures();
    private volatile boolean closed;
    /** What the coordination keeps of its histories: all of them in a backtest, the newest on a live desk. */
    private final Retention retention;

    private TradingPipeline(TradingPipelineConfig config, EventBus bus, boolean live, BotModeStore store, PaperAccountStore accounts) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        this.config = config;
        this.retention = live ? Retention.newest(LIVE_HISTORY) : Retention.ALL;
        this.tf = config.timeframe();
        this.bus = bus;
        this.sizing = config.coordination().sizing();
        this.risk = new PaperRisk(this::newRisk, live);
        this.venue = new DeskVenue(newRisk());
        this.signals = new DecisionSignals(config);
        PaperBroker botPaper = new PaperBroker(config.broker(), risk.botGate(), bus);
        // restored before any bar or order can reach it (the pipeline thread is not started yet)
        this.person = live ? new PersonAccount(new PaperBroker(config.broker(), risk.personGate(), bus), accounts) : null;
        risk.over(live ? new CombinedAccount(List.of(person.paper(), botPaper)) : botPaper);
        this.bot = new BotAccount(botPaper, engineFor(botPaper, risk.bot(), null), !live ? BotMode.PAPER : store == null ? BotMode.OFF : store.startMode(),
                live ? store : null);
        this.thread = live ? PipelineThread.own() : PipelineThread.callers();
        this.gate = live ? EventGate.desk(tf) : EventGate.backtest(tf);
        if (thread.isOwn()) {
            thread.every(250, venue::poll);
        }
    }

    private UnifiedRiskManager newRisk() {
        return new UnifiedRiskManager(config.riskLimits(), tf, new CorrelationAnalyzer(config.correlationWindow(), config.correlationMinPairs()), bus);
    }

    private CoordinationEngine engineFor(Broker b, UnifiedRiskManager r, AccountView riskView) {
        CoordinationEngine e = new CoordinationEngine(config.coordination(), b, r, config.reference(), bus, riskView);
        e.setSizing(sizing);
        e.keep(retention);
        signals.fusedAdapters().forEach(e::registerAdapter);
        return e;
    }

    /**
     * A desk pipeline with its own thread (the desk, {@code concord serve}): the person's paper account, kept in
     * {@code accounts} (restored from it now, every fill and order change written to it; null: in memory only), and
     * the bot's account (not kept), the bot switch read from (and written to) {@code store} (null: starts OFF).
     */
    public static TradingPipeline live(TradingPipelineConfig config, EventBus bus, BotModeStore store, PaperAccountStore accounts) {
        return new TradingPipeline(config, bus, true, store, accounts);
    }

    /** A pipeline that runs on the caller's thread (backtests): the bot trades its paper account; no manual account. */
    public static TradingPipeline synchronous(TradingPipelineConfig config, EventBus bus) {
        return new TradingPipeline(config, bus, false, null, null);
    }

    // ---------------------------------------------------------------- wiring

    /** Takes {@code data}'s bar closes. Call it before the orchestrator subscribes (before {@code orch.start()}). */
    public synchronized TradingPipeline subscribe(DataProvider data) {
        if (data == null) {
            throw new IllegalArgumentException("data is null");
        }
        subscriptions.add(data.subscribeBarCloses(this));
        return this;
    }

    /**
     * Takes trading-settings commands from the bus ({@link TradingSettingsHandler}): accepted ones are written to
     * {@code configFile}'s {@code trading:} section and applied here. Stops with the pipeline.
     */
    public synchronized TradingPipeline acceptSettingsCommands(Path configFile) {
        if (bus == null) {
            throw new IllegalStateException("a pipeline without a bus takes no commands");
        }
        TradingSettingsHandler h = new TradingSettingsHandler(bus, this, configFile);
        subscriptions.add(h::close);
        return this;
    }

    /**
     * Routes {@code orch}'s decisions, with the state vector each was made on, into coordination; close the answer to
     * stop (a preset switch replaces the orchestrator, the pipeline stays).
     */
    public Subscription attach(TradingOrchestrator orch) {
        if (orch == null) {
            throw new IllegalArgumentException("orchestrator is null");
        }
        // the state vector is read here, on the decision thread, while it is still this decision's
        return orch.onDecision(d -> onDecision(d, orch.lastState(d.symbol())));
    }

    /** Adds a hook run after every decision-timeframe bar, on the pipeline's thread. */
    public Subscription onBar(BarHook hook) {
        if (hook == null) {
            throw new IllegalArgumentException("hook is null");
        }
        hooks.add(hook);
        return () -> hooks.remove(hook);
    }

    /**
     * Bars and decisions before {@code time} (epoch ms, a bar close) are ignored: a walk-forward test window trades
     * from its start while the orchestrator already saw (and learned on) the training window.
     */
    public void tradeFrom(long time) {
        gate.tradeFrom(time);
    }

    // ---------------------------------------------------------------- input

    @Override
    public void onBarClose(Symbol s, Timeframe t, long openTime, double o, double h, double l, double c, double v) {
        if (!gate.takesBar(s, t, openTime)) {
            return;
        }
        if (thread.isOwn()) {
            thread.run(() -> bar(s, t, openTime, o, h, l, c, v));
        } else {
            bar(s, t, openTime, o, h, l, c, v); // a backtest: on the caller's thread, no task object per bar
        }
    }

    /** A decision of the orchestrator without its state vector (no market conditions). */
    public void onDecision(Decision d) {
        onDecision(d, null);
    }

    /** A decision of the orchestrator and the state vector it was made on (normally through {@link #attach}). */
    public void onDecision(Decision d, StateVector state) {
        if (d == null) {
            throw new IllegalArgumentException("decision is null");
        }
        if (!gate.takesDecision(d.time())) {
            return;
        }
        if (thread.isOwn()) {
            thread.run(() -> decide(d, state));
        } else {
            decide(d, state);
        }
    }

    /** A bar that marks and fills the paper accounts; of the decision timeframe, it also drives the engines and hooks. */
    private void bar(Symbol s, Timeframe t, long openTime, double o, double h, double l, double c, double v) {
        if (gate.skipsBar(s, openTime, t.closeTime(openTime))) {
            return;
        }
        try {
            if (person != null) {
                person.paper().onMarketBar(s, t, openTime, o, h, l, c, v);
            }
            bot.onBar(s, t, openTime, o, h, l, c, v);
            if (t != tf) {
                return; // a symbol without bars of the decision timeframe (FillTimeframes): marks and fills only
            }
            if (person != null) { // only a desk's manual account can go to a venue: a backtest has none to warm
                venue.onBarClose(s, tf, openTime, o, h, l, c, v);
            }
            bars.increment();
            long close = tf.closeTime(openTime);
            for (BarHook hook : hooks.items()) {
                hook.afterBar(s, close);
            }
        } catch (RuntimeException e) {
            failures.fail("the " + s + " bar at " + openTime, e);
        }
    }

    private void decide(Decision d, StateVector state) {
        if (gate.skipsDecision(d.symbol(), d.time())) {
            return;
        }
        try {
            if (!bot.mode().trades()) {
                bot.decide(d.time(), List.of()); // counted as seen; nothing is planned or sent
                return;
            }
            List<Signal> planned = signals.of(d);
            conditions.apply(d.symbol(), state, bot.engine());
            if (bot.decide(d.time(), planned)) {
                decisions.increment();
            }
        } catch (RuntimeException e) {
            failures.fail("decision #" + d.seq(), e);
        }
    }

    // ---------------------------------------------------------------- the desk: manual orders, paper / venue

    /**
     * Runs {@code task} on the pipeline's thread after what is queued there (bars, decisions); on the caller's
     * thread for a synchronous pipeline. Broker calls from the desk go through here: brokers are single-threaded.
     */
    public void execute(Runnable task) {
        if (task == null) {
            throw new IllegalArgumentException("task is required");
        }
        thread.ask("a desk task on the trading pipeline", () -> {
            task.run();
            return null;
        });
    }

    /**
     * Moves the person's account to {@code venue} (connected, built with {@link #venueGate()}), or back to the manual
     * paper account when {@code venue} is null. Runs on the pipeline's thread, between two bars. With a venue the bot
     * may be switched to LIVE on it; going back to paper switches a LIVE bot OFF and closes the venue adapter.
     */
    public void useVenue(Broker next) {
        person(); // a backtest has none to take to a venue
        if (next instanceof PaperBroker) {
            throw new IllegalArgumentException("a venue is not a paper broker");
        }
        thread.run(() -> venue.switchTo(next, bot, b -> engineFor(b, venue.risk(), null)));
    }

    /**
     * Starts the person's paper account again at its initial cash (no orders, fills or positions), on the pipeline's
     * thread between two events; a kept account's history is archived in the store, not deleted, and the pool's
     * drawdown peak starts again (the account's earlier equity is no peak to fall from). Refused while the person
     * trades at a venue. The answer (what happened) completes on the pipeline's thread.
     */
    public CompletableFuture<String> resetManualPaper() {
        PersonAccount p = person();
        return thread.ask("the paper account's reset", () -> resetPerson(p));
    }

    /**
     * Restarts the paper session for a seek back in the replay (positions would be marked at earlier prices): each
     * symbol's data of {@code to} goes back to its own time there (the bundled market's one clock: the tape's instant,
     * the open of the first bar a bar replay delivers then). The person's account is reset as above, the bot's starts
     * again at its initial cash with a fresh engine (books, allocation and curves emptied), and each symbol's
     * old-timeline bars and decisions still on their way are kept from both until its data is there
     * ({@link EventGate}). Refused, nothing changed, while the person trades at a venue.
     */
    public CompletableFuture<String> restartPaperSession(Map<Symbol, Long> to) {
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("the symbols that go back are required");
        }
        PersonAccount p = person();
        Map<Symbol, Long> points = Map.copyOf(to);
        return thread.ask("the paper session's restart", () -> {
            String done = resetPerson(p);
            risk.bot().drawdown().restart();
            gate.restarted(points);
            return done + "; " + bot.restartPaper(engineFor(bot.paper(), risk.bot(), null));
        });
    }

    private String resetPerson(PersonAccount p) {
        if (venue.broker() != null) {
            throw new IllegalStateException("the person's account is at a venue: go back to paper first");
        }
        String done = p.reset();
        risk.personReset();
        return done;
    }

    /**
     * Switches the orchestrator's trading (on the pipeline's thread, between two events). Leaving a mode drops the
     * slices its engine still had queued; orders already at a broker stay there. LIVE is refused unless a venue is
     * connected (the desk also asks the person to confirm). The answer completes on the pipeline's thread.
     */
    public CompletableFuture<BotModeChange> switchBot(BotMode next) {
        if (next == null) {
            throw new IllegalArgumentException("bot mode is required");
        }
        return thread.ask("bot switch to " + next, () -> bot.switchTo(next));
    }

    /**
     * Replaces the risk limits (of the paper accounts' and the venue's risk managers) and the sizing method of the
     * bot's engines, on the pipeline's thread between two events: the next order and the next decision use them.
     * The answer (the settings now in force) completes on the pipeline's thread.
     */
    public CompletableFuture<TradingSettings> apply(TradingSettings next) {
        if (next == null) {
            throw new IllegalArgumentException("settings are required");
        }
        return thread.ask("applying trading settings", () -> {
            risk.setLimits(next.limits());
            venue.risk().setLimits(next.limits());
            sizing = sizing.withMethod(next.sizing());
            bot.setSizing(sizing);
            return settings();
        });
    }

    /** The risk limits and sizing method in force now. */
    public TradingSettings settings() {
        return new TradingSettings(risk.pool().limits(), sizing.method());
    }

    /** The gate a venue broker is built with: the venue's own risk manager, over the venue account. */
    public PreTradeCheck venueGate() {
        return venue.gate();
    }

    /** Waits until everything handed over so far is processed (immediately true for a synchronous pipeline). */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        return thread.awaitIdle(timeout, unit);
    }

    // ---------------------------------------------------------------- queries

    public TradingPipelineConfig config() {
        return config;
    }

    /** The person's account: the manual paper broker, or the venue after {@link #useVenue}. */
    public Broker manualBroker() {
        Broker v = venue.broker();
        return v != null ? v : person().paper();
    }

    /** The person's paper account (also while the manual account is at a venue). */
    public PaperBroker manualPaper() {
        return person().paper();
    }

    private PersonAccount person() {
        if (person == null) {
            throw new IllegalStateException("a backtest pipeline has no manual account");
        }
        return person;
    }

    /** The orchestrator's trading: its mode, its account, its engines. */
    public BotAccount bot() {
        return bot;
    }

    public BotMode botMode() {
        return bot.mode();
    }

    /** The paper accounts' order gate (both accounts together); the bot's plan check is {@code engine().risk()}, the venue's {@link #venueGate()}. */
    public UnifiedRiskManager risk() {
        return risk.pool();
    }

    /** The coordination engine that trades for the bot now (a backtest's engine). */
    public CoordinationEngine engine() {
        return bot.engine();
    }

    public boolean isLive() {
        return thread.isOwn();
    }

    /** Decision-timeframe bars processed. */
    public long bars() {
        return bars.get();
    }

    /** Decisions routed into coordination (none while the bot is OFF: {@link BotAccount#decisionsWhileOff()}). */
    public long decisions() {
        return decisions.get();
    }

    public long failures() {
        return failures.count();
    }

    /** The first failure, or null. */
    public RuntimeException firstFailure() {
        return failures.first();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscriptions.forEach(Subscription::close);
        thread.close();
        if (person != null) {
            person.close(); // after the thread: nothing journals any more, and what it queued is written now
        }
        DeskVenue.close(venue.broker());
    }
}
