package org.concord.modules.strategy;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;

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
 */
public abstract class StrategyModule implements OrchestratorModule {
    private final String id;
    private final Map<Symbol, StrategyState> states = new HashMap<>();
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
        initialized = true;
    }

    /** Reads the strategy's own settings (and checks them); called once from {@link #initialize}. */
    protected abstract void configure(Settings s, ModuleContext ctx) throws Exception;

    /** A fresh state for one symbol, built from the configured parameters. */
    protected abstract StrategyState newState();

    /** Warm-up bars when the setting is absent (after {@link #configure}). */
    protected abstract int defaultWarmup();

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
        if (!initialized) {
            throw new IllegalStateException("module " + id + " is not initialized");
        }
        StrategyState st = states.get(symbol);
        if (st == null) {
            st = newState();
            states.put(symbol, st);
        }
        return st;
    }

    /** True once the strategy has a view for {@code symbol} (its indicators are past their warm-up). */
    public boolean ready(Symbol symbol) {
        return state(symbol).ready();
    }

    @Override
    public void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low,
                           double close, double volume) {
        if (tf == timeframe) {
            state(symbol).bar(open, high, low, close, volume);
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
        states.clear();
    }
}
