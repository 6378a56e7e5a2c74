package org.concord.backtest;

import org.concord.model.Action;
import org.concord.model.BarSeries;

import java.util.Locale;
import java.util.Map;

/**
 * What a backtest's result is worth next to doing something simple with the same bars and the same costs: the
 * strategy's total return beside always-flat (no trade: 0), buy-and-hold (all the cash bought at the first traded
 * close and sold at the last), always-long (a long entered at every decision and held for the pipeline's horizon, as
 * back-to-back round trips) and the majority action (the decision the strategy made most often, taken at every
 * decision the same way: long, short or flat). Every fill pays the taker fee plus slippage. All in percent of the
 * initial cash.
 *
 * @param horizonBars      the horizon of the always-long and majority round trips (the pipeline's first)
 * @param costPerSidePct   taker fee + slippage per fill, percent
 * @param majorityAction   the strategy's most frequent decision over the traded part
 */
public record BacktestBaselines(double strategyPct, double alwaysFlatPct, double buyAndHoldPct, double alwaysLongPct, double majorityPct,
                                String majorityAction, int horizonBars, double costPerSidePct, int bars) {

    /**
     * @param closes  the decision timeframe's bars of the traded part, oldest first
     * @param actions decisions per action over the traded part
     */
    public static BacktestBaselines of(double strategyReturn, BarSeries closes, Map<String, Long> actions, int horizonBars, double costPerSidePct) {
        if (horizonBars < 1 || !(costPerSidePct >= 0)) {
            throw new IllegalArgumentException("horizon >= 1 bar and cost >= 0 required");
        }
        Action majority = Action.HOLD;
        long most = -1;
        for (Action a : Action.values()) {
            long n = actions == null ? 0 : actions.getOrDefault(a.name(), 0L);
            if (n > most) {
                most = n;
                majority = a;
            }
        }
        double c = costPerSidePct / 100.0;
        int n = closes.size();
        double bh = n < 2 ? 0 : (1 - c) * (closes.close(n - 1) / closes.close(0)) * (1 - c) - 1;
        return new BacktestBaselines(100 * strategyReturn, 0.0, 100 * bh, 100 * constant(closes, 1, horizonBars, c),
                100 * constant(closes, majority.sign(), horizonBars, c), majority.name(), horizonBars, costPerSidePct, n);
    }

    /** Back-to-back round trips of the whole equity, each {@code h} bars long, on the side {@code sign} (0: flat). */
    static double constant(BarSeries closes, int sign, int h, double c) {
        if (sign == 0) {
            return 0;
        }
        double equity = 1;
        for (int i = 0; i + h < closes.size(); i += h) {
            double r = closes.close(i + h) / closes.close(i) - 1;
            equity *= (1 - c) * (1 + sign * r) * (1 - c);
        }
        return equity - 1;
    }

    /** The best of the four baselines. */
    public double bestBaselinePct() {
        return Math.max(Math.max(alwaysFlatPct, buyAndHoldPct), Math.max(alwaysLongPct, majorityPct));
    }

    /** True when the strategy returned more than every baseline. */
    public boolean beatsBaselines() {
        return strategyPct > bestBaselinePct();
    }

    public String describe() {
        return String.format(Locale.ROOT, "strategy %+.2f%% vs always-flat %+.2f%%, buy-and-hold %+.2f%%, always-long %+.2f%%, majority (%s) %+.2f%% "
                        + "(after %.2f%% per fill, %d-bar round trips)", strategyPct, alwaysFlatPct, buyAndHoldPct, alwaysLongPct, majorityAction,
                majorityPct, costPerSidePct, horizonBars);
    }
}
