package org.concord.modules.microstructure;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.model.Action;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.OrchestratorModule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Order-book and trade-flow microstructure: COB imbalance at several depths, spread, book pressure
 * ({@link BookFeatures}), trade-flow imbalance over a time window ({@link TradeFlow}) and VPIN with a toxicity level
 * ({@link Vpin}).
 *
 * <p>Features: {@code book.ready}, {@code imb.<d>} for each configured depth, {@code spread.bps}, {@code pressure},
 * {@code flow}, {@code flow.trades} (trades in the window), {@code vpin}, {@code vpin.ready}, {@code toxicity}
 * (0 low below {@code toxicLow}, 1 medium, 2 high from {@code toxicHigh}). Book features are those of the latest
 * snapshot at or before the decision time; 0 until a book arrived.
 *
 * <p>Prediction: {@code signal = flow} without a book, {@code (flow + imbalance at the middle depth) / 2} with one;
 * BUY above 0.1, SELL below -0.1, else HOLD; confidence {@code min(1, |signal|)}, halved when toxicity is high
 * (informed flow: the direction is less reliable to follow). Horizon: 1 decision bar.
 */
@ModuleInfo(id = MicrostructureModule.ID, description = "Order-book imbalance, spread, pressure, trade-flow imbalance and VPIN toxicity",
        settings = {"depths", "flowWindowMillis", "bucketVolume", "buckets", "toxicLow", "toxicHigh"},
        holding = "PT30M")
public final class MicrostructureModule implements OrchestratorModule {
    public static final String ID = "microstructure";
    static final double SIGNAL_THRESHOLD = 0.1;

    private int[] depths = {1, 5, 10};
    private long flowWindow = 60_000;
    private double bucketVolume = 50;
    private int buckets = 50;
    private double toxicLow = 0.3;
    private double toxicHigh = 0.6;
    private Timeframe tf = Timeframe.M1;
    private LongSupplier clock = () -> 0L;
    private boolean explain = true;
    private List<String> names = List.of();
    private final Map<Symbol, State> states = new HashMap<>();

    private final class State {
        final TradeFlow flow = new TradeFlow(flowWindow);
        final Vpin vpin = new Vpin(bucketVolume, buckets);
        OrderBookSnapshot book;
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
        tf = ctx.decisionTimeframe();
        JsonNode d = ctx.settings().get("depths");
        if (d != null && !d.isNull()) {
            if (!d.isArray() || d.isEmpty()) {
                throw new IllegalArgumentException("depths must be a non-empty list of level counts");
            }
            depths = new int[d.size()];
            for (int i = 0; i < d.size(); i++) {
                depths[i] = d.get(i).asInt();
                if (depths[i] < 1) {
                    throw new IllegalArgumentException("depths must be >= 1, got " + d.get(i));
                }
            }
        }
        flowWindow = ctx.intSetting("flowWindowMillis", 60_000);
        bucketVolume = ctx.doubleSetting("bucketVolume", 50);
        buckets = ctx.intSetting("buckets", 50);
        toxicLow = ctx.doubleSetting("toxicLow", 0.3);
        toxicHigh = ctx.doubleSetting("toxicHigh", 0.6);
        if (!(toxicLow > 0 && toxicLow < toxicHigh && toxicHigh <= 1)) {
            throw new IllegalArgumentException("need 0 < toxicLow < toxicHigh <= 1");
        }
        new TradeFlow(flowWindow);
        new Vpin(bucketVolume, buckets);
        List<String> n = new ArrayList<>();
        n.add("book.ready");
        for (int depth : depths) {
            n.add("imb." + depth);
        }
        n.addAll(List.of("spread.bps", "pressure", "flow", "flow.trades", "vpin", "vpin.ready", "toxicity"));
        names = List.copyOf(n);
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    private State state(Symbol s) {
        State st = states.get(s); // computeIfAbsent alone allocates its lambda (it captures this module) on every call
        return st != null ? st : states.computeIfAbsent(s, k -> new State());
    }

    @Override
    public void onTrade(Symbol symbol, long time, double price, double size, boolean buyerMaker) {
        State st = state(symbol);
        st.flow.add(time, size, !buyerMaker);
        st.vpin.add(size, !buyerMaker);
    }

    @Override
    public void onBook(OrderBookSnapshot book) {
        state(book.symbol()).book = book;
    }

    /** 0 low, 1 medium, 2 high. */
    public int toxicity(double vpin) {
        return vpin >= toxicHigh ? 2 : vpin >= toxicLow ? 1 : 0;
    }

    @Override
    public double[] features(Symbol symbol) {
        State st = state(symbol);
        double[] o = st.out;
        Arrays.fill(o, 0.0);
        int k = 0;
        OrderBookSnapshot b = st.book;
        if (b != null) {
            o[k++] = 1;
            for (int depth : depths) {
                o[k++] = BookFeatures.imbalance(b, depth);
            }
            o[k++] = BookFeatures.spreadBps(b);
            o[k++] = BookFeatures.pressure(b, depths[depths.length - 1]);
        } else {
            k += 1 + depths.length + 2;
        }
        long now = clock.getAsLong();
        o[k++] = st.flow.imbalance(now);
        o[k++] = st.flow.count();
        double v = st.vpin.value();
        o[k++] = v;
        o[k++] = st.vpin.ready() ? 1 : 0;
        o[k] = toxicity(v);
        return o;
    }

    /** The directional signal in [-1, 1] the prediction is made from. */
    public double signal(Symbol symbol) {
        State st = state(symbol);
        double flow = st.flow.imbalance(clock.getAsLong());
        return st.book == null ? flow : (flow + BookFeatures.imbalance(st.book, depths[depths.length / 2])) / 2;
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        State st = state(symbol);
        double s = signal(symbol);
        int tox = toxicity(st.vpin.value());
        Action a = s > SIGNAL_THRESHOLD ? Action.BUY : s < -SIGNAL_THRESHOLD ? Action.SELL : Action.HOLD;
        double conf = Math.min(1, Math.abs(s)) * (tox == 2 ? 0.5 : 1.0);
        // plain concatenation: String.format would cost more than the rest of the decision
        return List.of(new Prediction(ID, symbol, clock.getAsLong(), a, conf, tf, 1, !explain ? ""
                : "flow/book signal " + round3(s) + ", VPIN " + round3(st.vpin.value()) + " ("
                        + (tox == 2 ? "high" : tox == 1 ? "medium" : "low") + ")"));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    @Override
    public void reset() {
        states.clear();
    }
}
