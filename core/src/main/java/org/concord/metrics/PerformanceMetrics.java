package org.concord.metrics;

import java.util.List;

/**
 * Performance of one run, from its equity curve (sampled once per period) and its closed trades. Definitions:
 * <ul>
 *   <li>{@code totalReturn = E_last / E_first - 1}; {@code annualizedReturn = (1 + total)^(periodsPerYear / (n - 1)) - 1}
 *       over a curve of at least a year ({@code n - 1 >= periodsPerYear}), NaN over a shorter one: a few days'
 *       return raised to a year's power reads as a result (+161,159 % from two days of bars) and is none. The GIPS
 *       rule: returns of periods under a year are not annualized;</li>
 *   <li>per-period returns {@code r_t = E_t / E_t-1 - 1}; {@code sharpe = mean(r) / stdev(r) * sqrt(periodsPerYear)}
 *       (sample standard deviation, risk-free rate 0); {@code sortino = mean(r) / sqrt(mean(min(r, 0)^2)) * sqrt(periodsPerYear)};</li>
 *   <li>{@code maxDrawdown}: the largest {@code (peak - E_t) / peak} over the curve;</li>
 *   <li>{@code profitFactor = sum of winning trades' pnl / |sum of losing trades' pnl|} (+Infinity with wins and no
 *       loss, 0 with no wins); {@code winRate = trades with pnl > 0 / trades};</li>
 *   <li>{@code timeInMarket}: share of samples with a position; {@code averageExposure}: mean gross exposure over equity.</li>
 * </ul>
 * Ratios that need more data than there is are 0.
 */
public record PerformanceMetrics(double totalReturn, double annualizedReturn, double sharpe, double sortino, double maxDrawdown,
                                 double profitFactor, double winRate, double timeInMarket, double averageExposure, int tradeCount,
                                 int periods, double periodsPerYear) {

    /** Periods per year of 5-minute bars around the clock. */
    public static final double FIVE_MINUTE_PERIODS_PER_YEAR = 365.0 * 24 * 12;

    public static PerformanceMetrics of(EquityCurve curve, List<RoundTrip> trades, double periodsPerYear) {
        if (curve == null || trades == null || !(periodsPerYear > 0)) {
            throw new IllegalArgumentException("curve, trades and periodsPerYear > 0 are required");
        }
        int n = curve.size();
        double total = n >= 2 ? curve.equity(n - 1) / curve.equity(0) - 1 : 0;
        double annual = n - 1 < periodsPerYear ? Double.NaN : total > -1 ? Math.pow(1 + total, periodsPerYear / (n - 1)) - 1 : -1;
        double sum = 0;
        double down2 = 0;
        int m = 0;
        for (int i = 1; i < n; i++) {
            double r = curve.equity(i) / curve.equity(i - 1) - 1;
            sum += r;
            down2 += Math.min(r, 0) * Math.min(r, 0);
            m++;
        }
        double mean = m > 0 ? sum / m : 0;
        double var = 0;
        for (int i = 1; i < n; i++) {
            double d = curve.equity(i) / curve.equity(i - 1) - 1 - mean;
            var += d * d;
        }
        double sd = m > 1 ? Math.sqrt(var / (m - 1)) : 0;
        double sharpe = sd > 0 ? mean / sd * Math.sqrt(periodsPerYear) : 0;
        double dd = m > 0 ? Math.sqrt(down2 / m) : 0;
        double sortino = dd > 0 ? mean / dd * Math.sqrt(periodsPerYear) : 0;
        double peak = Double.NEGATIVE_INFINITY;
        double mdd = 0;
        int inMarket = 0;
        double exposureSum = 0;
        for (int i = 0; i < n; i++) {
            double e = curve.equity(i);
            peak = Math.max(peak, e);
            if (peak > 0) {
                mdd = Math.max(mdd, (peak - e) / peak);
            }
            if (curve.exposure(i) != 0) {
                inMarket++;
            }
            exposureSum += Math.abs(curve.exposure(i));
        }
        return new PerformanceMetrics(total, annual, sharpe, sortino, mdd, profitFactor(trades), winRate(trades),
                n > 0 ? (double) inMarket / n : 0, n > 0 ? exposureSum / n : 0, trades.size(), n, periodsPerYear);
    }

    public static double profitFactor(List<RoundTrip> trades) {
        double win = 0;
        double loss = 0;
        for (RoundTrip t : trades) {
            if (t.pnl() > 0) {
                win += t.pnl();
            } else {
                loss -= t.pnl();
            }
        }
        if (loss > 0) {
            return win / loss;
        }
        return win > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    public static double winRate(List<RoundTrip> trades) {
        if (trades.isEmpty()) {
            return 0;
        }
        int w = 0;
        for (RoundTrip t : trades) {
            if (t.pnl() > 0) {
                w++;
            }
        }
        return (double) w / trades.size();
    }
}
