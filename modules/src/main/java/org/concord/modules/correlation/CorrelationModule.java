package org.concord.modules.correlation;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.OrchestratorModule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Rolling correlation and beta of log returns between configured symbol pairs (default BTCUSD vs ETHUSD) on the
 * decision timeframe.
 *
 * <p>A return {@code ln(c_t / c_{t-1})} is formed only between consecutive bars (a gap restarts the series); a pair
 * enters the window when both symbols have a return for the same bar time. Features, the same for every symbol, per
 * pair {@code A-B}: {@code A-B.corr}, {@code A-B.beta} (of B on A), {@code A-B.ready} (1 once {@code minPairs}
 * aligned returns, default 10, are in the window; corr and beta are 0 before). No prediction: correlation is not a
 * direction (risk and allocation read it from the state vector).
 */
@ModuleInfo(id = CorrelationModule.ID, description = "Rolling return correlation and beta between symbol pairs",
        settings = {"timeframe", "window", "minPairs", "warmupBars", "pairs"})
public final class CorrelationModule implements OrchestratorModule {
    public static final String ID = "correlation";
    private static final int MAX_PENDING = 64;

    private Timeframe tf = Timeframe.M1;
    private int window = 60;
    private int minPairs = 10;
    private int warmup = 120;
    private final List<Symbol[]> pairs = new ArrayList<>();
    private final List<RollingCorrelation> windows = new ArrayList<>();
    private final Map<Symbol, Last> last = new HashMap<>();
    private List<String> names = List.of();
    private double[] out = new double[0];

    private static final class Last {
        long openTime = Long.MIN_VALUE;
        double close;
        /** returns by bar open time not yet paired, oldest first */
        final TreeMap<Long, Double> pending = new TreeMap<>();
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
        Last l = last.computeIfAbsent(symbol, k -> new Last());
        if (l.openTime != Long.MIN_VALUE && openTime == l.openTime + tf.millis()) {
            l.pending.put(openTime, Math.log(close / l.close));
            if (l.pending.size() > MAX_PENDING) {
                l.pending.pollFirstEntry();
            }
            pairUp(symbol, openTime);
        }
        l.openTime = openTime;
        l.close = close;
    }

    private void pairUp(Symbol symbol, long openTime) {
        for (int i = 0; i < pairs.size(); i++) {
            Symbol[] pair = pairs.get(i);
            if (!pair[0].equals(symbol) && !pair[1].equals(symbol)) {
                continue;
            }
            Last la = last.get(pair[0]);
            Last lb = last.get(pair[1]);
            if (la == null || lb == null) {
                continue;
            }
            Double ra = la.pending.get(openTime);
            Double rb = lb.pending.get(openTime);
            if (ra != null && rb != null) {
                // each symbol gets a bar time once, so a pair is added once: when its second return arrives
                windows.get(i).add(ra, rb);
            }
        }
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
        last.clear();
        windows.forEach(RollingCorrelation::clear);
    }
}
