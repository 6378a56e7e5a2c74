package org.concord.training.eval;

import org.concord.model.Action;

import java.util.Arrays;
import java.util.Locale;

/**
 * A model's out-of-sample calls next to the baselines a trader reads, on the same rows: accuracy against the
 * majority class (of the training rows), always-long (BUY) and always-flat (HOLD); P&L after costs of trading each
 * call (BUY long, SELL short, HOLD flat) over the row's label horizon against the same three constant strategies;
 * and buy-and-hold over the rows' span.
 *
 * <p>P&L is the mean return per signal in percent after a round-trip cost {@code costPct} charged on every non-flat
 * call: {@code p·r − cost·|p|} with {@code r} the row's labelled return ({@code 100·ln(exit/entry)}, the triple
 * barrier's exit or the annotated exit). Rows overlap in time, so it is a per-signal score, not an account's equity;
 * buy-and-hold is the one total: {@code 100·ln(last entry / first entry) − cost} (NaN without prices).
 */
public record Scorecard(int n, double accuracy, double majorityAccuracy, double alwaysLongAccuracy, double alwaysFlatAccuracy,
                        double pnlPct, double majorityPnlPct, double alwaysLongPnlPct, double alwaysFlatPnlPct, double buyAndHoldPct,
                        int majorityClass, double costPct) {
    /** Round-trip cost of the gate's P&L: taker 10 bps + slippage 2 bps on each side (the backtests' defaults). */
    public static final double DEFAULT_COST_PCT = 0.24;

    /** A named baseline figure. */
    public record Baseline(String name, double value) {
    }

    /**
     * @param truth       true classes ({@link Action#ordinal()})
     * @param predicted   the model's classes
     * @param returnsPct  labelled long return per row (percent)
     * @param entryPrices entry price per row (for buy-and-hold), or null
     * @param majority    the majority class of the training rows
     */
    public static Scorecard of(int[] truth, int[] predicted, double[] returnsPct, double[] entryPrices, int majority, double costPct) {
        int[] m = new int[truth.length];
        Arrays.fill(m, majority);
        return of(truth, predicted, returnsPct, entryPrices, m, costPct);
    }

    /**
     * As {@link #of(int[], int[], double[], double[], int, double)} with each row's majority class (rows of several
     * walk-forward folds: each fold's own training majority); {@code majorityClass} reports the most frequent one.
     */
    public static Scorecard of(int[] truth, int[] predicted, double[] returnsPct, double[] entryPrices, int[] majorityPerRow, double costPct) {
        int n = truth.length;
        if (predicted.length != n || returnsPct.length != n || majorityPerRow.length != n || (entryPrices != null && entryPrices.length != n)) {
            throw new IllegalArgumentException("truth, predictions, returns and prices must have one entry per row");
        }
        if (!(costPct >= 0)) {
            throw new IllegalArgumentException("cost must be >= 0, got " + costPct);
        }
        int hit = 0;
        int maj = 0;
        int buy = 0;
        int hold = 0;
        double pnl = 0;
        double majPnl = 0;
        double longPnl = 0;
        int[] majCount = new int[Action.values().length];
        for (int i = 0; i < n; i++) {
            int majority = majorityPerRow[i];
            int majSign = Action.values()[majority].sign();
            majCount[majority]++;
            hit += predicted[i] == truth[i] ? 1 : 0;
            maj += truth[i] == majority ? 1 : 0;
            buy += truth[i] == Action.BUY.ordinal() ? 1 : 0;
            hold += truth[i] == Action.HOLD.ordinal() ? 1 : 0;
            double r = returnsPct[i];
            pnl += trade(Action.values()[predicted[i]].sign(), r, costPct);
            majPnl += trade(majSign, r, costPct);
            longPnl += trade(1, r, costPct);
        }
        double bh = Double.NaN;
        if (entryPrices != null && n > 1 && entryPrices[0] > 0 && entryPrices[n - 1] > 0) {
            bh = 100.0 * Math.log(entryPrices[n - 1] / entryPrices[0]) - costPct;
        }
        int majority = 0;
        for (int c = 1; c < majCount.length; c++) {
            majority = majCount[c] > majCount[majority] ? c : majority;
        }
        double d = n == 0 ? Double.NaN : n;
        return new Scorecard(n, hit / d, maj / d, buy / d, hold / d, pnl / d, majPnl / d, longPnl / d, n == 0 ? Double.NaN : 0.0, bh,
                majority, costPct);
    }

    private static double trade(int sign, double r, double cost) {
        return sign == 0 ? 0 : sign * r - cost;
    }

    /** The best of majority class, always-long and always-flat by accuracy. */
    public Baseline bestAccuracyBaseline() {
        return best(majorityAccuracy, alwaysLongAccuracy, alwaysFlatAccuracy);
    }

    /** The best of majority class, always-long and always-flat by P&L after costs. */
    public Baseline bestPnlBaseline() {
        return best(majorityPnlPct, alwaysLongPnlPct, alwaysFlatPnlPct);
    }

    private static Baseline best(double majority, double alwaysLong, double alwaysFlat) {
        Baseline b = new Baseline("majority", majority);
        if (alwaysLong > b.value()) {
            b = new Baseline("always-long", alwaysLong);
        }
        if (alwaysFlat > b.value()) {
            b = new Baseline("always-flat", alwaysFlat);
        }
        return b;
    }

    /** Accuracy minus the best accuracy baseline, in points (positive: the model beats all three). */
    public double accuracyLiftPoints() {
        return 100.0 * (accuracy - bestAccuracyBaseline().value());
    }

    /** P&L per signal minus the best P&L baseline, in percent (positive: the model beats all three after costs). */
    public double pnlLiftPct() {
        return pnlPct - bestPnlBaseline().value();
    }

    /** True when the model beats every baseline on both scores. */
    public boolean beatsBaselines() {
        return accuracyLiftPoints() > 0 && pnlLiftPct() > 0;
    }

    /** One line: the model and each baseline, both scores. */
    public String describe() {
        return String.format(Locale.ROOT, "n=%d accuracy %.1f%% (majority %.1f%%, always-long %.1f%%, always-flat %.1f%%); "
                        + "P&L/signal after %.2f%% costs %+.3f%% (majority %+.3f%%, always-long %+.3f%%, always-flat %+.3f%%); buy-and-hold %+.2f%%",
                n, 100 * accuracy, 100 * majorityAccuracy, 100 * alwaysLongAccuracy, 100 * alwaysFlatAccuracy, costPct, pnlPct, majorityPnlPct,
                alwaysLongPnlPct, alwaysFlatPnlPct, buyAndHoldPct);
    }
}
