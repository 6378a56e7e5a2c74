package org.concord.modules.strategy.meanreversion;

import org.concord.indicators.Adx;
import org.concord.indicators.BollingerBands;
import org.concord.indicators.Rsi;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.modules.strategy.Settings;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.StrategyState;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;

import java.util.List;

/**
 * Mean reversion in low-trend conditions: only while ADX is below {@code adxMax}; BUY when RSI is below
 * {@code rsiLow} and the Bollinger z-score below {@code −zEntry} (oversold), SELL when RSI is above {@code rsiHigh}
 * and z above {@code zEntry}; otherwise HOLD. Confidence (see {@link #confidence}) grows with how far past both
 * thresholds the bar is: {@code 0.5 + 0.25 · rsiDepth + 0.25 · min(1, zDepth)}, rsiDepth = the RSI's distance past
 * its threshold over the room to 0 (or 100), zDepth = (|z| − zEntry)/zEntry.
 *
 * <p>Settings: {@code rsiPeriod} 14, {@code rsiLow} 30, {@code rsiHigh} 70, {@code bbPeriod} 20, {@code bbK} 2.0,
 * {@code zEntry} 1.0, {@code adxPeriod} 14, {@code adxMax} 25, plus the common ones. Features: {@code ready},
 * {@code rsi} (/100), {@code z}, {@code adx} (/100), {@code gate} (1 while ADX &lt; adxMax), {@code signal}.
 */
@ModuleInfo(id = MeanReversionModule.ID, description = "Mean reversion: RSI + Bollinger z-score extremes, only when ADX says the market is not trending",
        settings = {"timeframe", "horizonBars", "warmupBars", "bbPeriod", "bbK", "rsiPeriod", "rsiLow", "rsiHigh", "adxPeriod", "adxMax", "zEntry"},
        holding = "PT1H")
public final class MeanReversionModule extends StrategyModule {
    public static final String ID = "mean-reversion";
    private static final List<String> NAMES = List.of("ready", "rsi", "z", "adx", "gate", "signal");

    private int rsiPeriod = 14;
    private double rsiLow = 30;
    private double rsiHigh = 70;
    private int bbPeriod = 20;
    private double bbK = 2.0;
    private double zEntry = 1.0;
    private int adxPeriod = 14;
    private double adxMax = 25;

    public MeanReversionModule() {
        super(ID);
    }

    @Override
    protected void configure(Settings s, ModuleContext ctx) {
        rsiPeriod = s.integer("rsiPeriod", 14, 1);
        rsiLow = s.number("rsiLow", 30, 0, 100);
        rsiHigh = s.number("rsiHigh", 70, 0, 100);
        if (!(rsiLow < rsiHigh) || rsiLow == 0 || rsiHigh == 100) {
            throw new IllegalArgumentException("module " + ID + ": need 0 < rsiLow < rsiHigh < 100, got " + rsiLow + " and " + rsiHigh);
        }
        bbPeriod = s.integer("bbPeriod", 20, 2);
        bbK = s.positive("bbK", 2.0);
        zEntry = s.positive("zEntry", 1.0);
        adxPeriod = s.integer("adxPeriod", 14, 1);
        adxMax = s.number("adxMax", 25, 0, 100);
    }

    @Override
    protected int defaultWarmup() {
        return Math.max(100, 10 * Math.max(rsiPeriod, Math.max(bbPeriod, adxPeriod)));
    }

    @Override
    protected int defaultHorizon() {
        return 5;
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    protected StrategyState newState() {
        return new State();
    }

    /**
     * Confidence of an entry: {@code 0.5 + 0.25 · rsiDepth + 0.25 · min(1, zDepth)} (at most 1), where for a long
     * rsiDepth = (rsiLow − rsi)/rsiLow and for a short (rsi − rsiHigh)/(100 − rsiHigh), and zDepth = (|z| − zEntry)/zEntry.
     */
    static double confidence(boolean longSide, double rsi, double z, double rsiLow, double rsiHigh, double zEntry) {
        double rsiDepth = longSide ? (rsiLow - rsi) / rsiLow : (rsi - rsiHigh) / (100 - rsiHigh);
        double zDepth = (Math.abs(z) - zEntry) / zEntry;
        return Math.min(1, 0.5 + 0.25 * rsiDepth + 0.25 * Math.min(1, zDepth));
    }

    private final class State extends StrategyState {
        final Rsi rsi = new Rsi(rsiPeriod);
        final BollingerBands bb = new BollingerBands(bbPeriod, bbK);
        final Adx adx = new Adx(adxPeriod);
        int signal;

        State() {
            super(NAMES.size());
        }

        @Override
        protected void update(double open, double high, double low, double close, double volume) {
            rsi.onBar(open, high, low, close, volume);
            bb.onBar(open, high, low, close, volume);
            adx.onBar(open, high, low, close, volume);
            signal = 0;
            if (!ready() || !(adx.adx() < adxMax)) {
                hold();
                return;
            }
            double r = rsi.value();
            double z = bb.zScore();
            if (r < rsiLow && z < -zEntry) {
                signal = 1;
                view(Action.BUY, MeanReversionModule.confidence(true, r, z, rsiLow, rsiHigh, zEntry));
            } else if (r > rsiHigh && z > zEntry) {
                signal = -1;
                view(Action.SELL, MeanReversionModule.confidence(false, r, z, rsiLow, rsiHigh, zEntry));
            } else {
                hold();
            }
        }

        @Override
        public boolean ready() {
            return rsi.isStable() && bb.isStable() && adx.isStable();
        }

        @Override
        protected void fill(double[] o) {
            o[0] = 1;
            o[1] = rsi.value() / 100;
            o[2] = bb.zScore();
            o[3] = adx.adx() / 100;
            o[4] = adx.adx() < adxMax ? 1 : 0;
            o[5] = signal;
        }

        @Override
        public String rationale() {
            if (!ready()) {
                return warmingUp(Math.max(rsi.unstableBars(), Math.max(bb.unstableBars(), adx.unstableBars())) + 1);
            }
            StringBuilder sb = new StringBuilder(112);
            boolean trending = !(adx.adx() < adxMax);
            if (trending) {
                Fmt.num(sb.append("ADX(").append(adxPeriod).append(") "), adx.adx(), 3).append(" >= ");
                Fmt.num(sb, adxMax).append(": trending, mean reversion off");
                return sb.toString();
            }
            Fmt.num(sb.append("RSI(").append(rsiPeriod).append(") "), rsi.value(), 3);
            if (signal > 0) {
                Fmt.num(sb.append(" < "), rsiLow);
            } else if (signal < 0) {
                Fmt.num(sb.append(" > "), rsiHigh);
            }
            Fmt.signed(sb.append(", z "), bb.zScore(), 3);
            if (signal > 0) {
                Fmt.num(sb.append(" < -"), zEntry);
            } else if (signal < 0) {
                Fmt.num(sb.append(" > +"), zEntry);
            }
            Fmt.num(sb.append(", ADX(").append(adxPeriod).append(") "), adx.adx(), 3);
            Fmt.num(sb.append(" < "), adxMax);
            sb.append(signal > 0 ? ": oversold in a range" : signal < 0 ? ": overbought in a range" : ": no extreme");
            return sb.toString();
        }
    }
}
