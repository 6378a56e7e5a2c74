package org.concord.modules.strategy.turtle;

import org.concord.indicators.Atr;
import org.concord.indicators.DelayLine;
import org.concord.indicators.Donchian;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.modules.strategy.Settings;
import org.concord.modules.strategy.StrategyModule;
import org.concord.modules.strategy.StrategyState;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;

import java.util.List;

/**
 * Turtle / Donchian breakout with a virtual position. Flat: a close above the previous {@code entryPeriod}-bar high
 * confirmed by momentum ({@code close − close[momentumBars] > minMomentumAtr × ATR}) enters long (BUY, confidence 1)
 * with a stop {@code stopAtr × ATR(atrPeriod)} below the close; a close below the previous low with momentum below
 * {@code −minMomentumAtr × ATR} enters short (SELL). A breakout without that momentum is HOLD ("unconfirmed"): with
 * {@code momentumBars} shorter than the channel a plain "momentum > 0" would always hold on a breakout, so the
 * move must also be at least that many ATRs. In a position the view stays (confidence
 * decaying with its age towards {@code floor}) until the stop is touched (low ≤ stop for a long, high ≥ stop for a
 * short) or the close leaves the previous {@code exitPeriod}-bar channel the other way; then HOLD (flat). A flat bar
 * may enter again at once.
 *
 * <p>Settings: {@code entryPeriod} 20, {@code exitPeriod} 10, {@code atrPeriod} 20, {@code stopAtr} 2.0,
 * {@code momentumBars} 10, {@code minMomentumAtr} 1.0, {@code decay} 20, {@code floor} 0.3, plus the common ones. Features: {@code ready},
 * {@code position} (+1/−1/0), {@code breakout} (+1/−1 when the close broke the entry channel this bar),
 * {@code stopDistance} ((close − stop) / ATR in a position, else 0), {@code momentum} (momentum / ATR), {@code age}.
 */
@ModuleInfo(id = TurtleModule.ID, description = "Turtle/Donchian: 20-bar breakout with momentum confirmation, ATR stop, 10-bar exit",
        settings = {"timeframe", "horizonBars", "warmupBars", "entryPeriod", "exitPeriod", "atrPeriod", "stopAtr", "momentumBars", "minMomentumAtr", "decay", "floor"},
        holding = "PT4H")
public final class TurtleModule extends StrategyModule {
    public static final String ID = "turtle";
    private static final List<String> NAMES = List.of("ready", "position", "breakout", "stopDistance", "momentum", "age");

    private int entryPeriod = 20;
    private int exitPeriod = 10;
    private int atrPeriod = 20;
    private double stopAtr = 2.0;
    private int momentumBars = 10;
    private double minMomentum = 1.0;
    private double decay = 20;
    private double floor = 0.3;

    public TurtleModule() {
        super(ID);
    }

    @Override
    protected void configure(Settings s, ModuleContext ctx) {
        entryPeriod = s.integer("entryPeriod", 20, 1);
        exitPeriod = s.integer("exitPeriod", 10, 1);
        atrPeriod = s.integer("atrPeriod", 20, 1);
        stopAtr = s.positive("stopAtr", 2.0);
        momentumBars = s.integer("momentumBars", 10, 1);
        minMomentum = s.number("minMomentumAtr", 1.0, 0, 1e6);
        decay = s.positive("decay", 20);
        floor = s.number("floor", 0.3, 0, 1);
    }

    @Override
    protected int defaultWarmup() {
        return Math.max(100, 5 * Math.max(entryPeriod, Math.max(atrPeriod, momentumBars)));
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

    /** What happened on the last bar, for the rationale. */
    private enum Event { NONE, ENTRY, UNCONFIRMED, STOPPED, EXITED }

    private final class State extends StrategyState {
        final Donchian entry = new Donchian(entryPeriod);
        final Donchian exit = new Donchian(exitPeriod);
        final Atr atr = new Atr(atrPeriod);
        final DelayLine closes = new DelayLine(momentumBars + 1);
        // the channels of the bars before this one (a breakout compares with those)
        double entryHigh = Double.NaN;
        double entryLow = Double.NaN;
        double exitHigh = Double.NaN;
        double exitLow = Double.NaN;
        int position;
        int breakout;
        double stop;
        double entryPrice;
        int age;
        double close;
        double low;
        double high;
        double momentum;
        Event event = Event.NONE;
        int exitedFrom;

        State() {
            super(NAMES.size());
        }

        @Override
        protected void update(double open, double high, double low, double close, double volume) {
            entryHigh = entry.upper();
            entryLow = entry.lower();
            exitHigh = exit.upper();
            exitLow = exit.lower();
            entry.onBar(open, high, low, close, volume);
            exit.onBar(open, high, low, close, volume);
            atr.onBar(open, high, low, close, volume);
            closes.add(close);
            this.close = close;
            this.high = high;
            this.low = low;
            event = Event.NONE;
            breakout = 0;
            if (!ready()) {
                hold();
                return;
            }
            momentum = close - closes.ago(momentumBars);
            if (position != 0) {
                age++;
                boolean stopped = position > 0 ? low <= stop : high >= stop;
                boolean exited = position > 0 ? close < exitLow : close > exitHigh;
                if (stopped || exited) {
                    event = stopped ? Event.STOPPED : Event.EXITED;
                    exitedFrom = position;
                    position = 0;
                }
            }
            breakout = close > entryHigh ? 1 : close < entryLow ? -1 : 0;
            if (position == 0 && breakout != 0) {
                if (breakout * momentum > minMomentum * atr.value()) {
                    position = breakout;
                    entryPrice = close;
                    stop = close - position * stopAtr * atr.value();
                    age = 0;
                    event = Event.ENTRY;
                } else if (event == Event.NONE) {
                    event = Event.UNCONFIRMED;
                }
            }
            if (position == 0) {
                hold();
            } else {
                view(position > 0 ? Action.BUY : Action.SELL, fresh(age, decay, floor));
            }
        }

        @Override
        public boolean ready() {
            // the previous bar's channels must exist, and the close momentumBars ago
            return entry.count() > entryPeriod && exit.count() > exitPeriod && atr.isStable() && closes.size() > momentumBars;
        }

        @Override
        protected void fill(double[] o) {
            double a = atr.value();
            o[0] = 1;
            o[1] = position;
            o[2] = breakout;
            o[3] = position != 0 && a > 0 ? (close - stop) / a : 0;
            o[4] = a > 0 ? momentum / a : 0;
            o[5] = position != 0 ? age : 0;
        }

        @Override
        public String rationale() {
            if (!ready()) {
                return warmingUp(Math.max(entryPeriod, Math.max(exitPeriod, Math.max(atrPeriod, momentumBars))) + 1);
            }
            StringBuilder sb = new StringBuilder(128);
            switch (event) {
                case ENTRY -> {
                    Fmt.num(sb.append("close "), close).append(" broke ").append(entryPeriod)
                            .append(position > 0 ? "-bar high " : "-bar low ");
                    Fmt.num(sb, position > 0 ? entryHigh : entryLow);
                    Fmt.signed(sb.append("; momentum(").append(momentumBars).append(") "), momentum, 4);
                    Fmt.num(sb.append("; stop "), stop).append(" (").append(Fmt.num(stopAtr)).append("×ATR(").append(atrPeriod).append(")=");
                    Fmt.num(sb, atr.value(), 4).append(')');
                }
                case UNCONFIRMED -> {
                    Fmt.num(sb.append("close "), close).append(" broke ").append(entryPeriod).append(breakout > 0 ? "-bar high " : "-bar low ");
                    Fmt.num(sb, breakout > 0 ? entryHigh : entryLow);
                    Fmt.signed(sb.append(" but momentum(").append(momentumBars).append(") "), momentum, 4).append(" within ");
                    Fmt.num(sb, minMomentum).append("×ATR ");
                    Fmt.num(sb, atr.value(), 4).append(": unconfirmed");
                }
                case STOPPED -> {
                    sb.append(exitedFrom > 0 ? "long stopped: low " : "short stopped: high ");
                    Fmt.num(sb, exitedFrom > 0 ? low : high).append(exitedFrom > 0 ? " <= stop " : " >= stop ");
                    Fmt.num(sb, stop);
                }
                case EXITED -> {
                    Fmt.num(sb.append(exitedFrom > 0 ? "long exit: close " : "short exit: close "), close)
                            .append(exitedFrom > 0 ? " below " : " above ").append(exitPeriod).append(exitedFrom > 0 ? "-bar low " : "-bar high ");
                    Fmt.num(sb, exitedFrom > 0 ? exitLow : exitHigh);
                }
                default -> {
                    if (position != 0) {
                        sb.append(position > 0 ? "long since " : "short since ");
                        Fmt.num(sb, entryPrice).append(" (").append(age).append(age == 1 ? " bar)" : " bars)");
                        Fmt.num(sb.append("; close "), close);
                        Fmt.num(sb.append(", stop "), stop);
                    } else {
                        Fmt.num(sb.append("close "), close).append(" inside ").append(entryPeriod).append("-bar channel ");
                        Fmt.num(sb, entryLow).append('–');
                        Fmt.num(sb, entryHigh);
                    }
                }
            }
            return sb.toString();
        }
    }
}
