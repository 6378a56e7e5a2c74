package org.concord.modules.strategy.trend;

import org.concord.indicators.Atr;
import org.concord.indicators.DelayLine;
import org.concord.indicators.Ema;
import org.concord.indicators.Macd;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.modules.strategy.Settings;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.StrategyState;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;

import java.util.List;

/**
 * Trend following: the EMA regime (fast over slow, 50/200), the MACD against its signal line and the slope of the
 * fast EMA in ATRs per bar ({@code (ema − ema[slopeBars]) / (slopeBars · ATR)}). BUY when the fast EMA is above the
 * slow one, MACD above its signal and the slope at least {@code minSlope}; SELL the mirror; otherwise HOLD with the
 * reason. Confidence {@code min(1, 0.5 + 0.5 · min(1, |slope| / strongSlope))} (see {@link #confidence}). The
 * rationale names the last golden/death cross and MACD cross and how long ago they were.
 *
 * <p>Settings: {@code fast} 50, {@code slow} 200, {@code macdFast} 12, {@code macdSlow} 26, {@code macdSignal} 9,
 * {@code atrPeriod} 14, {@code slopeBars} 10, {@code minSlope} 0.02, {@code strongSlope} 0.2, plus the common ones.
 * Features: {@code ready}, {@code regime} (+1 fast above slow, −1 below), {@code macd} (+1 above its signal, −1
 * below), {@code slope} (ATR per bar), {@code gap} ((fast − slow) / ATR), {@code sinceCross} and
 * {@code sinceMacdCross} (bars since the last cross seen, 0 before one), {@code signal}.
 */
@ModuleInfo(id = TrendModule.ID, description = "Trend: EMA 50/200 regime, MACD signal cross and EMA slope strength",
        settings = {"timeframe", "horizonBars", "warmupBars", "fast", "slow", "slopeBars", "minSlope", "strongSlope", "macdFast", "macdSlow", "macdSignal", "atrPeriod"},
        holding = "P2D")
public final class TrendModule extends StrategyModule {
    public static final String ID = "trend";
    private static final List<String> NAMES = List.of("ready", "regime", "macd", "slope", "gap", "sinceCross", "sinceMacdCross", "signal");

    private int fast = 50;
    private int slow = 200;
    private int macdFast = 12;
    private int macdSlow = 26;
    private int macdSignal = 9;
    private int atrPeriod = 14;
    private int slopeBars = 10;
    private double minSlope = 0.02;
    private double strongSlope = 0.2;

    public TrendModule() {
        super(ID);
    }

    @Override
    protected void configure(Settings s, ModuleContext ctx) {
        fast = s.integer("fast", 50, 1);
        slow = s.integer("slow", 200, 2);
        if (fast >= slow) {
            throw new IllegalArgumentException("module " + ID + ": fast EMA period " + fast + " must be below slow " + slow);
        }
        macdFast = s.integer("macdFast", 12, 1);
        macdSlow = s.integer("macdSlow", 26, 2);
        macdSignal = s.integer("macdSignal", 9, 1);
        atrPeriod = s.integer("atrPeriod", 14, 1);
        slopeBars = s.integer("slopeBars", 10, 1);
        minSlope = s.number("minSlope", 0.02, 0, 1e6);
        strongSlope = s.positive("strongSlope", 0.2);
    }

    @Override
    protected int defaultWarmup() {
        return 3 * slow;
    }

    @Override
    protected int defaultHorizon() {
        return 10;
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    protected StrategyState newState() {
        return new State();
    }

    /** {@code min(1, 0.5 + 0.5 · min(1, |slope| / strongSlope))}. */
    static double confidence(double slope, double strongSlope) {
        return Math.min(1, 0.5 + 0.5 * Math.min(1, Math.abs(slope) / strongSlope));
    }

    private static int sign(double x) {
        return x > 0 ? 1 : x < 0 ? -1 : 0;
    }

    private final class State extends StrategyState {
        final Ema emaFast = new Ema(fast);
        final Ema emaSlow = new Ema(slow);
        final Macd macd = new Macd(macdFast, macdSlow, macdSignal);
        final Atr atr = new Atr(atrPeriod);
        final DelayLine fastHistory = new DelayLine(slopeBars + 1);
        int regime;
        int macdSide;
        int sinceCross = -1;
        int sinceMacdCross = -1;
        double slope;
        int signal;

        State() {
            super(NAMES.size());
        }

        @Override
        protected void update(double open, double high, double low, double close, double volume) {
            emaFast.onBar(open, high, low, close, volume);
            emaSlow.onBar(open, high, low, close, volume);
            macd.onBar(open, high, low, close, volume);
            atr.onBar(open, high, low, close, volume);
            if (emaFast.isStable()) {
                fastHistory.add(emaFast.value());
            }
            signal = 0;
            if (!ready()) {
                hold();
                return;
            }
            int r = sign(emaFast.value() - emaSlow.value());
            int m = sign(macd.macd() - macd.signal());
            sinceCross = regime != 0 && r != regime && r != 0 ? 0 : sinceCross < 0 ? -1 : sinceCross + 1;
            sinceMacdCross = macdSide != 0 && m != macdSide && m != 0 ? 0 : sinceMacdCross < 0 ? -1 : sinceMacdCross + 1;
            regime = r == 0 ? regime : r;
            macdSide = m == 0 ? macdSide : m;
            double a = atr.value();
            slope = a > 0 ? (emaFast.value() - fastHistory.ago(slopeBars)) / (slopeBars * a) : 0;
            if (r > 0 && m > 0 && slope >= minSlope) {
                signal = 1;
            } else if (r < 0 && m < 0 && slope <= -minSlope) {
                signal = -1;
            }
            if (signal == 0) {
                hold();
            } else {
                view(signal > 0 ? Action.BUY : Action.SELL, TrendModule.confidence(slope, strongSlope));
            }
        }

        @Override
        public boolean ready() {
            return emaSlow.isStable() && macd.isStable() && atr.isStable() && fastHistory.size() > slopeBars;
        }

        @Override
        protected void fill(double[] o) {
            double a = atr.value();
            o[0] = 1;
            o[1] = regime;
            o[2] = macdSide;
            o[3] = slope;
            o[4] = a > 0 ? (emaFast.value() - emaSlow.value()) / a : 0;
            o[5] = Math.max(0, sinceCross);
            o[6] = Math.max(0, sinceMacdCross);
            o[7] = signal;
        }

        @Override
        public String rationale() {
            if (!ready()) {
                return warmingUp(Math.max(emaSlow.unstableBars(), Math.max(macd.unstableBars(), fast - 1 + slopeBars)) + 1);
            }
            StringBuilder sb = new StringBuilder(160).append("EMA").append(fast).append(' ');
            Fmt.num(sb, emaFast.value()).append(regime > 0 ? " > EMA" : " < EMA").append(slow).append(' ');
            Fmt.num(sb, emaSlow.value());
            ago(sb, regime > 0 ? "golden cross" : "death cross", sinceCross);
            Fmt.num(sb.append("; MACD "), macd.macd(), 4).append(macdSide > 0 ? " > signal " : " < signal ");
            Fmt.num(sb, macd.signal(), 4);
            ago(sb, "crossed", sinceMacdCross);
            Fmt.signed(sb.append("; slope "), slope, 3).append(" ATR/bar");
            if (signal == 0) {
                if (regime != macdSide) {
                    sb.append(": EMA regime and MACD disagree");
                } else {
                    Fmt.num(sb.append(": slope weaker than "), minSlope);
                }
            }
            return sb.toString();
        }

        private void ago(StringBuilder sb, String what, int bars) {
            if (bars == 0) {
                sb.append(" (").append(what).append(" this bar)");
            } else if (bars > 0) {
                sb.append(" (").append(what).append(' ').append(bars).append(bars == 1 ? " bar ago)" : " bars ago)");
            }
        }
    }
}
