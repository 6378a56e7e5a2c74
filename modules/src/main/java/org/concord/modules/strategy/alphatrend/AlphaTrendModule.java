package org.concord.modules.strategy.alphatrend;

import org.concord.indicators.AlphaTrend;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.modules.strategy.Settings;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.StrategyState;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;

import java.util.List;

/**
 * AlphaTrend ({@link AlphaTrend}): BUY after the line crosses above its two-bar lag, SELL after it crosses below
 * (signals alternate). Confidence 1 on the signal bar, decaying with its age ({@code decay} bars) towards
 * {@code floor}. HOLD before the first signal and during the warm-up.
 *
 * <p>Settings: {@code period} 14, {@code coefficient} 1.0, {@code momentum} {@code mfi} (volume data) or {@code rsi},
 * {@code decay} 10, {@code floor} 0.3, plus the common ones. Features: {@code ready}, {@code trend} (+1/−1, 0 before
 * the first signal), {@code signal} (+1/−1 on a signal bar), {@code distance} ((close − line) / ATR), {@code age}
 * (bars since the last signal), {@code momentum} (MFI or RSI / 100).
 */
@ModuleInfo(id = AlphaTrendModule.ID, description = "AlphaTrend: ATR trailing line driven by MFI/RSI; BUY/SELL on its crosses with its 2-bar lag",
        settings = {"timeframe", "horizonBars", "warmupBars", "period", "coefficient", "momentum", "decay", "floor"},
        holding = "PT4H")
public final class AlphaTrendModule extends StrategyModule {
    public static final String ID = "alphatrend";
    private static final List<String> NAMES = List.of("ready", "trend", "signal", "distance", "age", "momentum");

    private int period = 14;
    private double coefficient = 1.0;
    private boolean volume = true;
    private double decay = 10;
    private double floor = 0.3;

    public AlphaTrendModule() {
        super(ID);
    }

    @Override
    protected void configure(Settings s, ModuleContext ctx) {
        period = s.integer("period", 14, 1);
        coefficient = s.positive("coefficient", 1.0);
        volume = s.choice("momentum", "mfi", "mfi", "rsi").equals("mfi");
        decay = s.positive("decay", 10);
        floor = s.number("floor", 0.3, 0, 1);
    }

    @Override
    protected int defaultWarmup() {
        return Math.max(100, 10 * period);
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
        final AlphaTrend at = new AlphaTrend(period, coefficient, volume);
        int age;
        double close;

        State() {
            super(NAMES.size());
        }

        @Override
        protected void update(double open, double high, double low, double close, double vol) {
            at.onBar(open, high, low, close, vol);
            this.close = close;
            if (!at.isStable() || at.trend() == 0) {
                hold();
                return;
            }
            age = at.signal() != 0 ? 0 : age + 1;
            view(at.trend() > 0 ? Action.BUY : Action.SELL, fresh(age, decay, floor));
        }

        @Override
        public boolean ready() {
            return at.isStable();
        }

        @Override
        protected void fill(double[] o) {
            double atr = at.atr();
            o[0] = 1;
            o[1] = at.trend();
            o[2] = at.signal();
            o[3] = atr > 0 ? (close - at.value()) / atr : 0;
            o[4] = at.trend() == 0 ? 0 : age;
            o[5] = at.momentum() / 100;
        }

        @Override
        public String rationale() {
            if (!ready()) {
                return warmingUp(period + 3);
            }
            StringBuilder sb = new StringBuilder(96).append("AlphaTrend ");
            Fmt.num(sb, at.value());
            if (at.signal() != 0) {
                sb.append(at.signal() > 0 ? " crossed above" : " crossed below").append(" its 2-bar lag ");
                Fmt.num(sb, at.lagged());
            } else if (at.trend() != 0) {
                sb.append(", ").append(at.trend() > 0 ? "buy " : "sell ").append(age).append(age == 1 ? " bar ago" : " bars ago");
            } else {
                sb.append(", no signal yet");
            }
            sb.append("; close ");
            Fmt.num(sb, close);
            sb.append(volume ? ", MFI(" : ", RSI(").append(period).append(")=");
            Fmt.num(sb, at.momentum(), 3);
            return sb.toString();
        }
    }
}
