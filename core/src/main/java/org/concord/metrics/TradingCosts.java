package org.concord.metrics;

import org.concord.execution.Fill;

import java.util.List;

/**
 * What a run's trading cost: its fills, their fees and the notional they moved. A round-trip count alone hides churn
 * (a position held for days and resized every few bars is one trade of hundreds of fills), so reports show these
 * beside it.
 *
 * @param fills          executions
 * @param fees           every fill's fee, in the quote currency
 * @param feeShare       {@code fees} over the run's initial equity
 * @param tradedNotional the sum of every fill's quantity times price
 * @param turnover       {@code tradedNotional} over the run's initial equity (1 = the account traded its size once)
 */
public record TradingCosts(int fills, double fees, double feeShare, double tradedNotional, double turnover) {
    /** A run without a fill. */
    public static final TradingCosts NONE = new TradingCosts(0, 0, 0, 0, 0);

    public TradingCosts {
        if (fills < 0 || !(fees >= 0) || !(feeShare >= 0) || !(tradedNotional >= 0) || !(turnover >= 0)) {
            throw new IllegalArgumentException("fills, fees, fee share, traded notional and turnover must be >= 0");
        }
    }

    /** The costs of {@code fills} in an account that started with {@code initialEquity} (> 0). */
    public static TradingCosts of(List<Fill> fills, double initialEquity) {
        if (fills == null || !(initialEquity > 0) || Double.isInfinite(initialEquity)) {
            throw new IllegalArgumentException("fills and a finite initial equity > 0 are required");
        }
        double fees = 0;
        double notional = 0;
        for (Fill f : fills) {
            fees += f.fee();
            notional += f.notional();
        }
        return new TradingCosts(fills.size(), fees, fees / initialEquity, notional, notional / initialEquity);
    }
}
