package org.concord.modules.marketanalysis;

import org.concord.indicators.Adx;
import org.concord.indicators.Atr;
import org.concord.indicators.EfficiencyRatio;
import org.concord.indicators.Returns;
import org.concord.indicators.StdDev;
import org.concord.model.Fmt;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.strategy.Settings;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.OrchestratorModule;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Market context: the trend regime (ADX and Kaufman's efficiency ratio) and the volatility regime (the percentile
 * of the current volatility among the last {@code percentileWindow} values). Context, not a direction: no
 * prediction; its features feed the state vector (and neural fusion), and {@link #regime(Symbol)} gives the same to
 * other code.
 *
 * <p><b>Trend regime</b> ({@link #classify}): TRENDING when ADX ≥ {@code adxTrending} and ER ≥ {@code erTrending};
 * RANGING when ADX &lt; {@code adxRanging} and ER &lt; {@code erRanging}; TRANSITION otherwise (the two disagree, or
 * in between). Direction: the sign of +DI − −DI. <b>Volatility</b>: {@code realized} = population σ of log returns
 * over {@code volWindow} bars, or {@code atr} = ATR(volWindow)/close; its percentile = (values below + ½·equal) /
 * count among the previous {@code percentileWindow} values (the current one excluded), known once
 * {@code minHistory} values exist; LOW below {@code lowPercentile}, HIGH from {@code highPercentile}, MEDIUM between.
 *
 * <p>Settings: {@code timeframe} (decision timeframe), {@code adxPeriod} 14, {@code erPeriod} 20,
 * {@code adxTrending} 25, {@code adxRanging} 20, {@code erTrending} 0.3, {@code erRanging} 0.15, {@code volMeasure}
 * realized|atr, {@code volWindow} 20, {@code percentileWindow} 500, {@code minHistory} 100, {@code lowPercentile}
 * 0.33, {@code highPercentile} 0.67, {@code warmupBars} 668 (the sum of the windows + 100). Features (in order): {@code ready}, {@code adx} (/100),
 * {@code er}, {@code regime} (+1 trending, 0 transition, −1 ranging), {@code direction}, {@code vol},
 * {@code vol.percentile}, {@code vol.regime} (0 low, 1 medium, 2 high), {@code vol.ready}. Command {@code status}:
 * one line per symbol.
 */
@ModuleInfo(id = MarketAnalysisModule.ID, description = "Market regime: trending/ranging (ADX, efficiency ratio) and volatility percentile (low/medium/high)",
        settings = {"timeframe", "warmupBars", "minHistory", "adxPeriod", "adxTrending", "adxRanging", "erPeriod", "erTrending", "erRanging", "volMeasure", "volWindow", "percentileWindow", "lowPercentile", "highPercentile"})
public final class MarketAnalysisModule implements OrchestratorModule {
    public static final String ID = "market-analysis";
    private static final List<String> NAMES = List.of("ready", "adx", "er", "regime", "direction", "vol", "vol.percentile",
            "vol.regime", "vol.ready");

    private Timeframe timeframe = Timeframe.M1;
    private Set<Timeframe> timeframes = Set.of(Timeframe.M1);
    private int adxPeriod = 14;
    private int erPeriod = 20;
    private double adxTrending = 25;
    private double adxRanging = 20;
    private double erTrending = 0.3;
    private double erRanging = 0.15;
    private boolean realized = true;
    private int volWindow = 20;
    private int percentileWindow = 500;
    private int minHistory = 100;
    private double lowPercentile = 0.33;
    private double highPercentile = 0.67;
    private int warmup = 700;
    private final Map<Symbol, State> states = new HashMap<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ModuleContext ctx) {
        Settings s = new Settings(ID, ctx.settings());
        timeframe = s.timeframe("timeframe", ctx.decisionTimeframe());
        timeframes = Set.of(timeframe);
        adxPeriod = s.integer("adxPeriod", 14, 1);
        erPeriod = s.integer("erPeriod", 20, 1);
        adxTrending = s.number("adxTrending", 25, 0, 100);
        adxRanging = s.number("adxRanging", 20, 0, 100);
        erTrending = s.number("erTrending", 0.3, 0, 1);
        erRanging = s.number("erRanging", 0.15, 0, 1);
        if (adxRanging > adxTrending || erRanging > erTrending) {
            throw new IllegalArgumentException("module " + ID + ": the ranging thresholds must not be above the trending ones");
        }
        realized = s.choice("volMeasure", "realized", "realized", "atr").equals("realized");
        volWindow = s.integer("volWindow", 20, 2);
        percentileWindow = s.integer("percentileWindow", 500, 1);
        minHistory = s.integer("minHistory", Math.min(100, percentileWindow), 1);
        if (minHistory > percentileWindow) {
            throw new IllegalArgumentException("module " + ID + ": minHistory " + minHistory + " exceeds percentileWindow " + percentileWindow);
        }
        lowPercentile = s.number("lowPercentile", 0.33, 0, 1);
        highPercentile = s.number("highPercentile", 0.67, 0, 1);
        if (lowPercentile > highPercentile) {
            throw new IllegalArgumentException("module " + ID + ": lowPercentile must not be above highPercentile");
        }
        warmup = s.integer("warmupBars", percentileWindow + volWindow + 2 * adxPeriod + erPeriod + 100, 0);
        s.rejectUnknown();
    }

    /** The trend regime of an ADX and an efficiency ratio under these thresholds. */
    static MarketRegime.Trend classify(double adx, double er, double adxTrending, double adxRanging, double erTrending, double erRanging) {
        if (Double.isNaN(adx) || Double.isNaN(er)) {
            return MarketRegime.Trend.UNKNOWN;
        }
        if (adx >= adxTrending && er >= erTrending) {
            return MarketRegime.Trend.TRENDING;
        }
        if (adx < adxRanging && er < erRanging) {
            return MarketRegime.Trend.RANGING;
        }
        return MarketRegime.Trend.TRANSITION;
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    public Set<Timeframe> timeframes() {
        return timeframes;
    }

    @Override
    public int warmupBars() {
        return warmup;
    }

    private final class State {
        final Adx adx = new Adx(adxPeriod);
        final EfficiencyRatio er = new EfficiencyRatio(erPeriod);
        final Returns returns = new Returns(Returns.Kind.LOG);
        final StdDev sd = new StdDev(volWindow);
        final Atr atr = new Atr(volWindow);
        final Percentile history = new Percentile(percentileWindow);
        final double[] out = new double[NAMES.size()];
        double vol = Double.NaN;
        double percentile = Double.NaN;

        void bar(double open, double high, double low, double close, double volume) {
            adx.onBar(open, high, low, close, volume);
            er.onBar(open, high, low, close, volume);
            if (realized) {
                returns.onBar(open, high, low, close, volume);
                if (returns.isStable()) {
                    sd.update(returns.value());
                }
                vol = sd.isStable() ? sd.value() : Double.NaN;
            } else {
                atr.onBar(open, high, low, close, volume);
                vol = atr.isStable() ? atr.value() / close : Double.NaN;
            }
            if (!Double.isNaN(vol)) {
                percentile = history.size() >= minHistory ? history.rank(vol) : Double.NaN;
                history.add(vol);
            }
        }

        MarketRegime regime() {
            double a = adx.adx();
            double e = er.value();
            MarketRegime.Trend t = classify(a, e, adxTrending, adxRanging, erTrending, erRanging);
            double diff = adx.plusDi() - adx.minusDi();
            int dir = t == MarketRegime.Trend.UNKNOWN || diff == 0 ? 0 : diff > 0 ? 1 : -1;
            MarketRegime.Volatility v = Double.isNaN(percentile) ? MarketRegime.Volatility.UNKNOWN
                    : percentile < lowPercentile ? MarketRegime.Volatility.LOW
                    : percentile >= highPercentile ? MarketRegime.Volatility.HIGH : MarketRegime.Volatility.MEDIUM;
            return new MarketRegime(t, dir, v, a, e, vol, percentile);
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
        if (tf == timeframe) {
            state(symbol).bar(open, high, low, close, volume);
        }
    }

    /** The regimes of {@code symbol} after its last bar. */
    public MarketRegime regime(Symbol symbol) {
        return state(symbol).regime();
    }

    @Override
    public double[] features(Symbol symbol) {
        State st = state(symbol);
        double[] o = st.out;
        Arrays.fill(o, 0.0);
        double a = st.adx.adx();
        double e = st.er.value();
        if (!Double.isNaN(a) && !Double.isNaN(e)) {
            o[0] = 1;
            o[1] = a / 100;
            o[2] = e;
            MarketRegime.Trend t = classify(a, e, adxTrending, adxRanging, erTrending, erRanging);
            o[3] = t == MarketRegime.Trend.TRENDING ? 1 : t == MarketRegime.Trend.RANGING ? -1 : 0;
            double diff = st.adx.plusDi() - st.adx.minusDi();
            o[4] = diff > 0 ? 1 : diff < 0 ? -1 : 0;
        }
        if (!Double.isNaN(st.vol)) {
            o[5] = st.vol;
        }
        if (!Double.isNaN(st.percentile)) {
            o[6] = st.percentile;
            o[7] = st.percentile < lowPercentile ? 0 : st.percentile >= highPercentile ? 2 : 1;
            o[8] = 1;
        }
        return o;
    }

    /** None: the module is context, not a direction. */
    @Override
    public List<Prediction> predictions(Symbol symbol) {
        return List.of();
    }

    @Override
    public String command(String name, Map<String, String> args) {
        if (!name.equals("status")) {
            return OrchestratorModule.super.command(name, args);
        }
        StringBuilder sb = new StringBuilder();
        states.keySet().stream().sorted().forEach(sym -> {
            MarketRegime r = regime(sym);
            sb.append(sb.length() > 0 ? "; " : "").append(sym).append(": ").append(r.trend());
            if (r.trend() != MarketRegime.Trend.UNKNOWN) {
                sb.append(r.direction() > 0 ? " up" : r.direction() < 0 ? " down" : "");
                Fmt.num(sb.append(" (ADX "), r.adx(), 3);
                Fmt.num(sb.append(", ER "), r.efficiency(), 2).append(')');
            }
            sb.append(", volatility ").append(r.volatility());
            if (r.volatility() != MarketRegime.Volatility.UNKNOWN) {
                sb.append(" (p").append(Math.round(r.percentile() * 100)).append(')');
            }
        });
        return sb.length() == 0 ? "no bars yet" : sb.toString();
    }

    @Override
    public void reset() {
        states.clear();
    }
}
