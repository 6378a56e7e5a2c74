package org.concord.modules.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.orchestrator.module.SharedModuleState;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The frame of every strategy module: per-symbol {@link StrategyState}s fed on bar closes of one timeframe (the
 * decision timeframe unless the {@code timeframe} setting says otherwise), features from the state, and one
 * prediction (action, confidence, rationale) per decision. The SPI delivers closed bars only, so indicators are
 * updated on bar close.
 *
 * <p>Settings common to all strategies: {@code timeframe} (default: the decision timeframe), {@code horizonBars}
 * (how far ahead the view is about), {@code warmupBars} (bars replayed after a re-enable; default: a few times the
 * slowest indicator's warm-up). Unknown keys are refused.
 *
 * <p><b>One state per strategy, settings and symbol in an orchestrator.</b> A composite runs its own instances of
 * the strategies it blends, and the same strategies usually run beside it as modules (the full preset), so each bar
 * was computed twice. Instances of one strategy with equal settings now hold one state per symbol, through the
 * orchestrator's {@link SharedModuleState}: the first instance that gets a bar applies it, the others see that bar's
 * open time already applied and skip it. Every instance gets the same bars in the same order on the decision thread,
 * so equality is enough, and a seek back in time is just the next bar. {@link #sharesState} names the exception. A
 * {@link #reset} (a module switched back on, before its warm-up) starts the shared state again for every instance:
 * the composite's view of that member is then rebuilt from the module's warm-up bars, as the module's own is.
 */
public abstract class StrategyModule implements OrchestratorModule {
    private final String id;
    private final Map<Symbol, Held> states = new HashMap<>();
    private SharedModuleState shared;
    private JsonNode settings;
    private Timeframe timeframe = Timeframe.M1;
    private Set<Timeframe> timeframes = Set.of(Timeframe.M1);
    private int horizon = 5;
    private int warmup;
    private LongSupplier clock = () -> 0L;
    private boolean explain = true;
    private boolean initialized;

    protected StrategyModule(String id) {
        this.id = id;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final void initialize(ModuleContext ctx) throws Exception {
        Settings s = new Settings(id, ctx.settings());
        clock = ctx.clock();
        explain = ctx.explain();
        timeframe = s.timeframe("timeframe", ctx.decisionTimeframe());
        timeframes = Set.of(timeframe); // built once: a composite asks for it on every bar
        horizon = s.integer("horizonBars", defaultHorizon(), 1);
        configure(s, ctx);
        warmup = s.integer("warmupBars", defaultWarmup(), 0);
        s.rejectUnknown();
        newState(); // parameters that only the indicators check fail here, at initialize
        settings = ctx.settings();
        shared = sharesState() ? ctx.services().get(SharedModuleState.class).orElse(null) : null;
        initialized = true;
    }

    /** Reads the strategy's own settings (and checks them); called once from {@link #initialize}. */
    protected abstract void configure(Settings s, ModuleContext ctx) throws Exception;

    /** A fresh state for one symbol, built from the configured parameters. */
    protected abstract StrategyState newState();

    /** Warm-up bars when the setting is absent (after {@link #configure}). */
    protected abstract int defaultWarmup();

    /**
     * Whether instances with equal settings may hold one state (class comment): true when a state depends only on the
     * settings and the bars. A strategy whose state reads more of its module (a library reloaded per instance, the
     * time of the bar its module last got) keeps its own.
     */
    protected boolean sharesState() {
        return true;
    }

    protected int defaultHorizon() {
        return 5;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public int horizonBars() {
        return horizon;
    }

    protected long now() {
        return clock.getAsLong();
    }

    @Override
    public Set<Timeframe> timeframes() {
        return timeframes;
    }

    @Override
    public int warmupBars() {
        return warmup;
    }

    /** The state of {@code symbol} (created on first use). */
    public StrategyState state(Symbol symbol) {
        return held(symbol).state;
    }

    private Held held(Symbol symbol) {
        if (!initialized) {
            throw new IllegalStateException("module " + id + " is not initialized");
        }
        Held h = states.get(symbol);
        if (h == null) {
            h = shared == null ? new Held(newState())
                    : shared.get(new Key(id, settings, timeframe, symbol), Held.class, () -> new Held(newState()));
            states.put(symbol, h);
        }
        return h;
    }

    /** True once the strategy has a view for {@code symbol} (its indicators are past their warm-up). */
    public boolean ready(Symbol symbol) {
        return state(symbol).ready();
    }

    @Override
    public void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low,
                           double close, double volume) {
        if (tf == timeframe) {
            Held h = held(symbol);
            if (h.lastOpen != openTime) { // another instance sharing the state applied this bar already
                h.lastOpen = openTime;
                h.state.bar(open, high, low, close, volume);
            }
        }
    }

    @Override
    public double[] features(Symbol symbol) {
        return state(symbol).features();
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        StrategyState st = state(symbol);
        return List.of(new Prediction(id, symbol, now(), st.action(), st.confidence(), timeframe, horizon,
                explain ? st.rationale() : ""));
    }

    @Override
    public void reset() {
        for (Held h : states.values()) {
            h.state = newState();
            h.lastOpen = Long.MIN_VALUE;
        }
    }

    /** One symbol's state and the open time of the last bar applied to it; possibly held by several instances. */
    private static final class Held {
        StrategyState state;
        long lastOpen = Long.MIN_VALUE;

        Held(StrategyState state) {
            this.state = state;
        }
    }

    /** What makes two instances compute the same state: the strategy, its settings, timeframe and the symbol. */
    private record Key(String id, JsonNode settings, Timeframe timeframe, Symbol symbol) {
    }
}
