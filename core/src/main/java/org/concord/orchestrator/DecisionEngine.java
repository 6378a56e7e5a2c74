package org.concord.orchestrator;

import org.concord.data.DataProvider;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleState;
import org.concord.threads.OwnedLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What happens to one event on the decision thread: dispatch to the modules that asked for it and, for a decision
 * bar close, mature outcomes → build the state vector → collect predictions → fuse → publish → learning hooks.
 * Every module/model call is guarded ({@link Guard}). The work on one event is resumable (phase + index) so that a
 * fresh thread can finish it after the watchdog replaced a thread stuck in a hung module.
 *
 * <p>Single writer: everything here is touched only by the decision thread (or, in synchronous mode, by the caller
 * under the loop's lock). Other threads talk to it through {@link #post} (commands applied between two events).
 */
final class DecisionEngine {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionEngine.class);
    private static final int P_DISPATCH = 0;
    private static final int P_MATURE = 1;
    private static final int P_FEATURES = 2;
    private static final int P_PREDICT = 3;
    private static final int P_MODELS = 4;
    private static final int P_FUSE = 5;
    private static final int P_PUBLISH = 6;
    private static final int P_LEARN = 7;
    private static final int P_DONE = 8;
    private static final SourceSlot[] NONE = new SourceSlot[0];
    /** Bars per symbol and timeframe kept for warm-ups (a module's warmupBars beyond it are cut to it). */
    static final int HISTORY_BARS = 2_048;

    final SourceRegistry registry;
    final Guard guard;
    private final OrchestratorConfig baseConfig;
    private final Timeframe decisionTf;
    private final Map<Symbol, Integer> symbolIndex = new HashMap<>();
    private final DecisionFusion rule;
    private final boolean adaptive;
    final PerformanceTracker tracker;
    // the fusion's look-ups made once: a bound method reference written at the call allocates on every decision
    private final DecisionFusion.Weights weights = this::weight;
    private final DecisionFusion.Holdings holdings = this::holding;
    private final Publisher publisher;
    private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
    private final BarHistory history;
    /**
     * Per decision symbol (by index), the state vector its last decision was made on: the decision thread stores it
     * with release semantics before it publishes the decision, a listener or status reader loads it with acquire (a
     * concurrent map's put per decision was 2 % of an EMA-cross backtest).
     */
    private final AtomicReferenceArray<StateVector> lastStates;

    // layout (rebuilt between events when a state changed)
    private SourceSlot[] active = NONE;
    private SourceSlot[] models = NONE;
    private int[] offsets = new int[0];
    private List<String> names = List.of();
    private double[] stateBuf = new double[0];
    private long layoutVersion;
    private volatile boolean[] wanted;
    /** Timeframes dispatched whatever the modules ask for (the frame windows of attached training models). */
    private final boolean[] required = new boolean[Timeframe.all().length];

    // the event in flight (resumable)
    private LoopEvent ev;
    private int phase;
    private int index;
    private StateVector state;
    private boolean learning; // whether a running source learns from outcomes, as of this decision
    private final List<Prediction> preds = new ArrayList<>();
    private List<DecisionOutcome> outcomes = List.of();
    private DecisionFusion.Fused fused;
    private FusionResult result;
    // the decision thread's; a status or a command reads them from another thread
    private final OwnedLong seq = new OwnedLong();
    private final OwnedLong clock = new OwnedLong(Long.MIN_VALUE);

    /** Where decisions and state changes go (listeners and the bus). */
    interface Publisher {
        void decision(Decision d);

        void stateChanged(ModuleStateChanged change);
    }

    DecisionEngine(OrchestratorConfig config, DataProvider data, SourceRegistry registry, Publisher publisher, GuardClocks clocks) {
        this.baseConfig = config;
        this.registry = registry;
        this.publisher = publisher;
        this.decisionTf = config.decisionTimeframe();
        for (Symbol s : config.symbols()) {
            symbolIndex.put(s, symbolIndex.size());
        }
        this.lastStates = new AtomicReferenceArray<>(symbolIndex.size());
        this.history = new BarHistory(config.symbols(), HISTORY_BARS);
        this.wanted = new boolean[Timeframe.all().length];
        this.wanted[decisionTf.ordinal()] = true;
        OrchestratorConfig.Fusion f = config.fusion();
        this.rule = new DecisionFusion(f.buyThreshold(), f.sellThreshold(), f.minConfidence());
        this.adaptive = f.adaptiveWeights();
        OrchestratorConfig.Performance p = config.performance();
        this.tracker = new PerformanceTracker(p.halfLife(), p.minSamples(), p.decisionHorizonBars(), decisionTf.millis());
        this.guard = new Guard(config.faults(), this, clocks);
    }

    void bindLoop(DecisionLoop loop) {
        guard.bind(loop);
    }

    FaultPolicy faults() {
        return baseConfig.faults();
    }

    long seq() {
        return seq.get();
    }

    long clock() {
        return clock.get();
    }

    StateVector lastState(Symbol s) {
        Integer i = symbolIndex.get(s); // filled in the constructor, read-only after
        return i == null ? null : lastStates.getAcquire(i);
    }

    boolean isDecisionSymbol(Symbol s) {
        return symbolIndex.containsKey(s);
    }

    /**
     * Whether bar closes of {@code tf} are worth handing to the decision thread: the decision timeframe and the
     * timeframes of every loaded module (RUNNING or not, so a re-enable finds its history). Read by feed threads.
     */
    boolean wantsTimeframe(Timeframe tf) {
        return wanted[tf.ordinal()];
    }

    /** Bar closes of {@code tf} are dispatched (and kept in the history) from now on; before start or as a command. */
    void requireTimeframe(Timeframe tf) {
        required[tf.ordinal()] = true;
        boolean[] w = wanted.clone();
        w[tf.ordinal()] = true;
        wanted = w;
    }

    /** Decision thread (or before start): the bars dispatched so far. */
    BarHistory history() {
        return history;
    }

    /** Index of a decision symbol in the history, or -1. */
    int symbolIndex(Symbol s) {
        Integer i = symbolIndex.get(s);
        return i == null ? -1 : i;
    }

    Timeframe decisionTimeframe() {
        return decisionTf;
    }

    // ---------------------------------------------------------------- commands

    /** Queues {@code r} to run on the decision thread between two events. */
    void post(Runnable r) {
        commands.add(r);
    }

    /** Commands applied and the published figures brought up to date: what a caller waiting for idle sees. */
    void settle() {
        applyCommands();
        tracker.publish();
    }

    void applyCommands() {
        Runnable r;
        while ((r = commands.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.error("orchestrator command failed: {}", e.toString(), e);
            }
        }
        if (registry.layoutDirty) {
            rebuildLayout();
        }
    }

    private void rebuildLayout() {
        registry.layoutDirty = false;
        List<SourceSlot> a = new ArrayList<>();
        List<String> n = new ArrayList<>();
        for (SourceSlot s : registry.moduleSlots()) {
            if (s.state == ModuleState.RUNNING && s.module != null) {
                a.add(s);
            }
        }
        active = a.toArray(NONE);
        offsets = new int[active.length];
        int off = 0;
        for (int i = 0; i < active.length; i++) {
            offsets[i] = off;
            off += active[i].featureCount;
            n.addAll(active[i].featureNames);
        }
        names = List.copyOf(n);
        stateBuf = new double[off];
        List<SourceSlot> m = new ArrayList<>();
        for (SourceSlot s : registry.modelSlots()) {
            if (s.state == ModuleState.RUNNING) {
                m.add(s);
            }
        }
        models = m.toArray(NONE);
        layoutVersion++;
        boolean[] w = required.clone();
        w[decisionTf.ordinal()] = true;
        for (SourceSlot s : registry.moduleSlots()) {
            if (s.module != null) {
                for (int i = 0; i < w.length; i++) {
                    w[i] |= s.timeframes[i];
                }
            }
        }
        wanted = w;
    }

    /** Replays the bars this thread already dispatched into a module that was just (re-)enabled. */
    void warmUp(SourceSlot s) {
        int n = s.module.warmupBars();
        if (n <= 0) {
            return;
        }
        List<BarSeries> series = new ArrayList<>();
        for (Symbol sym : baseConfig.symbols()) {
            int si = symbolIndex.get(sym);
            for (Timeframe tf : Timeframe.all()) {
                if (s.timeframes[tf.ordinal()]) {
                    series.add(history.last(si, tf, n));
                }
            }
        }
        int[] pos = new int[series.size()];
        while (true) {
            int best = -1;
            long bestClose = Long.MAX_VALUE;
            for (int k = 0; k < series.size(); k++) {
                BarSeries b = series.get(k);
                if (pos[k] < b.size()) {
                    long c = b.timeframe().closeTime(b.time(pos[k]));
                    // closes of one instant: shortest timeframe first, then symbol order (as the DataProvider emits)
                    if (c < bestClose || (c == bestClose && b.timeframe().ordinal() < series.get(best).timeframe().ordinal())) {
                        best = k;
                        bestClose = c;
                    }
                }
            }
            if (best < 0) {
                return;
            }
            BarSeries b = series.get(best);
            int i = pos[best]++;
            s.module.onBarClose(b.symbol(), b.timeframe(), b.time(i), b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i));
        }
    }

    void changeState(SourceSlot s, ModuleState to, String reason) {
        ModuleState from = s.state;
        s.state = to;
        s.reason = reason == null ? "" : reason;
        registry.layoutDirty = true;
        if (to == ModuleState.ERROR) {
            LOG.warn("{} {} → ERROR: {}", s.kind == SourceSlot.Kind.MODULE ? "module" : "model", s.id, reason);
        }
        publisher.stateChanged(new ModuleStateChanged(s.id, from, to, s.reason, seq.get(), clock.get(),
                baseConfig.symbols().size() == 1 ? baseConfig.symbols().get(0).code() : ""));
    }

    /** The watchdog's verdict on a hung call (called on the watchdog thread while the decision thread is stuck). */
    void markHung(SourceSlot s, long elapsedNanos) {
        s.hung = true;
        s.strikesTotal++;
        changeState(s, ModuleState.ERROR, "hung: no return after " + elapsedNanos / 1_000_000 + " ms (hard limit "
                + baseConfig.faults().hardLimitMillis() + " ms)");
    }

    // ---------------------------------------------------------------- events

    void begin(LoopEvent e) {
        guard.eventStart(e.kind == LoopEvent.BAR && e.tf == decisionTf); // lets GC pauses and preemption excuse an overrun
        ev = e;
        phase = P_DISPATCH;
        index = 0;
    }

    /** Runs (or resumes) the event begun with {@link #begin}. */
    void resume(LoopEvent e) {
        if (e.kind == LoopEvent.TRADE || e.kind == LoopEvent.BOOK) {
            dispatchMarket(e);
            return;
        }
        if (e.kind == LoopEvent.SESSION_RESET) {
            restartSession(e.symbol, e.time);
            return;
        }
        Integer si = symbolIndex.get(e.symbol);
        if (phase == P_DISPATCH) {
            if (si != null && index == 0) {
                history.add(si, e);
            }
            for (; index < active.length; index++) {
                SourceSlot s = active[index];
                if (s.timeframes[e.tf.ordinal()] && s.state == ModuleState.RUNNING) {
                    guard.onBarClose(s, e);
                }
            }
            if (si == null || e.tf != decisionTf) {
                phase = P_DONE;
                return;
            }
            phase = P_MATURE;
        }
        long closeTime = e.tf.closeTime(e.time);
        if (phase == P_MATURE) {
            clock.set(closeTime);
            learning = learns();
            outcomes = tracker.onBarClose(e.symbol, closeTime, e.close, learning);
            Arrays.fill(stateBuf, 0.0);
            preds.clear();
            phase = P_FEATURES;
            index = 0;
        }
        if (phase == P_FEATURES) {
            for (; index < active.length; index++) {
                SourceSlot s = active[index];
                if (s.featureCount > 0 && s.state == ModuleState.RUNNING) {
                    guard.features(s, e.symbol, stateBuf, offsets[index]);
                }
            }
            StateVector last = lastStates.getPlain(si); // this thread is the only writer
            if (last != null && last.holds(layoutVersion, stateBuf)) {
                state = last; // immutable: the same values need no new vector
            } else {
                state = new StateVector(layoutVersion, names, stateBuf);
                lastStates.setRelease(si, state);
            }
            phase = P_PREDICT;
            index = 0;
        }
        if (phase == P_PREDICT) {
            for (; index < active.length; index++) {
                SourceSlot s = active[index];
                if (s.state == ModuleState.RUNNING) {
                    guard.predictions(s, e.symbol, preds);
                }
            }
            phase = P_MODELS;
            index = 0;
        }
        if (phase == P_MODELS) {
            for (; index < models.length; index++) {
                SourceSlot s = models[index];
                if (s.state == ModuleState.RUNNING) {
                    guard.predict(s, e.symbol, closeTime, state, preds);
                }
            }
            phase = P_FUSE;
        }
        if (phase == P_FUSE) {
            fused = rule.fuse(preds, weights, holdings);
            result = fused.result();
            for (SourceSlot s : active) {
                if (s.fusion != null && s.state == ModuleState.RUNNING) {
                    FusionResult r = guard.fuse(s, e.symbol, closeTime, preds, fused.result());
                    if (r != null) {
                        result = r;
                    }
                    break; // the first fusion module in configuration order fuses
                }
            }
            phase = P_PUBLISH;
        }
        if (phase == P_PUBLISH) {
            Decision d = new Decision(seq.get() + 1, e.symbol, decisionTf, closeTime, e.close, result.action(), result.score(),
                    result.confidence(), result.fusion(), fused.contributions());
            seq.set(d.seq());
            tracker.record(d, preds, learning);
            publisher.decision(d);
            phase = P_LEARN;
            index = 0;
        }
        if (phase == P_LEARN) {
            for (; index < active.length; index++) {
                SourceSlot s = active[index];
                if (s.fusion != null && s.state == ModuleState.RUNNING) {
                    for (DecisionOutcome o : outcomes) {
                        guard.learn(s, o);
                    }
                }
            }
            phase = P_DONE;
        }
    }

    /** Whether a running source learns from matured decisions (the outcomes are built only then). */
    private boolean learns() {
        for (SourceSlot s : active) {
            if (s.fusion != null && s.state == ModuleState.RUNNING) {
                return true;
            }
        }
        return false;
    }

    private double weight(String sourceId) {
        SourceSlot s = registry.slot(sourceId);
        if (s == null) {
            return 0;
        }
        return adaptive ? s.weight * tracker.weightFactor(sourceId) : s.weight;
    }

    private long holding(String sourceId) {
        SourceSlot s = registry.slot(sourceId);
        return s == null ? 0 : s.holdingMillis;
    }

    /**
     * The symbol's session restarted at {@code time} (a seek back, a replay started over): its bars from there on are
     * gone and come again. What the modules built from them is the timeline the data left, and a decision on it would
     * know how the bars that come again end (seen on the desk: "swing high" and "swing low" at one price after a seek
     * back). So the history is cut there, every running module starts again from it as after a re-enable (reset, then
     * warm-up), and the performance scores start again (PerformanceTracker#restart). Models keep what they learned:
     * a trained version is not state of the timeline, it is a model that has seen these bars once (docs/workstation.md).
     */
    private void restartSession(Symbol symbol, long time) {
        Integer si = symbolIndex.get(symbol);
        if (si == null) {
            return;
        }
        history.cutTo(si, time);
        tracker.restart();
        int restarted = 0;
        for (SourceSlot s : active) {
            if (s.module != null && s.state == ModuleState.RUNNING) {
                try {
                    s.module.reset();
                    warmUp(s);
                    restarted++;
                } catch (RuntimeException ex) {
                    changeState(s, ModuleState.ERROR, "warm-up after the session restarted failed: " + ex);
                }
            }
        }
        LOG.info("{} session restarted at {}: {} modules started again from the history before it", symbol, Instant.ofEpochMilli(time), restarted);
    }

    private void dispatchMarket(LoopEvent e) {
        for (; index < active.length; index++) {
            SourceSlot s = active[index];
            if (s.state == ModuleState.RUNNING) {
                if (e.kind == LoopEvent.TRADE) {
                    if (s.wantsTrades) {
                        guard.onTrade(s, e);
                    }
                } else if (s.wantsBooks) {
                    guard.onBook(s, e);
                }
            }
        }
    }

    /** Convenience for synchronous callers: begin and run an event. */
    void handle(LoopEvent e) {
        begin(e);
        resume(e);
    }
}
