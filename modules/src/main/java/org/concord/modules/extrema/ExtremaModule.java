package org.concord.modules.extrema;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.OrchestratorModule;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Local extrema with confirmation lag on the decision timeframe (see {@link ExtremaDetector}).
 *
 * <p>Features: {@code ready} (1 once an extremum was confirmed), {@code last} (+1 the newest extremum is a maximum,
 * -1 a minimum, 0 none), {@code sinceMax} and {@code sinceMin} (bars since that extremum's bar, 0 before the first),
 * {@code distMax} and {@code distMin} (close / extremum price - 1, 0 before the first).
 *
 * <p>Prediction: after a confirmed minimum BUY (a turn up), after a maximum SELL, with confidence
 * {@code exp(-barsSinceConfirmation / decay)} so it fades as the turn ages; HOLD 0 before any extremum. Horizon:
 * {@code lag} bars. {@link #labels(Symbol)} gives the confirmed extrema as training labels.
 */
@ModuleInfo(id = ExtremaModule.ID, description = "Local extrema with confirmation lag; distance and age of the last turn; training labels",
        settings = {"lag", "decay", "warmupBars", "timeframe"},
        holding = "PT1H")
public final class ExtremaModule implements OrchestratorModule {
    public static final String ID = "extrema";
    private static final List<String> NAMES = List.of("ready", "last", "sinceMax", "sinceMin", "distMax", "distMin");

    private int lag = 5;
    private double decay = 10;
    private int warmup = 200;
    private Timeframe tf = Timeframe.M1;
    private LongSupplier clock = () -> 0L;
    private boolean explain = true;
    private final Map<Symbol, State> states = new HashMap<>();

    private final class State {
        final ExtremaDetector detector = new ExtremaDetector(lag, 256);
        double close = Double.NaN;
        long confirmedBars;
        final double[] out = new double[NAMES.size()];
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ModuleContext ctx) {
        clock = ctx.clock();
        explain = ctx.explain();
        lag = ctx.intSetting("lag", 5);
        decay = ctx.doubleSetting("decay", 10);
        warmup = ctx.intSetting("warmupBars", 200);
        tf = Timeframe.ofCode(ctx.stringSetting("timeframe", ctx.decisionTimeframe().code()));
        new ExtremaDetector(lag, 1); // validates
        if (!(decay > 0) || warmup < 0) {
            throw new IllegalArgumentException("decay > 0 and warmupBars >= 0 required");
        }
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return Set.of(tf);
    }

    @Override
    public int warmupBars() {
        return warmup;
    }

    private State state(Symbol s) {
        State st = states.get(s); // computeIfAbsent alone allocates its lambda (it captures this module) on every call
        return st != null ? st : states.computeIfAbsent(s, k -> new State());
    }

    @Override
    public void onBarClose(Symbol symbol, Timeframe t, long openTime, double open, double high, double low, double close, double volume) {
        if (t != tf) {
            return;
        }
        State st = state(symbol);
        st.close = close;
        if (st.detector.add(openTime, high, low, t.closeTime(openTime)) != null) {
            st.confirmedBars = 0;
        } else {
            st.confirmedBars++;
        }
    }

    @Override
    public double[] features(Symbol symbol) {
        State st = state(symbol);
        double[] o = st.out;
        Arrays.fill(o, 0.0);
        ExtremaDetector d = st.detector;
        Extremum last = d.last();
        if (last == null) {
            return o;
        }
        o[0] = 1;
        o[1] = last.max() ? 1 : -1;
        o[2] = Math.max(0, d.barsSinceMax());
        o[3] = Math.max(0, d.barsSinceMin());
        o[4] = d.lastMax() == null ? 0 : st.close / d.lastMax().price() - 1;
        o[5] = d.lastMin() == null ? 0 : st.close / d.lastMin().price() - 1;
        return o;
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        State st = state(symbol);
        Extremum last = st.detector.last();
        long now = clock.getAsLong();
        if (last == null) {
            return List.of(new Prediction(ID, symbol, now, Action.HOLD, 0, tf, lag, "no extremum yet"));
        }
        double conf = Math.exp(-st.confirmedBars / decay);
        Action a = last.max() ? Action.SELL : Action.BUY;
        return List.of(new Prediction(ID, symbol, now, a, conf, tf, lag, !explain ? ""
                : (last.max() ? "local max " : "local min ") + last.price() + " confirmed " + st.confirmedBars + (st.confirmedBars == 1 ? " bar ago" : " bars ago")));
    }

    /** The confirmed extrema of {@code symbol} (newest 256), oldest first: labels for training. */
    public List<Extremum> labels(Symbol symbol) {
        return state(symbol).detector.recent();
    }

    @Override
    public void reset() {
        states.clear();
    }
}
