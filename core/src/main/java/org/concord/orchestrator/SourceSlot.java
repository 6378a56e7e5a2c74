package org.concord.orchestrator;

import org.concord.model.Fmt;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.module.FusionModule;
import org.concord.orchestrator.module.ModuleState;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.threads.OwnedLong;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The orchestrator's record of one source (a module or a model): state, weight, the instance, its stats and its
 * strikes. Owned by the decision thread; the fields the UI reads are volatile.
 */
final class SourceSlot {
    enum Kind { MODULE, MODEL }

    final String id;
    final Kind kind;
    final Supplier<OrchestratorModule> factory;
    final String description;
    volatile ModuleState state;
    volatile String reason = "";
    volatile double weight;
    volatile boolean enabledInConfig;
    OrchestratorModule module;
    FusionModule fusion;
    Model model;
    volatile String version = "";

    // what the module asked for (set when loaded)
    final boolean[] timeframes = new boolean[Timeframe.all().length];
    boolean wantsTrades;
    boolean wantsBooks;
    List<String> featureNames = List.of();
    int featureCount;
    /** the declared holding period in ms (0: none declared, the prediction's horizon is used) */
    long holdingMillis;

    // stats
    final OwnedLong calls = new OwnedLong();
    volatile long strikesTotal;
    /** overruns excused: a GC pause ran or the thread was off the CPU during the call */
    volatile long stalls;
    /** an overrun of an event timed on the wall clock only awaits its confirmation on the CPU clock (decision thread) */
    boolean confirmOnCpu;
    final OwnedLong lastNanos = new OwnedLong();
    /**
     * The last output, kept raw and put into words only when a status is read (formatting on every call was a
     * measurable share of a decision): {@link #FEATURES} or the last {@link Prediction}, null before any.
     */
    volatile Object lastOutput;
    static final Object FEATURES = new Object();
    final LatencyHistogram latency = new LatencyHistogram();
    long callsSinceEnable;
    /** The model version the fault counters were last reset for (decision thread only; see {@link Guard#predict}). */
    String warmedVersion;
    private long[] strikeCalls = new long[0];
    private int strikeHead;
    boolean hung;

    SourceSlot(String id, Kind kind, Supplier<OrchestratorModule> factory, String description, ModuleState state, double weight) {
        this.id = id;
        this.kind = kind;
        this.factory = factory;
        this.description = description == null ? "" : description;
        this.state = state;
        this.weight = weight;
    }

    static SourceSlot model(Model m, double weight) {
        SourceSlot s = new SourceSlot(m.id(), Kind.MODEL, null, "model " + m.id(), ModuleState.RUNNING, weight);
        s.model = m;
        s.version = m.version() == null ? "" : m.version();
        s.enabledInConfig = true;
        s.holdingMillis = millis(m.holding());
        return s;
    }

    /** Takes a freshly initialized module instance and reads what it asks for. */
    void attach(OrchestratorModule m) {
        module = m;
        fusion = m instanceof FusionModule f ? f : null;
        Arrays.fill(timeframes, false);
        for (Timeframe tf : m.timeframes()) {
            timeframes[tf.ordinal()] = true;
        }
        wantsTrades = overrides(m, "onTrade", Symbol.class, long.class, double.class, double.class, boolean.class);
        wantsBooks = overrides(m, "onBook", OrderBookSnapshot.class);
        List<String> names = new ArrayList<>();
        for (String f : m.featureNames()) {
            names.add(id + "." + f);
        }
        featureNames = List.copyOf(names);
        featureCount = names.size();
        holdingMillis = millis(m.holding());
    }

    private static long millis(Duration d) {
        return d == null || d.isNegative() || d.isZero() ? 0 : d.toMillis();
    }

    /** A module that does not override a hook is not called for it (a trade costs nothing to a bar-only module). */
    private static boolean overrides(OrchestratorModule m, String name, Class<?>... params) {
        try {
            return m.getClass().getMethod(name, params).getDeclaringClass() != OrchestratorModule.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    /** Clears strikes and latency (a load or re-enable starts a fresh record). */
    void resetFaults(FaultPolicy p) {
        strikeCalls = new long[p.maxStrikes()];
        Arrays.fill(strikeCalls, Long.MIN_VALUE);
        strikeHead = 0;
        callsSinceEnable = 0;
        latency.clear();
        hung = false;
    }

    /**
     * Counts a guarded call and its wall time ({@link Guard#UNTIMED} when it was not timed). The decision thread is
     * the only writer, so the counters are {@link OwnedLong}s: a status read sees a recent value, and a call costs no
     * full fence.
     */
    void recordCall(long nanos) {
        calls.increment();
        callsSinceEnable++;
        if (nanos != Guard.UNTIMED) { // a sampled run times some calls only (Guard)
            lastNanos.set(nanos);
            latency.record(nanos);
        }
    }

    /** The call's output, for the status line (see {@link #lastOutput}); a release store as in {@link #recordCall}. */
    void output(Object o) {
        LAST_OUTPUT.setRelease(this, o);
    }

    private static final VarHandle LAST_OUTPUT;

    static {
        try {
            LAST_OUTPUT = MethodHandles.lookup().findVarHandle(SourceSlot.class, "lastOutput", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Counts a strike at decision {@code seq}.
     *
     * @return true when this strike reaches {@code maxStrikes} within {@code strikeWindow} decisions
     */
    boolean strike(FaultPolicy p, long seq) {
        strikesTotal++;
        if (strikeCalls.length != p.maxStrikes()) {
            resetFaults(p);
        }
        strikeCalls[strikeHead] = seq;
        strikeHead = (strikeHead + 1) % strikeCalls.length;
        // the ring holds the decision numbers of the last maxStrikes strikes; the entry at head is the oldest of them
        long oldestOfLast = strikeCalls[strikeHead];
        return oldestOfLast != Long.MIN_VALUE && seq - oldestOfLast < p.strikeWindow();
    }

    private volatile OutputText outputText;

    private String lastOutputText() {
        Object o = lastOutput;
        OutputText t = outputText;
        if (t != null && t.output == o) {
            return t.text; // status is polled every second or so; an idle desk must not format the same output again
        }
        String text = o instanceof Prediction p ? predictionText(p) : o == FEATURES ? featureCount + " features" : "";
        outputText = new OutputText(o, text);
        return text;
    }

    /** "BUY 0.72 · close above supertrend 41250.3": what the source said, and why in its own words when it says. */
    private static String predictionText(Prediction p) {
        StringBuilder sb = new StringBuilder(64).append(p.action()).append(' ');
        Fmt.fixed(sb, p.confidence(), 2);
        return p.rationale().isEmpty() ? sb.toString() : sb.append(" · ").append(p.rationale()).toString();
    }

    /** The last output and its text, swapped as one (status may be asked from any thread). */
    private record OutputText(Object output, String text) {
    }

    /** A model's version as it is now (a hot swap changes it after registration); the registered one if it cannot say. */
    private String currentVersion() {
        Model m = model;
        if (m != null) {
            try {
                String v = m.version();
                if (v != null) {
                    version = v;
                }
            } catch (RuntimeException e) {
                // a model that cannot say its version keeps the last one it said; status must not fail
            }
        }
        return version;
    }

    ModuleStatus status() {
        return new ModuleStatus(id, kind == Kind.MODULE ? "module" : "model", currentVersion(), description, state, reason,
                enabledInConfig, weight, calls.get(), strikesTotal, stalls, lastNanos.get() / 1000.0, latency.percentile(99) / 1000.0,
                lastOutputText(), featureNames);
    }
}
