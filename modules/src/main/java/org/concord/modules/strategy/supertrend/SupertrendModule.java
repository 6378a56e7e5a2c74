package org.concord.modules.strategy.supertrend;

import org.concord.indicators.Supertrend;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.modules.strategy.Settings;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.StrategyState;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;

import java.util.List;

/**
 * Supertrend (ATR period, multiplier): BUY while the trend is up (close above the line), SELL while it is down.
 * Confidence is 1 on the bar the close crosses the line and decays with the signal's age ({@code decay} bars)
 * towards {@code floor}; before the first cross it has seen, the view has the floor confidence. HOLD during the
 * warm-up.
 *
 * <p>Settings: {@code atrPeriod} 10, {@code multiplier} 3.0, {@code decay} 10, {@code floor} 0.3, plus the common
 * ones ({@link StrategyModule}). Features: {@code ready}, {@code direction} (+1/−1), {@code distance} ((close −
 * line) / ATR), {@code age} (bars since the last cross), {@code cross} (+1/−1 on a cross bar, else 0).
 */
@ModuleInfo(id = SupertrendModule.ID, description = "Supertrend: trend by an ATR band that ratchets with price; BUY up, SELL down",
        settings = {"timeframe", "horizonBars", "warmupBars", "atrPeriod", "multiplier", "decay", "floor"},
        holding = "PT4H")
public final class SupertrendModule extends StrategyModule {
    public static final String ID = "supertrend";
    private static final List<String> NAMES = List.of("ready", "direction", "distance", "age", "cross");

    private int atrPeriod = 10;
    private double multiplier = 3.0;
    private double decay = 10;
    private double floor = 0.3;

    public SupertrendModule() {
        super(ID);
    }

    @Override
    protected void configure(Settings s, ModuleContext ctx) {
        atrPeriod = s.integer("atrPeriod", 10, 1);
        multiplier = s.positive("multiplier", 3.0);
        decay = s.positive("decay", 10);
        floor = s.number("floor", 0.3, 0, 1);
    }

    @Override
    protected int defaultWarmup() {
        return Math.max(100, 10 * atrPeriod);
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
        final Supertrend st = new Supertrend(atrPeriod, multiplier);
        int direction;
        int cross;
        boolean seenCross;
        int age;
        double close;

        State() {
            super(NAMES.size());
        }

        @Override
        protected void update(double open, double high, double low, double close, double volume) {
            st.onBar(open, high, low, close, volume);
            this.close = close;
            cross = 0;
            if (!st.isStable()) {
                hold();
                return;
            }
            int d = st.direction();
            if (direction != 0 && d != direction) {
                cross = d;
                seenCross = true;
                age = 0;
            } else {
                age++;
            }
            direction = d;
            view(d > 0 ? Action.BUY : Action.SELL, seenCross ? fresh(age, decay, floor) : floor);
        }

        @Override
        public boolean ready() {
            return st.isStable();
        }

        @Override
        protected void fill(double[] o) {
            double atr = st.atr();
            o[0] = 1;
            o[1] = direction;
            o[2] = atr > 0 ? (close - st.value()) / atr : 0;
            o[3] = seenCross ? age : 0;
            o[4] = cross;
        }

        @Override
        public String rationale() {
            if (!ready()) {
                return warmingUp(atrPeriod);
            }
            StringBuilder sb = new StringBuilder(96).append("close ");
            Fmt.num(sb, close);
            String side = direction > 0 ? "above" : "below";
            if (cross != 0) {
                // the band the close went through: the upper one on a turn up, the lower one on a turn down
                sb.append(" crossed ").append(side).append(" supertrend ");
                Fmt.num(sb, cross > 0 ? st.upperBand() : st.lowerBand());
            } else {
                sb.append(' ').append(side).append(" supertrend ");
                Fmt.num(sb, st.value());
                if (seenCross) {
                    sb.append(" (crossed ").append(age).append(age == 1 ? " bar ago)" : " bars ago)");
                }
            }
            sb.append("; ATR(").append(atrPeriod).append(")=");
            Fmt.num(sb, st.atr(), 4);
            return sb.toString();
        }
    }
}
