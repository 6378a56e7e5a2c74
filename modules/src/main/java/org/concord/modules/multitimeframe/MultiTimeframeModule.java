package org.concord.modules.multitimeframe;

import org.concord.indicators.DelayLine;
import org.concord.indicators.Ema;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.strategy.Settings;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.OrchestratorModule;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Trend agreement across timeframes (default 1m, 5m, 1h, 1d). Per timeframe, on its bar closes: an EMA of the closes
 * and its slope over {@code slopeBars} bars give {@code score = ½·sign(close − ema) + ½·sign(ema − ema[slopeBars])}
 * ∈ {−1, −½, 0, ½, 1}. {@code alignment} = the weighted mean of the scores of the timeframes that are ready, in
 * [−1, 1] ({@link #alignment}). BUY when alignment ≥ {@code threshold}, SELL when ≤ −threshold, with confidence
 * |alignment|; otherwise HOLD (confidence 0); HOLD also while fewer than {@code minTimeframes} are ready.
 *
 * <p>Each timeframe counts with its last <em>closed</em> bar: bars of several timeframes that close at the same
 * instant are delivered shortest first, so a decision on the 1m close at 10:05 sees the 5m bar that closed at
 * 10:00 (the one closing at 10:05 arrives just after) — never a bar not closed yet.
 *
 * <p>Settings: {@code timeframes} [1m, 5m, 1h, 1d], {@code weights} (a list, one per timeframe, default 1 each),
 * {@code emaPeriod} 20, {@code slopeBars} 3, {@code threshold} 0.6, {@code minTimeframes} 2, {@code horizonBars} 5,
 * {@code warmupBars} 100 (per timeframe). Features: {@code alignment}, {@code ready} (timeframes ready), then per
 * timeframe {@code <tf>.score} and {@code <tf>.ready}.
 */
@ModuleInfo(id = MultiTimeframeModule.ID, description = "Trend alignment of EMA position and slope across 1m/5m/1h/1d; votes when strongly aligned",
        settings = {"timeframes", "weights", "emaPeriod", "slopeBars", "minTimeframes", "threshold", "horizonBars", "warmupBars"},
        holding = "P2D")
public final class MultiTimeframeModule implements OrchestratorModule {
    public static final String ID = "multi-timeframe";

    private Timeframe[] tfs = {};
    private Set<Timeframe> tfSet = Set.of();
    private double[] weights = {};
    private int emaPeriod = 20;
    private int slopeBars = 3;
    private double threshold = 0.6;
    private int minTimeframes = 2;
    private int horizon = 5;
    private int warmup = 100;
    private Timeframe decisionTf = Timeframe.M1;
    private LongSupplier clock = () -> 0L;
    private boolean explain = true;
    private List<String> names = List.of();
    private final Map<Symbol, State> states = new HashMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ModuleContext ctx) {
        Settings s = new Settings(ID, ctx.settings());
        clock = ctx.clock();
        explain = ctx.explain();
        decisionTf = ctx.decisionTimeframe();
        List<String> codes = s.texts("timeframes", List.of("1m", "5m", "1h", "1d"));
        EnumSet<Timeframe> seen = EnumSet.noneOf(Timeframe.class);
        tfs = new Timeframe[codes.size()];
        for (int i = 0; i < tfs.length; i++) {
            tfs[i] = Timeframe.ofCode(codes.get(i));
            if (!seen.add(tfs[i])) {
                throw new IllegalArgumentException("module " + ID + ": timeframe " + tfs[i] + " is listed twice");
            }
        }
        if (tfs.length == 0) {
            throw new IllegalArgumentException("module " + ID + ": at least one timeframe is required");
        }
        tfSet = Set.of(tfs);
        List<String> w = s.texts("weights", null);
        weights = new double[tfs.length];
        for (int i = 0; i < tfs.length; i++) {
            weights[i] = w == null ? 1 : parseWeight(w, i);
        }
        if (w != null && w.size() != tfs.length) {
            throw new IllegalArgumentException("module " + ID + ": " + w.size() + " weights for " + tfs.length + " timeframes");
        }
        emaPeriod = s.integer("emaPeriod", 20, 1);
        slopeBars = s.integer("slopeBars", 3, 1);
        threshold = s.number("threshold", 0.6, 0, 1);
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("module " + ID + ": threshold must be in (0, 1]");
        }
        minTimeframes = s.integer("minTimeframes", Math.min(2, tfs.length), 1);
        if (minTimeframes > tfs.length) {
            throw new IllegalArgumentException("module " + ID + ": minTimeframes " + minTimeframes + " exceeds the " + tfs.length + " timeframes");
        }
        horizon = s.integer("horizonBars", 5, 1);
        warmup = s.integer("warmupBars", 100, 0);
        s.rejectUnknown();
        List<String> n = new ArrayList<>(List.of("alignment", "ready"));
        for (Timeframe tf : tfs) {
            n.add(tf.code() + ".score");
            n.add(tf.code() + ".ready");
        }
        names = List.copyOf(n);
    }

    private static double parseWeight(List<String> w, int i) {
        if (i >= w.size()) {
            return 1; // the count is checked right after
        }
        double v;
        try {
            v = Double.parseDouble(w.get(i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("module " + ID + ": weight '" + w.get(i) + "' is not a number");
        }
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("module " + ID + ": weights must be finite and >= 0, got " + v);
        }
        return v;
    }

    /** {@code ½·sign(close − ema) + ½·sign(ema − emaAgo)}. */
    static double score(double close, double ema, double emaAgo) {
        return 0.5 * Math.signum(close - ema) + 0.5 * Math.signum(ema - emaAgo);
    }

    /** Weighted mean of the ready timeframes' scores (0 when none is ready or all weights are 0). */
    static double alignment(double[] scores, boolean[] ready, double[] weights) {
        double sum = 0;
        double w = 0;
        for (int i = 0; i < scores.length; i++) {
            if (ready[i]) {
                sum += weights[i] * scores[i];
                w += weights[i];
            }
        }
        return w > 0 ? sum / w : 0;
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return tfSet;
    }

    @Override
    public int warmupBars() {
        return warmup;
    }

    private final class State {
        final Ema[] emas = new Ema[tfs.length];
        final DelayLine[] history = new DelayLine[tfs.length];
        final double[] close = new double[tfs.length];
        final double[] scores = new double[tfs.length];
        final boolean[] ready = new boolean[tfs.length];
        final double[] out = new double[names.size()];

        State() {
            for (int i = 0; i < tfs.length; i++) {
                emas[i] = new Ema(emaPeriod);
                history[i] = new DelayLine(slopeBars + 1);
            }
        }

        void bar(int k, double open, double high, double low, double c, double volume) {
            Ema e = emas[k];
            e.onBar(open, high, low, c, volume);
            close[k] = c;
            if (e.isStable()) {
                history[k].add(e.value());
            }
            ready[k] = history[k].size() > slopeBars;
            scores[k] = ready[k] ? score(c, e.value(), history[k].ago(slopeBars)) : 0;
        }

        int readyCount() {
            int n = 0;
            for (boolean r : ready) {
                n += r ? 1 : 0;
            }
            return n;
        }
    }

    private State state(Symbol s) {
        State st = states.get(s);
        if (st == null) { // not computeIfAbsent: its lambda would capture this and allocate on every bar
            st = new State();
            states.put(s, st);
        }
        return st;
    }

    @Override
    public void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume) {
        for (int k = 0; k < tfs.length; k++) {
            if (tfs[k] == tf) {
                state(symbol).bar(k, open, high, low, close, volume);
                return;
            }
        }
    }

    @Override
    public double[] features(Symbol symbol) {
        State st = state(symbol);
        double[] o = st.out;
        o[0] = alignment(st.scores, st.ready, weights);
        o[1] = st.readyCount();
        for (int k = 0; k < tfs.length; k++) {
            o[2 + 2 * k] = st.scores[k];
            o[3 + 2 * k] = st.ready[k] ? 1 : 0;
        }
        return o;
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        State st = state(symbol);
        double a = alignment(st.scores, st.ready, weights);
        int n = st.readyCount();
        Action action = Action.HOLD;
        if (n >= minTimeframes) {
            action = a >= threshold ? Action.BUY : a <= -threshold ? Action.SELL : Action.HOLD;
        }
        double conf = action == Action.HOLD ? 0 : Math.abs(a);
        return List.of(new Prediction(ID, symbol, clock.getAsLong(), action, conf, decisionTf, horizon,
                explain ? rationale(st, a, n) : ""));
    }

    private String rationale(State st, double a, int n) {
        StringBuilder sb = new StringBuilder(160);
        if (n < minTimeframes) {
            sb.append(n).append(" of ").append(tfs.length).append(" timeframes ready (need ").append(minTimeframes).append(')');
        } else {
            Fmt.signed(sb.append("alignment "), a, 3);
            sb.append(Math.abs(a) >= threshold ? (a > 0 ? " aligned up" : " aligned down") : " not aligned");
        }
        for (int k = 0; k < tfs.length; k++) {
            sb.append(k == 0 ? ": " : ", ").append(tfs[k].code()).append(' ');
            if (!st.ready[k]) {
                sb.append("not ready");
                continue;
            }
            double ema = st.emas[k].value();
            double slope = ema - st.history[k].ago(slopeBars);
            sb.append(st.scores[k] > 0 ? "up" : st.scores[k] < 0 ? "down" : "mixed").append(" (close ")
                    .append(st.close[k] > ema ? '>' : st.close[k] < ema ? '<' : '=').append(" EMA").append(emaPeriod).append(' ');
            Fmt.num(sb, ema).append(slope > 0 ? ", rising)" : slope < 0 ? ", falling)" : ", flat)");
        }
        return sb.toString();
    }

    @Override
    public void reset() {
        states.clear();
    }
}
