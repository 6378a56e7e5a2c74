package org.concord.engine;

import org.concord.bus.EventBus;
import org.concord.coordination.CoordinationEngine;
import org.concord.coordination.PredictionAdapter;
import org.concord.coordination.Signal;
import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.data.Subscription;
import org.concord.execution.Broker;
import org.concord.execution.PaperBroker;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.binance.BinanceSpotBroker;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.risk.CorrelationAnalyzer;
import org.concord.risk.UnifiedRiskManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * The one trading pipeline, live and in backtests: orchestrator decisions → coordination (allocation, alignment,
 * conflicts, sizing) → unified risk → a {@link Broker} (the {@link PaperBroker} unless another is given).
 *
 * <p><b>Single writer.</b> Bar closes and decisions are handled on one thread, in arrival order. {@link #live} runs
 * them on its own {@code concord-pipeline} thread (the feed and decision threads only hand over); {@link #synchronous}
 * runs them on the caller's thread (backtests: deterministic, nothing queued). Either way a bar's close must reach the
 * pipeline before the decision made on it: {@link #subscribe} to the DataProvider before the orchestrator starts
 * (listeners run in subscription order), then {@link #attach} the orchestrator. Per bar of the decision timeframe:
 * broker fills (a {@link PaperBroker} fills orders sent on an earlier bar at this bar's open: no lookahead), then the
 * coordination engine (marks, regime, allocation, equity, due slices), then the bar hooks (e.g. a portfolio publisher).
 * Per decision: one signal per configured horizon, then {@code engine.decide}.
 *
 * <p>Failures are logged, counted and the first one kept ({@link #failures()}): a live desk keeps running; a backtest
 * refuses to report a run with failures.
 *
 * <p><b>Paper and venue.</b> A live pipeline can switch its broker ({@link #useBroker}: paper ↔ a venue such as
 * {@link BinanceSpotBroker}) on its thread, between two bars; the orchestrator's orders and the desk's manual ones
 * then go to the new broker, through the same risk gate. A venue's account is not the paper one, so it gets its own
 * coordination engine (books start empty); the paper engine is kept for "back to paper". A venue broker applies
 * what its user-data stream queued when polled: the live thread polls it every 250 ms.
 */
public final class TradingPipeline implements AutoCloseable, BarListener {
    private static final Logger LOG = LoggerFactory.getLogger(TradingPipeline.class);

    /** Runs on the pipeline thread after a decision-timeframe bar went through the broker and the engine. */
    @FunctionalInterface
    public interface BarHook {
        void afterBar(Symbol symbol, long closeTime);
    }

    private final TradingPipelineConfig config;
    private final Timeframe tf;
    private final UnifiedRiskManager risk;
    private final EventBus bus;
    private final Broker paper;
    private final CoordinationEngine paperEngine;
    // swapped together on the pipeline thread by useBroker; volatile for readers on other threads
    private volatile Broker broker;
    private volatile BarListener brokerBars;
    private volatile CoordinationEngine engine;
    private final PredictionAdapter[] adapters;
    private final int[] horizons;
    private final ScheduledExecutorService thread;
    private final List<BarHook> hooks = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions = new ArrayList<>();
    private volatile long tradeFrom = Long.MIN_VALUE;
    private volatile long bars;
    private volatile long decisions;
    private volatile long failures;
    private volatile RuntimeException firstFailure;
    private volatile boolean closed;

    private TradingPipeline(TradingPipelineConfig config, EventBus bus, BiFunction<PreTradeCheck, EventBus, Broker> brokers, boolean live) {
        if (config == null || brokers == null) {
            throw new IllegalArgumentException("config and broker factory are required");
        }
        this.config = config;
        this.tf = config.timeframe();
        this.risk = new UnifiedRiskManager(config.riskLimits(), tf,
                new CorrelationAnalyzer(config.correlationWindow(), config.correlationMinPairs()), bus);
        this.bus = bus;
        this.paper = brokers.apply(risk.preTradeCheck(), bus);
        if (paper == null) {
            throw new IllegalArgumentException("the broker factory returned null");
        }
        this.horizons = config.horizons().stream().mapToInt(Integer::intValue).toArray();
        this.adapters = new PredictionAdapter[horizons.length];
        for (int i = 0; i < horizons.length; i++) {
            adapters[i] = new PredictionAdapter(config.sourceId(i), config.signalSize());
        }
        this.paperEngine = engineFor(paper);
        wire(paper, paperEngine);
        this.thread = live ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "concord-pipeline");
            t.setDaemon(true);
            return t;
        }) : null;
        if (thread != null) {
            thread.scheduleWithFixedDelay(this::pollVenue, 250, 250, TimeUnit.MILLISECONDS);
        }
    }

    private CoordinationEngine engineFor(Broker b) {
        CoordinationEngine e = new CoordinationEngine(config.coordination(), b, risk, config.reference(), bus);
        for (PredictionAdapter a : adapters) {
            e.registerAdapter(a);
        }
        return e;
    }

    private void wire(Broker b, CoordinationEngine e) {
        // a paper broker fills on our bars; a venue broker gets its fills from the venue
        this.brokerBars = b instanceof BarListener l ? l : null;
        this.engine = e;
        this.broker = b;
    }

    /** A pipeline with its own thread (the desk, {@code concord serve}) over a {@link PaperBroker}. */
    public static TradingPipeline live(TradingPipelineConfig config, EventBus bus) {
        return new TradingPipeline(config, bus, (check, b) -> new PaperBroker(config.broker(), check, b), true);
    }

    /** A pipeline with its own thread over the broker {@code brokers} builds around the risk manager's order gate. */
    public static TradingPipeline live(TradingPipelineConfig config, EventBus bus, BiFunction<PreTradeCheck, EventBus, Broker> brokers) {
        return new TradingPipeline(config, bus, brokers, true);
    }

    /** A pipeline that runs on the caller's thread (backtests) over a {@link PaperBroker}. */
    public static TradingPipeline synchronous(TradingPipelineConfig config, EventBus bus) {
        return new TradingPipeline(config, bus, (check, b) -> new PaperBroker(config.broker(), check, b), false);
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

    /** Routes {@code orch}'s decisions into coordination. */
    public synchronized TradingPipeline attach(TradingOrchestrator orch) {
        if (orch == null) {
            throw new IllegalArgumentException("orchestrator is null");
        }
        subscriptions.add(orch.onDecision(this::onDecision));
        return this;
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
        this.tradeFrom = time;
    }

    // ---------------------------------------------------------------- input

    @Override
    public void onBarClose(Symbol s, Timeframe t, long openTime, double o, double h, double l, double c, double v) {
        if (t != tf || t.closeTime(openTime) <= tradeFrom) {
            return;
        }
        run(() -> bar(s, openTime, o, h, l, c, v));
    }

    /** A decision of the orchestrator (normally through {@link #attach}). */
    public void onDecision(Decision d) {
        if (d == null) {
            throw new IllegalArgumentException("decision is null");
        }
        if (d.time() <= tradeFrom) {
            return;
        }
        run(() -> decide(d));
    }

    private void run(Runnable r) {
        if (thread == null) {
            r.run();
            return;
        }
        try {
            thread.execute(r);
        } catch (RejectedExecutionException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    private void bar(Symbol s, long openTime, double o, double h, double l, double c, double v) {
        try {
            if (brokerBars != null) {
                brokerBars.onBarClose(s, tf, openTime, o, h, l, c, v);
            }
            engine.onBarClose(s, tf, openTime, o, h, l, c, v);
            bars++;
            long close = tf.closeTime(openTime);
            for (BarHook hook : hooks) {
                hook.afterBar(s, close);
            }
        } catch (RuntimeException e) {
            fail("the " + s + " bar at " + openTime, e);
        }
    }

    private void decide(Decision d) {
        try {
            List<Signal> signals;
            if (d.action() == Action.HOLD) {
                signals = List.of();
            } else {
                double conf = Math.min(1, Math.max(0, d.confidence()));
                signals = new ArrayList<>(horizons.length);
                for (int i = 0; i < horizons.length; i++) {
                    Prediction p = new Prediction(adapters[i].sourceId(), d.symbol(), d.time(), d.action(), conf, d.timeframe(),
                            horizons[i], d.fusion());
                    signals.add(adapters[i].adapt(p, d.time()));
                }
            }
            engine.decide(d.time(), signals);
            decisions++;
        } catch (RuntimeException e) {
            fail("decision #" + d.seq(), e);
        }
    }

    private void fail(String what, RuntimeException e) {
        failures++;
        if (firstFailure == null) {
            firstFailure = e;
        }
        LOG.error("trading pipeline failed on {}: {}", what, e.toString(), e);
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
        run(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("desk task on the trading pipeline failed: {}", e.toString(), e);
            }
        });
    }

    /**
     * Makes {@code next} the broker of the orchestrator's and the desk's orders, or goes back to the paper broker
     * the pipeline started with when {@code next} is null. Runs on the pipeline's thread; a venue broker replaced
     * is closed.
     */
    public void useBroker(Broker next) {
        run(() -> {
            Broker old = broker;
            Broker target = next == null ? paper : next;
            if (old == target) {
                return;
            }
            wire(target, target == paper ? paperEngine : engineFor(target));
            LOG.warn("trading pipeline now trades through {} (was {})", target.getClass().getSimpleName(), old.getClass().getSimpleName());
            closeVenue(old);
        });
    }

    /** The broker the pipeline started with (the paper one unless a factory said otherwise). */
    public Broker paperBroker() {
        return paper;
    }

    /** The risk gate every broker of this pipeline is built with (a venue broker for "go live" takes the same one). */
    public PreTradeCheck preTradeCheck() {
        return risk.preTradeCheck();
    }

    private void pollVenue() {
        if (broker instanceof BinanceSpotBroker spot) {
            try {
                spot.poll();
            } catch (RuntimeException e) {
                LOG.warn("venue poll failed: {}", e.toString());
            }
        }
    }

    private void closeVenue(Broker b) {
        if (b != paper && b instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing the venue broker: {}", e.toString());
            }
        }
    }

    /** Waits until everything handed over so far is processed (immediately true for a synchronous pipeline). */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        if (thread == null) {
            return true;
        }
        CountDownLatch done = new CountDownLatch(1);
        try {
            thread.execute(done::countDown);
        } catch (RejectedExecutionException e) {
            return true;
        }
        return done.await(timeout, unit);
    }

    // ---------------------------------------------------------------- queries

    public TradingPipelineConfig config() {
        return config;
    }

    public Broker broker() {
        return broker;
    }

    public UnifiedRiskManager risk() {
        return risk;
    }

    public CoordinationEngine engine() {
        return engine;
    }

    public boolean isLive() {
        return thread != null;
    }

    /** Decision-timeframe bars processed. */
    public long bars() {
        return bars;
    }

    /** Decisions routed into coordination. */
    public long decisions() {
        return decisions;
    }

    public long failures() {
        return failures;
    }

    /** The first failure, or null. */
    public RuntimeException firstFailure() {
        return firstFailure;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        subscriptions.forEach(Subscription::close);
        if (thread != null) {
            thread.shutdown();
            try {
                if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                    LOG.warn("trading pipeline thread still busy after 2 s; left to finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeVenue(broker);
    }
}
