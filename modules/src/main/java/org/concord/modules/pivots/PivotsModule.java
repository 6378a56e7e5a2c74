package org.concord.modules.pivots;

import org.concord.indicators.pivots.WilliamsStructure;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.OrchestratorModule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Williams market structure at several levels plus classic pivot points of the previous completed
 * {@code pivotTimeframe} bar (default 1d).
 *
 * <p>Features (per level n = 1..levels): {@code l<n>.trend}, {@code l<n>.highs}, {@code l<n>.lows} (see
 * {@link WilliamsStructure}), {@code l<n>.distHigh} and {@code l<n>.distLow} (close / last swing - 1, 0 before the
 * first swing); then {@code pp.ready}, {@code pp.distP}, {@code pp.distR1}, {@code pp.distS1}, {@code pp.distR2},
 * {@code pp.distS2} (close / level - 1, 0 until a pivot period completed).
 *
 * <p>Prediction: {@code score = mean of the level trends}; BUY when positive, SELL when negative, HOLD at 0, with
 * confidence {@code |score|}, horizon {@code horizonBars} bars of the decision timeframe.
 */
@ModuleInfo(id = PivotsModule.ID, description = "Williams market structure (multi-level swings, HH/HL/LH/LL) and classic pivot points",
        settings = {"levels", "strength", "horizonBars", "warmupBars", "timeframe", "pivotTimeframe"},
        holding = "P1D")
public final class PivotsModule implements OrchestratorModule {
    public static final String ID = "pivots";

    private int levels = 3;
    private int strength = 2;
    private int horizon = 10;
    private int warmup = 500;
    private Timeframe tf = Timeframe.M1;
    private Timeframe pivotTf = Timeframe.D1;
    private List<String> names = List.of();
    private LongSupplier clock = () -> 0L;
    private boolean explain = true;
    private final Map<Symbol, State> states = new HashMap<>();

    private final class State {
        final WilliamsStructure structure = new WilliamsStructure(levels, strength);
        ClassicPivots pivots;
        double close = Double.NaN;
        final double[] out = new double[names.size()];
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ModuleContext ctx) {
        clock = ctx.clock();
        explain = ctx.explain();
        levels = ctx.intSetting("levels", 3);
        strength = ctx.intSetting("strength", 2);
        horizon = ctx.intSetting("horizonBars", 10);
        warmup = ctx.intSetting("warmupBars", 500);
        tf = Timeframe.ofCode(ctx.stringSetting("timeframe", ctx.decisionTimeframe().code()));
        pivotTf = Timeframe.ofCode(ctx.stringSetting("pivotTimeframe", "1d"));
        new WilliamsStructure(levels, strength); // validates
        if (horizon < 1 || warmup < 0) {
            throw new IllegalArgumentException("horizonBars >= 1 and warmupBars >= 0 required");
        }
        List<String> n = new ArrayList<>();
        for (int l = 1; l <= levels; l++) {
            for (String f : List.of("trend", "highs", "lows", "distHigh", "distLow")) {
                n.add("l" + l + "." + f);
            }
        }
        n.addAll(List.of("pp.ready", "pp.distP", "pp.distR1", "pp.distS1", "pp.distR2", "pp.distS2"));
        names = List.copyOf(n);
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return EnumSet.of(tf, pivotTf);
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
        State st = state(symbol);
        if (t == tf) {
            st.structure.add(openTime, high, low, t.closeTime(openTime));
            st.close = close;
        }
        if (t == pivotTf) {
            st.pivots = ClassicPivots.of(high, low, close);
        }
    }

    /** The structure of {@code symbol} (for charts and tests). */
    public WilliamsStructure structure(Symbol symbol) {
        return state(symbol).structure;
    }

    public ClassicPivots pivots(Symbol symbol) {
        return state(symbol).pivots;
    }

    @Override
    public double[] features(Symbol symbol) {
        State st = state(symbol);
        double[] o = st.out;
        Arrays.fill(o, 0.0);
        if (Double.isNaN(st.close)) {
            return o;
        }
        WilliamsStructure w = st.structure;
        int k = 0;
        for (int l = 1; l <= levels; l++) {
            o[k++] = w.trend(l);
            o[k++] = w.highs(l);
            o[k++] = w.lows(l);
            o[k++] = w.lastHigh(l) == null ? 0 : st.close / w.lastHigh(l).price() - 1;
            o[k++] = w.lastLow(l) == null ? 0 : st.close / w.lastLow(l).price() - 1;
        }
        ClassicPivots p = st.pivots;
        if (p != null) {
            o[k++] = 1;
            o[k++] = st.close / p.p() - 1;
            o[k++] = st.close / p.r1() - 1;
            o[k++] = st.close / p.s1() - 1;
            o[k++] = st.close / p.r2() - 1;
            o[k] = st.close / p.s2() - 1;
        }
        return o;
    }

    /** Mean of the level trends, in [-1, 1]. */
    public double score(Symbol symbol) {
        WilliamsStructure w = state(symbol).structure;
        double sum = 0;
        for (int l = 1; l <= levels; l++) {
            sum += w.trend(l);
        }
        return sum / levels;
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        State st = state(symbol);
        double score = score(symbol);
        Action a = score > 0 ? Action.BUY : score < 0 ? Action.SELL : Action.HOLD;
        return List.of(new Prediction(ID, symbol, clock.getAsLong(), a, Math.abs(score), tf, horizon, explain ? rationale(st) : ""));
    }

    /** "structure L1:HH/HL L2:...": each level's last swing high and low against the one before. */
    private String rationale(State st) {
        StringBuilder why = new StringBuilder("structure");
        for (int l = 1; l <= levels; l++) {
            why.append(" L").append(l).append(':').append(label(st.structure.highs(l), "HH", "LH"))
                    .append('/').append(label(st.structure.lows(l), "HL", "LL"));
        }
        return why.toString();
    }

    private static String label(int v, String up, String down) {
        return v > 0 ? up : v < 0 ? down : "--";
    }

    @Override
    public void reset() {
        states.clear();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "PivotsModule[levels=%d strength=%d tf=%s pivots=%s]", levels, strength, tf, pivotTf);
    }
}
