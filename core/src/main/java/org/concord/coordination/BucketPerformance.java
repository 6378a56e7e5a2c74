package org.concord.coordination;

/**
 * A bucket's track record at one time (exponentially weighted; see {@link BucketPerformanceTracker}).
 *
 * @param sharpe            annualized Sharpe ratio of the bucket's per-bar returns (0 before enough bars)
 * @param winRate           weighted share of closed trades that made money
 * @param profitFactor      weighted gross profit over gross loss (+Infinity with profits and no loss yet, 0 with none)
 * @param payoffRatio       weighted average win over average loss (for Kelly sizing)
 * @param maxDrawdown       deepest drawdown of the bucket's return curve over the rolling window
 * @param predictedReturn   weighted mean of what opening signals expected (NaN when none said)
 * @param realizedReturn    weighted mean realized return of trades whose signal predicted one
 * @param predictionError   weighted mean absolute difference predicted - realized (NaN when no predictions)
 */
public record BucketPerformance(Bucket bucket, double sharpe, double winRate, double profitFactor, double payoffRatio,
                                double maxDrawdown, double predictedReturn, double realizedReturn, double predictionError,
                                long trades, long periods) {
}
