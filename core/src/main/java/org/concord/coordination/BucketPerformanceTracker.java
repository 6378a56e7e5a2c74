package org.concord.coordination;

/**
 * Rolling, exponentially weighted record of one bucket: per-bar returns (Sharpe, drawdown over a rolling window)
 * and closed trades (win rate, profit factor, payoff ratio, predicted vs realized return). Recent results weigh
 * more: a weight halves every {@code returnHalfLife} bars / {@code tradeHalfLife} trades. Allocation-free.
 */
public final class BucketPerformanceTracker {
    private final Bucket bucket;
    private final double aRet;
    private final double aTrade;
    private final double annualization;
    private final int minPeriods;
    private double meanRet;
    private double varRet;
    private long periods;
    // trades
    private double winRate;
    private double grossProfit;
    private double grossLoss;
    private double avgWin;
    private double avgLoss;
    private long trades;
    private long wins;
    private long losses;
    private double predicted = Double.NaN;
    private double realizedWithPrediction = Double.NaN;
    private double predictionError = Double.NaN;
    // rolling drawdown over the last `window` periods of the cumulative return curve
    private final double[] curve;
    private int curveCount;
    private int curveHead;
    private double level = 1;

    /**
     * @param periodsPerYear bars per year of the returns fed (105,120 for 5-minute bars around the clock)
     * @param ddWindow       bars the rolling drawdown looks back
     */
    public BucketPerformanceTracker(Bucket bucket, int returnHalfLife, int tradeHalfLife, double periodsPerYear, int ddWindow, int minPeriods) {
        if (bucket == null || returnHalfLife < 1 || tradeHalfLife < 1 || !(periodsPerYear > 0) || ddWindow < 2 || minPeriods < 2) {
            throw new IllegalArgumentException("bucket required; half-lives >= 1, periodsPerYear > 0, ddWindow >= 2, minPeriods >= 2");
        }
        this.bucket = bucket;
        this.aRet = 1 - Math.pow(0.5, 1.0 / returnHalfLife);
        this.aTrade = 1 - Math.pow(0.5, 1.0 / tradeHalfLife);
        this.annualization = Math.sqrt(periodsPerYear);
        this.curve = new double[ddWindow];
        this.minPeriods = minPeriods;
    }

    /** Day half-life for returns, 20-trade half-life, 5-minute bars, one-week drawdown window. */
    public static BucketPerformanceTracker defaults(Bucket bucket) {
        return new BucketPerformanceTracker(bucket, 288, 20, 105_120, 2016, 30);
    }

    public Bucket bucket() {
        return bucket;
    }

    /** One bar's return of the bucket's capital (non-finite values are ignored). */
    public void onPeriodReturn(double r) {
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            return;
        }
        if (periods == 0) {
            meanRet = r;
            varRet = 0;
        } else {
            double d = r - meanRet;
            meanRet += aRet * d;
            varRet = (1 - aRet) * (varRet + aRet * d * d);
        }
        periods++;
        level *= 1 + r;
        curve[curveHead] = level;
        curveHead = (curveHead + 1) % curve.length;
        curveCount = Math.min(curveCount + 1, curve.length);
    }

    /** A closed trade's return and, if its signal gave one, the predicted return. */
    public void onTradeClosed(double realized, Double predictedReturn) {
        if (Double.isNaN(realized) || Double.isInfinite(realized)) {
            return;
        }
        double a = trades == 0 ? 1 : aTrade;
        double win = realized > 0 ? 1 : 0;
        winRate += a * (win - winRate);
        grossProfit += a * (Math.max(0, realized) - grossProfit);
        grossLoss += a * (Math.max(0, -realized) - grossLoss);
        if (realized > 0) {
            avgWin = wins == 0 ? realized : avgWin + aTrade * (realized - avgWin);
            wins++;
        } else if (realized < 0) {
            avgLoss = losses == 0 ? -realized : avgLoss + aTrade * (-realized - avgLoss);
            losses++;
        }
        if (predictedReturn != null && Double.isFinite(predictedReturn)) {
            if (Double.isNaN(predicted)) {
                predicted = predictedReturn;
                realizedWithPrediction = realized;
                predictionError = Math.abs(predictedReturn - realized);
            } else {
                predicted += aTrade * (predictedReturn - predicted);
                realizedWithPrediction += aTrade * (realized - realizedWithPrediction);
                predictionError += aTrade * (Math.abs(predictedReturn - realized) - predictionError);
            }
        }
        trades++;
    }

    public double sharpe() {
        if (periods < minPeriods || !(varRet > 0)) {
            return 0;
        }
        return meanRet / Math.sqrt(varRet) * annualization;
    }

    public double profitFactor() {
        if (grossLoss > 0) {
            return grossProfit / grossLoss;
        }
        return grossProfit > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    public double payoffRatio() {
        return avgLoss > 0 ? avgWin / avgLoss : 0;
    }

    public double winRate() {
        return winRate;
    }

    public long trades() {
        return trades;
    }

    public long periods() {
        return periods;
    }

    /** Deepest peak-to-trough fall of the return curve within the window, in [0, 1]. */
    public double maxDrawdown() {
        double peak = 0;
        double worst = 0;
        int start = (curveHead - curveCount + curve.length) % curve.length;
        for (int i = 0; i < curveCount; i++) {
            double v = curve[(start + i) % curve.length];
            peak = Math.max(peak, v);
            if (peak > 0) {
                worst = Math.max(worst, 1 - v / peak);
            }
        }
        return worst;
    }

    public BucketPerformance snapshot() {
        return new BucketPerformance(bucket, sharpe(), winRate, profitFactor(), payoffRatio(), maxDrawdown(), predicted,
                realizedWithPrediction, predictionError, trades, periods);
    }
}
