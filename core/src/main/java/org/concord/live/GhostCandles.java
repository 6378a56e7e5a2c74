package org.concord.live;

import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The model's predicted next candles, derived from its class probabilities and the recent volatility (computed here
 * in core; the UI only draws them):
 * <pre>
 *   σ = standard deviation of the last {@code lookback} one-bar log returns (closes)
 *   μ = (p(BUY) − p(SELL)) · σ                        expected log move per bar
 *   candle i (i = 1..k):  open = previous close (the last real close for i = 1)
 *                          close = open · exp(μ)
 *                          high  = max(open, close) · exp(σ / 2),  low = min(open, close) · exp(−σ / 2)
 * </pre>
 * A confident BUY walks up by about one σ per bar, a 50/50 split draws flat candles whose wicks show the usual
 * range. This is a picture of the expectation, not a price forecast the model was trained for.
 */
public final class GhostCandles {
    private GhostCandles() {
    }

    /** σ of one-bar log returns of {@code closes} (oldest first), NaN with fewer than 3 closes. */
    public static double volatility(double[] closes, int n) {
        if (closes == null || n < 0 || n > closes.length) {
            throw new IllegalArgumentException("closes and a count within them are required");
        }
        if (n < 3) {
            return Double.NaN;
        }
        double mean = 0;
        for (int i = 1; i < n; i++) {
            mean += Math.log(closes[i] / closes[i - 1]);
        }
        mean /= n - 1;
        double var = 0;
        for (int i = 1; i < n; i++) {
            double d = Math.log(closes[i] / closes[i - 1]) - mean;
            var += d * d;
        }
        return Math.sqrt(var / (n - 2));
    }

    /**
     * {@code count} ghost candles after the bar that opened at {@code lastOpenTime} and closed at {@code lastClose}.
     *
     * @param sigma one-bar log-return σ (≥ 0, finite)
     */
    public static List<GhostCandle> predict(Timeframe tf, long lastOpenTime, double lastClose, double pBuy, double pSell, double sigma,
                                            int count) {
        if (tf == null) {
            throw new IllegalArgumentException("timeframe is required");
        }
        if (!(lastClose > 0) || Double.isInfinite(lastClose)) {
            throw new IllegalArgumentException("last close must be finite and > 0, got " + lastClose);
        }
        if (!(pBuy >= 0 && pBuy <= 1) || !(pSell >= 0 && pSell <= 1) || pBuy + pSell > 1 + 1e-6) {
            throw new IllegalArgumentException("probabilities must be in [0, 1] with p(BUY) + p(SELL) <= 1, got " + pBuy + ", " + pSell);
        }
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("sigma must be finite and >= 0, got " + sigma);
        }
        if (count < 0 || count > 100) {
            throw new IllegalArgumentException("count must be in [0, 100], got " + count);
        }
        double mu = (pBuy - pSell) * sigma;
        double wick = Math.exp(sigma / 2);
        List<GhostCandle> out = new ArrayList<>(count);
        double open = lastClose;
        long t = lastOpenTime;
        for (int i = 0; i < count; i++) {
            t += tf.millis();
            double close = open * Math.exp(mu);
            out.add(new GhostCandle(t, open, Math.max(open, close) * wick, Math.min(open, close) / wick, close));
            open = close;
        }
        return Collections.unmodifiableList(out);
    }
}
