package org.concord.orchestrator;

import org.concord.model.Symbol;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.module.ModuleState;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Fault isolation around every call into a module or model: times it, catches what it throws, checks its output,
 * counts strikes and puts the source in ERROR when {@link FaultPolicy} says so. A faulty call's output is dropped
 * (the decision goes on without it); a correct call that overran its budget is used but counts a strike, so the
 * decisions of a run do not depend on timing unless a source is actually put aside.
 */
final class Guard {
    private final FaultPolicy policy;
    private final long budgetNanos;
    private final DecisionEngine engine;
    private DecisionLoop loop;
    private final GarbageCollectorMXBean[] gcs =
            ManagementFactory.getGarbageCollectorMXBeans().toArray(new GarbageCollectorMXBean[0]);
    private long gcAtEventStart;
    private final GuardClocks clocks;
    private final boolean cpuClock;
    // wall and thread-CPU clocks when the current decision began; cpu -1 when unknown or not a decision event
    private long wallAtEventStart;
    private long cpuAtEventStart = -1;
    /** Whether calls are timed one in {@link #TIMED_EVERY} (see {@link #clock}); set when bound to its loop. */
    private boolean sampled;

    /**
     * Budgets from a second up are not overrun by a stopped thread in practice (a scheduler or a hypervisor takes a
     * core away for milliseconds; backtests lift theirs to a minute), so decisions under them are not timed on the
     * thread's CPU clock: reading it is a system call, about 1.5 µs on the CI's Firecracker VM, which was 29 % of an
     * EMA-cross backtest's time (async-profiler). The shipped presets' budgets (2–5 ms) keep the clock.
     */
    static final long CLOCKED_BUDGET_NANOS = 1_000_000_000L;

    /** One call in this many (a power of two) is timed where calls are sampled (see {@link #clock}). */
    static final int TIMED_EVERY = 8;
    /** A call's duration when it was not timed. */
    static final long UNTIMED = -1;

    /** Learning hooks may wait for a background training to finish: they get this many times the hard limit. */
    static final int LEARN_LIMIT_FACTOR = 30;

    Guard(FaultPolicy policy, DecisionEngine engine, GuardClocks clocks) {
        this.policy = policy;
        this.clocks = clocks;
        this.cpuClock = clocks.hasCpuClock();
        this.budgetNanos = policy.budgetMicros() * 1_000L;
        this.engine = engine;
    }

    void bind(DecisionLoop l) {
        this.loop = l;
        this.sampled = l.synchronous() && budgetNanos >= CLOCKED_BUDGET_NANOS;
    }

    /**
     * The wall clock at the start of a call into {@code s}, or {@link #UNTIMED}. On the synchronous loop under a
     * lifted budget (a backtest) only one call in {@value #TIMED_EVERY} per source is timed: no budget is enforced
     * there and no watchdog needs the start, a hung module hangs the replay either way, and a call past the hard limit
     * is still caught on the source's next timed call. Each read costs about 30 ns on the CI's VM (kvm-clock): two per
     * call were a tenth of an EMA-cross backtest. The status's latency figures come from the timed calls.
     */
    private long clock(SourceSlot s) {
        return sampled && (s.callsSinceEnable & (TIMED_EVERY - 1)) != 0 ? UNTIMED : clocks.wallNanos();
    }

    /** The call's duration from {@link #clock}'s reading, {@link #UNTIMED} when it was not timed. */
    private long since(long t0) {
        return t0 == UNTIMED ? UNTIMED : clocks.wallNanos() - t0;
    }

    /**
     * Called at each event's start. For a decision (a decision-timeframe bar close) it notes the GC count and this
     * thread's CPU clock, so that an overrun caused by the thread being stopped — a GC pause, another process holding
     * the core, a safepoint the JVM could not reach because its other threads were descheduled — can be told from a
     * slow module; for trades and books (many, cheap) it notes nothing and their overruns are judged by wall time and
     * GC only. Under a budget of {@link #CLOCKED_BUDGET_NANOS} or more neither the CPU clock nor the GC count is read
     * (see there; the count is a JMX call per collector, 2.5 % of an EMA-cross backtest): an overrun of such a budget
     * is judged as a trade's is, by the source's next call on the CPU clock.
     */
    void eventStart(boolean decision) {
        if (budgetNanos >= CLOCKED_BUDGET_NANOS) {
            gcAtEventStart = -1; // unknown: an overrun is judged by the source's next call, on the CPU clock
            cpuAtEventStart = -1;
            return;
        }
        if (!decision || !cpuClock) {
            cpuAtEventStart = -1;
            return;
        }
        gcAtEventStart = gcCount();
        wallAtEventStart = clocks.wallNanos();
        cpuAtEventStart = clocks.cpuNanos();
    }

    /**
     * True when this thread was off the CPU, since the decision began, at least as long as {@code overrunNanos}:
     * the overrun is then not the module's own work. A module that blocks (I/O, sleep) is off the CPU too: it is
     * not excused by the budget's rule being lenient but caught by the hard limit's watchdog. A hypervisor that takes
     * the vCPU away without a steal clock (Firecracker reports steal 0) advances the CPU clock as if the thread had
     * worked; no process can tell that from work, which is why a strike needs several overruns in a window.
     */
    private boolean stopped(long overrunNanos) {
        if (cpuAtEventStart < 0) {
            return false;
        }
        long cpu = clocks.cpuNanos() - cpuAtEventStart;
        long wall = clocks.wallNanos() - wallAtEventStart;
        return wall - cpu >= overrunNanos;
    }

    private long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean g : gcs) {
            n += g.getCollectionCount();
        }
        return n;
    }

    void onBarClose(SourceSlot s, LoopEvent e) {
        long cpu0 = confirmStart(s);
        long t0 = clock(s);
        long id = loop.enter(s, t0);
        Throwable err = null;
        try {
            s.module.onBarClose(e.symbol, e.tf, e.time, e.open, e.high, e.low, e.close, e.volume);
        } catch (Throwable t) {
            err = t;
        }
        loop.exit(id);
        done(s, "onBarClose", since(t0), err, null, cpu0);
    }

    void onTrade(SourceSlot s, LoopEvent e) {
        long cpu0 = confirmStart(s);
        long t0 = clock(s);
        long id = loop.enter(s, t0);
        Throwable err = null;
        try {
            s.module.onTrade(e.symbol, e.time, e.close, e.volume, e.buyerMaker);
        } catch (Throwable t) {
            err = t;
        }
        loop.exit(id);
        done(s, "onTrade", since(t0), err, null, cpu0);
    }

    void onBook(SourceSlot s, LoopEvent e) {
        long cpu0 = confirmStart(s);
        long t0 = clock(s);
        long id = loop.enter(s, t0);
        Throwable err = null;
        try {
            s.module.onBook(e.book);
        } catch (Throwable t) {
            err = t;
        }
        loop.exit(id);
        done(s, "onBook", since(t0), err, null, cpu0);
    }

    /** Copies the module's features into {@code dst} at {@code off}; leaves zeros when the call faults. */
    void features(SourceSlot s, Symbol symbol, double[] dst, int off) {
        long t0 = clock(s);
        long id = loop.enter(s, t0);
        Throwable err = null;
        double[] out = null;
        try {
            out = s.module.features(symbol);
        } catch (Throwable t) {
            err = t;
        }
        loop.exit(id);
        String bad = null;
        if (err == null) {
            if (out == null || out.length != s.featureCount) {
                bad = "features() returned " + (out == null ? "null" : out.length + " values") + ", expected " + s.featureCount;
            } else {
                for (int i = 0; i < out.length; i++) {
                    if (!Double.isFinite(out[i])) {
                        bad = "non-finite feature " + s.featureNames.get(i) + " = " + out[i];
                        break;
                    }
                }
            }
        }
        if (err == null && bad == null) {
            System.arraycopy(out, 0, dst, off, out.length);
        }
        if (done(s, "features", since(t0), err, bad) && err == null && bad == null) {
            s.output(SourceSlot.FEATURES);
        }
    }

    void predictions(SourceSlot s, Symbol symbol, List<Prediction> into) {
        long t0 = clock(s);
        long id = loop.enter(s, t0);
        Throwable err = null;
        List<Prediction> out = null;
        try {
            out = s.module.predictions(symbol);
        } catch (Throwable t) {
            err = t;
        }
        loop.exit(id);
        String bad = err == null ? checkPredictions(s, symbol, out) : null;
        done(s, "predictions", since(t0), err, bad);
        if (err == null && bad == null && !out.isEmpty()) {
            for (int i = 0; i < out.size(); i++) {
                into.add(out.get(i)); // not addAll: that copies the module's list into a new array on every call
            }
            Prediction p = out.get(0);
            s.output(p);
        }
    }

    void predict(SourceSlot s, Symbol symbol, long time, StateVector state, List<Prediction> into) {
        warmUpOnSwap(s);
        long t0 = clock(s);
        long id = loop.enter(s, t0);
        Throwable err = null;
        Prediction p = null;
        try {
            p = s.model.predict(symbol, time, state);
        } catch (Throwable t) {
            err = t;
        }
        loop.exit(id);
        String bad = err == null && p != null ? checkPredictions(s, symbol, List.of(p)) : null;
        done(s, "predict", since(t0), err, bad);
        if (err == null && bad == null && p != null) {
            into.add(p);
            s.output(p);
        }
    }

    /**
     * A model hot-swapped to a new version warms up again, as a source just enabled does: its first calls load
     * weights, fill native buffers and are compiled, and the old version's strikes are not the new one's. On the desk
     * a retrained cnn-btcusd took 13 ms on its first predict after the swap and struck out within seconds (helper 25).
     */
    private void warmUpOnSwap(SourceSlot s) {
        String v;
        try {
            v = s.model.version();
        } catch (RuntimeException e) {
            return; // a model that cannot say its version keeps its counters; its predict is still guarded
        }
        if (v != null && !v.equals(s.warmedVersion)) {
            if (s.warmedVersion != null) {
                s.resetFaults(policy);
            }
            s.warmedVersion = v;
        }
    }

    FusionResult fuse(SourceSlot s, Symbol symbol, long time, List<Prediction> preds, FusionResult rule) {
        long t0 = clock(s);
        long id = loop.enter(s, t0);
        Throwable err = null;
        FusionResult r = null;
        try {
            r = s.fusion.fuse(symbol, time, List.copyOf(preds), rule);
        } catch (Throwable t) {
            err = t;
        }
        loop.exit(id);
        done(s, "fuse", since(t0), err);
        return err == null ? r : null;
    }

    /** Learning hooks run after the decision was published: timed and fault-checked, not held to the budget. */
    void learn(SourceSlot s, DecisionOutcome o) {
        long t0 = clocks.wallNanos();
        long id = loop.enter(s, t0, loop.hardLimitNanos() * LEARN_LIMIT_FACTOR);
        Throwable err = null;
        try {
            s.fusion.onOutcome(o);
        } catch (Throwable t) {
            err = t;
        }
        loop.exit(id);
        long dt = clocks.wallNanos() - t0;
        if (err != null) {
            strike(s, "onOutcome threw " + err);
        } else if (dt > loop.hardLimitNanos() * LEARN_LIMIT_FACTOR) {
            hung(s, "onOutcome", dt);
        }
    }

    private static String checkPredictions(SourceSlot s, Symbol symbol, List<Prediction> out) {
        if (out == null) {
            return "predictions() returned null";
        }
        for (int i = 0; i < out.size(); i++) { // indexed: no iterator per call (a module's list; List.of is random access)
            Prediction p = out.get(i);
            if (p == null) {
                return "predictions() returned a null element";
            }
            if (!p.symbol().equals(symbol)) {
                return "prediction for " + p.symbol() + " when asked for " + symbol;
            }
            if (!p.sourceId().equals(s.id)) {
                return "prediction signed '" + p.sourceId() + "' instead of '" + s.id + "'";
            }
        }
        return null;
    }

    private boolean done(SourceSlot s, String what, long nanos, Throwable err) {
        return done(s, what, nanos, err, null, -1);
    }

    private boolean done(SourceSlot s, String what, long nanos, Throwable err, String bad) {
        return done(s, what, nanos, err, bad, -1);
    }

    /**
     * The CPU clock before a call that must confirm an earlier overrun of {@code s} (see {@link #done}), else -1:
     * trades and books are too many to read the CPU clock around each (≈1.5 µs a read on a VM), so only the call
     * after an unexplained overrun pays for it.
     */
    private long confirmStart(SourceSlot s) {
        return s.confirmOnCpu ? clocks.cpuNanos() : -1;
    }

    /**
     * Records the call; returns true when it was clean (no strike). An overrun is excused (a stall) when a GC ran
     * or the thread was off the CPU for it. For an event without a CPU-clock start (a trade, a book, a bar of
     * another timeframe) that cannot be told, so the overrun only marks the source: its next such call is timed on
     * the thread's CPU clock ({@code cpuStart}), and only its own work over the budget is a strike; within it, the
     * earlier overrun was a stop and counts as a stall.
     */
    private boolean done(SourceSlot s, String what, long nanos, Throwable err, String bad, long cpuStart) {
        long own = cpuStart < 0 ? -1 : clocks.cpuNanos() - cpuStart;
        if (cpuStart >= 0) {
            s.confirmOnCpu = false;
            if (own <= budgetNanos) {
                s.stalls++; // the overrun that asked for this confirmation
            }
        }
        s.recordCall(nanos);
        if (err != null) {
            strike(s, what + " threw " + err);
            return false;
        }
        if (bad != null) {
            strike(s, bad);
            return false;
        }
        if (nanos > loop.hardLimitNanos()) {
            hung(s, what, nanos);
            return false;
        }
        if (nanos > budgetNanos && s.callsSinceEnable > policy.warmupCalls()) {
            if ((gcAtEventStart >= 0 && gcCount() != gcAtEventStart) || stopped(nanos - budgetNanos) || (own >= 0 && own <= budgetNanos)) {
                // a GC pause or the scheduler stopped the thread during the call: not the module's doing
                s.stalls++;
                return true;
            }
            if (own < 0 && cpuAtEventStart < 0 && cpuClock) {
                s.confirmOnCpu = true; // judged by its next trade, book or bar call, on the CPU clock
                return true;
            }
            strike(s, String.format(Locale.ROOT, "%s over budget: %.0f µs > %d µs%s", what, (own >= 0 ? own : nanos) / 1e3,
                    policy.budgetMicros(), own >= 0 ? " of its own CPU time" : ""));
            return false;
        }
        return true;
    }

    private void strike(SourceSlot s, String reason) {
        if (s.state != ModuleState.RUNNING) {
            return;
        }
        if (s.strike(policy, engine.seq())) {
            engine.changeState(s, ModuleState.ERROR, reason + " (" + policy.maxStrikes() + " strikes within "
                    + policy.strikeWindow() + " decisions)");
        }
    }

    private void hung(SourceSlot s, String what, long nanos) {
        if (s.state == ModuleState.RUNNING) {
            s.strikesTotal++;
            engine.changeState(s, ModuleState.ERROR, what + " hung: returned after " + nanos / 1_000_000 + " ms (hard limit "
                    + policy.hardLimitMillis() + " ms)");
        }
    }
}
