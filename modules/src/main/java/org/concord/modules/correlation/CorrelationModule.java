package org.concord.modules.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.bus.Subscription;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.OrchestratorModule;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Rolling correlation and beta of log returns between configured symbol pairs on one timeframe (default: the decision
 * timeframe).
 *
 * <p><b>Cross-asset input.</b> The orchestrator hands this module its own symbols' bars; the other symbol of a pair
 * (another instrument, run by its own orchestrator or not at all) is read from the DataProvider: its closed bars of
 * the module's timeframe as they close (a subscription that only records the return, on the feed's thread, without
 * blocking) and, at initialize, its history up to the decision clock. Pairs are formed when one of the module's own
 * symbols closes a bar at open time {@code t}: the latest {@code window} open times {@code <= t} for which both
 * symbols have a return, so nothing after {@code t} is read and two instruments are compared on the same bars of the
 * same calendar time only (the bundled ETHUSD, ten years after the BTCUSD tape, never pairs with it: not ready).
 *
 * <p>A return {@code ln(c_t / c_{t-1})} is formed only between consecutive bars of a symbol (a gap restarts its
 * series); on the 1d timeframe up to {@value #SESSION_GAP_DAYS} days count as consecutive, so a stock's Monday follows
 * its Friday. Features, the same for every symbol, per pair {@code A-B}: {@code A-B.corr}, {@code A-B.beta} (of B on
 * A), {@code A-B.ready} (1 once {@code minPairs} aligned returns, default 10, are in the window; corr and beta are 0
 * before). No prediction: correlation is not a direction (risk and allocation read it from the state vector).
 */
@ModuleInfo(id = CorrelationModule.ID, description = "Rolling return correlation and beta between symbol pairs",
        settings = {"timeframe", "window", "minPairs", "warmupBars", "pairs"})
public final class CorrelationModule implements OrchestratorModule {
    public static final String ID = "correlation";
    /** On 1d bars, the longest step (a long weekend) between two sessions that still makes a return. */
    static final int SESSION_GAP_DAYS = 4;

    private Timeframe tf = Timeframe.M1;
    private int window = 60;
    private int minPairs = 10;
    private int warmup = 120;
    private final List<Symbol[]> pairs = new ArrayList<>();
    private final List<RollingCorrelation> windows = new ArrayList<>();
    private final Map<Symbol, Returns> returns = new ConcurrentHashMap<>();
    private Set<Symbol> own = Set.of();
    private Subscription others;
    private List<String> names = List.of();
    private double[] out = new double[0];

    /** One symbol's returns by bar open time; written by one thread (its feed's, or the decision thread), read by the decision thread. */
    private final class Returns {
        long openTime = Long.MIN_VALUE;
        double close;
        final ConcurrentSkipListMap<Long, Double> byTime = new ConcurrentSkipListMap<>();

        void add(long t, double c) {
            if (openTime != Long.MIN_VALUE && t > openTime && t - openTime <= maxStep()) {
                byTime.put(t, Math.log(c / close));
                while (byTime.size() > 4 * window) {
                    byTime.pollFirstEntry();
                }
            }
            if (t > openTime) {
                openTime = t;
                close = c;
            }
        }
    }

    private long maxStep() {
        return tf == Timeframe.D1 ? SESSION_GAP_DAYS * tf.millis() : tf.millis();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ModuleContext ctx) {
        tf = Timeframe.ofCode(ctx.stringSetting("timeframe", ctx.decisionTimeframe().code()));
        window = ctx.intSetting("window", 60);
        minPairs = ctx.intSetting("minPairs", Math.min(10, window));
        warmup = ctx.intSetting("warmupBars", 2 * window);
        if (minPairs < 2 || minPairs > window) {
            throw new IllegalArgumentException("minPairs must be in [2, window], got " + minPairs);
        }
        JsonNode p = ctx.settings().get("pairs");
        pairs.clear();
        if (p == null || p.isNull()) {
            pairs.add(new Symbol[] {Symbol.of("BTCUSD"), Symbol.of("ETHUSD")});
        } else {
            if (!p.isArray() || p.isEmpty()) {
                throw new IllegalArgumentException("pairs must be a list of [A, B] symbol pairs");
            }
            for (JsonNode pair : p) {
                if (!pair.isArray() || pair.size() != 2) {
                    throw new IllegalArgumentException("each pair must be [A, B], got " + pair);
                }
                Symbol a = Symbol.of(pair.get(0).asText());
                Symbol b = Symbol.of(pair.get(1).asText());
                if (a.equals(b)) {
                    throw new IllegalArgumentException("a pair needs two different symbols, got " + pair);
                }
                pairs.add(new Symbol[] {a, b});
            }
        }
        windows.clear();
        List<String> n = new ArrayList<>();
        for (Symbol[] pair : pairs) {
            windows.add(new RollingCorrelation(window));
            String key = pair[0] + "-" + pair[1];
            n.addAll(List.of(key + ".corr", key + ".beta", key + ".ready"));
        }
        names = List.copyOf(n);
        out = new double[names.size()];
        own = Set.copyOf(ctx.symbols());
        returns.clear();
        subscribeOthers(ctx);
    }

    /** The other instruments of the pairs: their history up to the decision clock, then each bar as it closes. */
    private void subscribeOthers(ModuleContext ctx) {
        if (others != null) {
            others.close();
            others = null;
        }
        DataProvider data = ctx.data();
        Set<Symbol> foreign = new LinkedHashSet<>();
        pairs.forEach(pair -> foreign.addAll(List.of(pair)));
        foreign.removeAll(own);
        if (data == null || foreign.isEmpty()) {
            return;
        }
        for (Symbol s : foreign) {
            BarSeries h = ctx.history(s, tf, 4 * window + 1);
            Returns r = returns(s);
            for (int i = 0; i < h.size(); i++) {
                r.add(h.time(i), h.close(i));
            }
        }
        others = data.subscribeBarCloses(new BarListener() {
            @Override
            public void onBarClose(Symbol s, Timeframe t, long openTime, double o, double h, double l, double c, double v) {
                if (t == tf && foreign.contains(s)) {
                    returns(s).add(openTime, c);
                }
            }
        });
    }

    @Override
    public List<String> featureNames() {
        return names;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return Set.of(tf);
    }

    @Override
    public int warmupBars() {
        return warmup;
    }

    @Override
    public void onBarClose(Symbol symbol, Timeframe t, long openTime, double open, double high, double low, double close, double volume) {
        if (t != tf) {
            return;
        }
        returns(symbol).add(openTime, close);
        for (int i = 0; i < pairs.size(); i++) {
            pairUp(i, openTime);
        }
    }

    private Returns returns(Symbol s) {
        Returns r = returns.get(s); // computeIfAbsent alone allocates its lambda (it captures this module) on every call
        return r != null ? r : returns.computeIfAbsent(s, k -> new Returns());
    }

    /** Window {@code i} from the latest {@code window} open times {@code <= t} where both symbols have a return. */
    private void pairUp(int i, long t) {
        Symbol[] pair = pairs.get(i);
        Returns ra = returns.get(pair[0]);
        Returns rb = returns.get(pair[1]);
        RollingCorrelation w = windows.get(i);
        w.clear();
        if (ra == null || rb == null) {
            return;
        }
        NavigableMap<Long, Double> a = ra.byTime.headMap(t, true);
        NavigableMap<Long, Double> b = rb.byTime.headMap(t, true);
        Deque<double[]> aligned = new ArrayDeque<>(window);
        for (Map.Entry<Long, Double> e : a.descendingMap().entrySet()) {
            Double other = b.get(e.getKey());
            if (other != null) {
                aligned.addFirst(new double[] {e.getValue(), other});
                if (aligned.size() == window) {
                    break;
                }
            }
        }
        aligned.forEach(x -> w.add(x[0], x[1]));
    }

    @Override
    public double[] features(Symbol symbol) {
        for (int i = 0, k = 0; i < windows.size(); i++) {
            RollingCorrelation w = windows.get(i);
            boolean ready = w.size() >= minPairs;
            out[k++] = ready ? w.correlation() : 0;
            out[k++] = ready ? w.beta() : 0;
            out[k++] = ready ? 1 : 0;
        }
        return out;
    }

    /** The window of pair {@code i} (configuration order). */
    public RollingCorrelation pair(int i) {
        return windows.get(i);
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        return List.of();
    }

    @Override
    public void reset() {
        own.forEach(returns::remove);
        windows.forEach(RollingCorrelation::clear);
    }

    @Override
    public void close() {
        if (others != null) {
            others.close();
            others = null;
        }
    }
}
