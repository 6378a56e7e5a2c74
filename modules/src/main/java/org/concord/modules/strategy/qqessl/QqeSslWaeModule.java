package org.concord.modules.strategy.qqessl;

import org.concord.indicators.Qqe;
import org.concord.indicators.SslChannel;
import org.concord.indicators.WaddahAttarExplosion;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.modules.strategy.Settings;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.StrategyState;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;

import java.util.List;

/**
 * QQE momentum + SSL channel + Waddah Attar explosion filter. BUY when all three agree up on the bar: QQE trend +1
 * with its smoothed RSI above 50, the SSL state up (close broke above the high average), and an up explosion (the
 * MACD change × sensitivity above both the Bollinger width and the dead zone). SELL is the mirror. Otherwise HOLD,
 * the rationale naming what is missing. Confidence {@code min(1, trendUp / (2 · max(explosion, deadZone)))}: at
 * least 0.5 when the explosion filter passes, 1 at twice its threshold.
 *
 * <p>Settings: {@code qqeRsi} 14, {@code qqeSmoothing} 5, {@code qqeFactor} 4.238, {@code sslPeriod} 10,
 * {@code waeSensitivity} 150, {@code waeFast} 20, {@code waeSlow} 40, {@code waeChannel} 20, {@code waeMult} 2.0,
 * {@code waeDeadZonePeriod} 100, {@code waeDeadZoneMult} 3.7, plus the common ones. Features: {@code ready},
 * {@code qqe.trend}, {@code qqe.level} ((rsiMa − 50)/50), {@code ssl.direction}, {@code wae.up} and
 * {@code wae.down} (trend / max(explosion, dead zone)), {@code signal} (+1/−1/0).
 */
@ModuleInfo(id = QqeSslWaeModule.ID, description = "QQE momentum + SSL channel + Waddah Attar explosion filter",
        settings = {"timeframe", "horizonBars", "warmupBars", "qqeRsi", "qqeSmoothing", "qqeFactor", "sslPeriod", "waeFast", "waeSlow", "waeChannel", "waeMult", "waeSensitivity", "waeDeadZonePeriod", "waeDeadZoneMult"},
        holding = "PT1H")
public final class QqeSslWaeModule extends StrategyModule {
    public static final String ID = "qqe-ssl-wae";
    private static final List<String> NAMES = List.of("ready", "qqe.trend", "qqe.level", "ssl.direction", "wae.up", "wae.down", "signal");

    private int qqeRsi = 14;
    private int qqeSmoothing = 5;
    private double qqeFactor = 4.238;
    private int sslPeriod = 10;
    private double sensitivity = 150;
    private int fast = 20;
    private int slow = 40;
    private int channel = 20;
    private double mult = 2.0;
    private int deadZonePeriod = 100;
    private double deadZoneMult = 3.7;

    public QqeSslWaeModule() {
        super(ID);
    }

    @Override
    protected void configure(Settings s, ModuleContext ctx) {
        qqeRsi = s.integer("qqeRsi", 14, 1);
        qqeSmoothing = s.integer("qqeSmoothing", 5, 1);
        qqeFactor = s.positive("qqeFactor", 4.238);
        sslPeriod = s.integer("sslPeriod", 10, 1);
        sensitivity = s.positive("waeSensitivity", 150);
        fast = s.integer("waeFast", 20, 1);
        slow = s.integer("waeSlow", 40, 2);
        channel = s.integer("waeChannel", 20, 1);
        mult = s.positive("waeMult", 2.0);
        deadZonePeriod = s.integer("waeDeadZonePeriod", 100, 1);
        deadZoneMult = s.positive("waeDeadZoneMult", 3.7);
    }

    @Override
    protected int defaultWarmup() {
        State probe = new State();
        return Math.max(300, 3 * Math.max(probe.qqe.unstableBars(), probe.wae.unstableBars()));
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    protected StrategyState newState() {
        return new State();
    }

    private final class State extends StrategyState {
        final Qqe qqe = new Qqe(qqeRsi, qqeSmoothing, qqeFactor);
        final SslChannel ssl = new SslChannel(sslPeriod);
        final WaddahAttarExplosion wae = new WaddahAttarExplosion(sensitivity, fast, slow, channel, mult, deadZonePeriod, deadZoneMult);
        int momentum;
        int signal;

        State() {
            super(NAMES.size());
        }

        @Override
        protected void update(double open, double high, double low, double close, double volume) {
            qqe.onBar(open, high, low, close, volume);
            ssl.onBar(open, high, low, close, volume);
            wae.onBar(open, high, low, close, volume);
            signal = 0;
            if (!ready()) {
                hold();
                return;
            }
            momentum = qqe.trend() > 0 && qqe.rsiMa() > 50 ? 1 : qqe.trend() < 0 && qqe.rsiMa() < 50 ? -1 : 0;
            int explosion = (int) wae.signal();
            if (momentum != 0 && ssl.direction() == momentum && explosion == momentum) {
                signal = momentum;
                double strength = (momentum > 0 ? wae.trendUp() : wae.trendDown()) / (2 * threshold());
                view(momentum > 0 ? Action.BUY : Action.SELL, Math.min(1, strength));
            } else {
                hold();
            }
        }

        double threshold() {
            return Math.max(wae.explosion(), wae.deadZone());
        }

        @Override
        public boolean ready() {
            return qqe.isStable() && ssl.isStable() && wae.isStable();
        }

        @Override
        protected void fill(double[] o) {
            double th = threshold();
            o[0] = 1;
            o[1] = qqe.trend();
            o[2] = (qqe.rsiMa() - 50) / 50;
            o[3] = ssl.direction();
            o[4] = th > 0 ? wae.trendUp() / th : 0;
            o[5] = th > 0 ? wae.trendDown() / th : 0;
            o[6] = signal;
        }

        @Override
        public String rationale() {
            if (!ready()) {
                return warmingUp(Math.max(qqe.unstableBars(), Math.max(ssl.unstableBars(), wae.unstableBars())) + 1);
            }
            StringBuilder sb = new StringBuilder(128).append("QQE ");
            sb.append(momentum > 0 ? "up" : momentum < 0 ? "down" : "mixed").append(" (rsiMa ");
            Fmt.num(sb, qqe.rsiMa(), 4).append(", trend ").append(qqe.trend() > 0 ? "+1" : "-1").append("), SSL ");
            sb.append(ssl.direction() > 0 ? "up" : ssl.direction() < 0 ? "down" : "flat").append(", WAE ");
            boolean up = wae.trendUp() > 0;
            Fmt.num(sb.append(up ? "up " : "down "), up ? wae.trendUp() : wae.trendDown(), 4);
            double e = wae.explosion();
            double dz = wae.deadZone();
            boolean explodes = wae.signal() != 0;
            Fmt.num(sb.append(explodes ? " > " : " vs ").append(e >= dz ? "explosion " : "dead zone "), Math.max(e, dz), 4);
            if (signal == 0) {
                sb.append(": ").append(missing());
            }
            return sb.toString();
        }

        private String missing() {
            if (momentum == 0) {
                return "no QQE momentum";
            }
            if (ssl.direction() != momentum) {
                return "SSL disagrees";
            }
            return wae.signal() == 0 ? "no explosion" : "explosion the other way";
        }
    }
}
