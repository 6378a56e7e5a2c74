package org.concord.modules.strategy.ichimoku;

import org.concord.indicators.Ichimoku;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.modules.strategy.Settings;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.StrategyState;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;

import java.util.List;

/**
 * Ichimoku cloud breakout with tenkan/kijun confirmation: BUY while the close is above the cloud (the spans
 * computed {@code displacement − 1} bars ago, so nothing after the bar is read) and tenkan is above kijun; SELL
 * while below the cloud with tenkan below kijun; HOLD inside the cloud or when the TK cross does not confirm.
 * The signal fires on the bar the second condition comes true (a breakout or a TK cross) with confidence 1,
 * decaying with its age towards {@code floor}; a state found already in place at the end of the warm-up has the
 * floor confidence.
 *
 * <p>Settings: {@code tenkan} 9, {@code kijun} 26, {@code senkouB} 52, {@code displacement} 26, {@code decay} 10,
 * {@code floor} 0.3, plus the common ones. Features: {@code ready}, {@code cloud} (+1 above, −1 below, 0 inside),
 * {@code tk} (sign of tenkan − kijun), {@code chikou} (sign of close − close {@code displacement − 1} bars ago),
 * {@code distance} (close / nearest cloud edge − 1 outside the cloud, else 0), {@code signal} (+1/−1/0),
 * {@code age} (bars since the signal fired).
 */
@ModuleInfo(id = IchimokuModule.ID, description = "Ichimoku: cloud breakout confirmed by the tenkan/kijun cross",
        settings = {"timeframe", "horizonBars", "warmupBars", "tenkan", "kijun", "senkouB", "displacement", "decay", "floor"},
        holding = "PT4H")
public final class IchimokuModule extends StrategyModule {
    public static final String ID = "ichimoku";
    private static final List<String> NAMES = List.of("ready", "cloud", "tk", "chikou", "distance", "signal", "age");

    private int tenkan = 9;
    private int kijun = 26;
    private int senkouB = 52;
    private int displacement = 26;
    private double decay = 10;
    private double floor = 0.3;

    public IchimokuModule() {
        super(ID);
    }

    @Override
    protected void configure(Settings s, ModuleContext ctx) {
        tenkan = s.integer("tenkan", 9, 1);
        kijun = s.integer("kijun", 26, 1);
        senkouB = s.integer("senkouB", 52, 1);
        displacement = s.integer("displacement", 26, 1);
        decay = s.positive("decay", 10);
        floor = s.number("floor", 0.3, 0, 1);
    }

    @Override
    protected int defaultWarmup() {
        return 2 * (senkouB + displacement) + 50;
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    protected StrategyState newState() {
        return new State();
    }

    private static int sign(double x) {
        return x > 0 ? 1 : x < 0 ? -1 : 0;
    }

    private final class State extends StrategyState {
        final Ichimoku ich = new Ichimoku(tenkan, kijun, senkouB, displacement);
        boolean first = true;
        int pos;
        int tk;
        int signal;
        boolean breakout;
        boolean tkCross;
        boolean seenSignal;
        int age;
        double close;

        State() {
            super(NAMES.size());
        }

        @Override
        protected void update(double open, double high, double low, double close, double volume) {
            ich.onBar(open, high, low, close, volume);
            this.close = close;
            if (!ich.isStable()) {
                hold();
                return;
            }
            int p = close > top() ? 1 : close < bottom() ? -1 : 0;
            int t = sign(ich.tenkan() - ich.kijun());
            int s = p > 0 && t > 0 ? 1 : p < 0 && t < 0 ? -1 : 0;
            breakout = !first && p != pos && p != 0;
            tkCross = !first && t != tk && t != 0;
            if (!first && s != 0 && s != signal) {
                seenSignal = true;
                age = 0;
            } else {
                age++;
            }
            pos = p;
            tk = t;
            signal = s;
            first = false;
            if (s == 0) {
                hold();
            } else {
                view(s > 0 ? Action.BUY : Action.SELL, seenSignal ? fresh(age, decay, floor) : floor);
            }
        }

        double top() {
            return Math.max(ich.cloudA(), ich.cloudB());
        }

        double bottom() {
            return Math.min(ich.cloudA(), ich.cloudB());
        }

        @Override
        public boolean ready() {
            return ich.isStable();
        }

        @Override
        protected void fill(double[] o) {
            o[0] = 1;
            o[1] = pos;
            o[2] = tk;
            o[3] = sign(ich.chikou() - ich.chikouReference());
            o[4] = pos > 0 ? close / top() - 1 : pos < 0 ? close / bottom() - 1 : 0;
            o[5] = signal;
            o[6] = seenSignal ? age : 0;
        }

        @Override
        public String rationale() {
            if (!ready()) {
                return warmingUp(ich.unstableBars() + 1);
            }
            StringBuilder sb = new StringBuilder(128).append("close ");
            Fmt.num(sb, close);
            if (pos > 0) {
                Fmt.num(sb.append(breakout ? " broke above cloud " : " above cloud "), top());
            } else if (pos < 0) {
                Fmt.num(sb.append(breakout ? " broke below cloud " : " below cloud "), bottom());
            } else {
                Fmt.num(sb.append(" inside cloud "), bottom()).append('–');
                Fmt.num(sb, top());
            }
            Fmt.num(sb.append("; tenkan "), ich.tenkan());
            if (tkCross) {
                sb.append(tk > 0 ? " crossed above" : " crossed below");
            } else {
                sb.append(tk > 0 ? " >" : tk < 0 ? " <" : " =");
            }
            Fmt.num(sb.append(" kijun "), ich.kijun());
            if (signal != 0 && age > 0 && seenSignal) {
                sb.append(" (signal ").append(age).append(age == 1 ? " bar ago)" : " bars ago)");
            }
            if (signal == 0 && pos != 0) {
                sb.append("; no TK confirmation");
            }
            return sb.toString();
        }
    }
}
