package org.concord.coordination;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * What one model wants, in the coordination layer's terms (a {@link ModelAdapter} builds it from the model's own
 * output). Structure (ids, symbol, action, bucket) is required on construction; the numbers are the model's and are
 * NOT trusted here: {@link #problem()} says what is wrong with them, and the coordinator rejects such a signal with
 * that reason instead of trading on it.
 *
 * @param size             wanted position as a share of the bucket's capital, [0, 1] (larger is clamped to 1;
 *                         0 with BUY/SELL means "exit to flat"); HOLD means no new opinion
 * @param confidence       [0, 1]
 * @param metaConfidence   a meta-labeling model's probability that acting on this signal pays, [0, 1], or null
 * @param expectedReturn   the model's expected return over the expected holding period, or null
 * @param timeframe        the bar timeframe the model works on (orders the scheduler: shorter first)
 */
public record Signal(String sourceId, Symbol symbol, long time, Bucket bucket, Action action, double size, double confidence,
                     int minHoldingBars, int expectedHoldingBars, int maxHoldingBars, Timeframe timeframe,
                     Double metaConfidence, Double expectedReturn) {
    public Signal {
        if (sourceId == null || sourceId.isBlank() || symbol == null || bucket == null || action == null || timeframe == null) {
            throw new IllegalArgumentException("signal sourceId, symbol, bucket, action and timeframe are required");
        }
    }

    /** A signal with the bucket's own holding periods and no meta confidence or expected return. */
    public static Signal of(String sourceId, Symbol symbol, long time, Bucket bucket, Action action, double size, double confidence,
                            Timeframe timeframe) {
        return new Signal(sourceId, symbol, time, bucket, action, size, confidence, bucket.minHoldingBars(),
                bucket.expectedHoldingBars(), bucket.maxHoldingBars(), timeframe, null, null);
    }

    /**
     * A signal for a view meant to be held about {@code holdingMillis}: the bucket whose expected holding is nearest
     * ({@link Bucket#forHolding}), the bucket's minimum and maximum holding, the expected holding clamped into them.
     */
    public static Signal forHolding(String sourceId, Symbol symbol, long time, Action action, double size, double confidence,
                                    Timeframe timeframe, long holdingMillis, Double metaConfidence) {
        double bars = (double) holdingMillis / Bucket.BAR_MILLIS;
        Bucket b = Bucket.forHolding(Math.max(bars, 1e-9));
        int expected = (int) Math.max(b.minHoldingBars(), Math.min(b.maxHoldingBars(), Math.round(bars)));
        return new Signal(sourceId, symbol, time, b, action, size, confidence, b.minHoldingBars(), expected, b.maxHoldingBars(),
                timeframe, metaConfidence, null);
    }

    public Signal withMeta(Double meta) {
        return new Signal(sourceId, symbol, time, bucket, action, size, confidence, minHoldingBars, expectedHoldingBars,
                maxHoldingBars, timeframe, meta, expectedReturn);
    }

    public Signal withExpectedReturn(Double r) {
        return new Signal(sourceId, symbol, time, bucket, action, size, confidence, minHoldingBars, expectedHoldingBars,
                maxHoldingBars, timeframe, metaConfidence, r);
    }

    /** What is wrong with the numbers, or null when the signal is usable. */
    public String problem() {
        if (Double.isNaN(size) || Double.isInfinite(size)) {
            return "size is " + size + " (not a finite number)";
        }
        if (size < 0) {
            return "size " + size + " is negative (the action carries the direction)";
        }
        if (Double.isNaN(confidence) || Double.isInfinite(confidence)) {
            return "confidence is " + confidence + " (not a finite number)";
        }
        if (confidence < 0 || confidence > 1) {
            return "confidence " + confidence + " is outside [0, 1]";
        }
        if (minHoldingBars < 1 || expectedHoldingBars < minHoldingBars || maxHoldingBars < expectedHoldingBars) {
            return "holding periods must satisfy 1 <= min <= expected <= max, got " + minHoldingBars + "/" + expectedHoldingBars + "/" + maxHoldingBars;
        }
        if (metaConfidence != null && !(metaConfidence >= 0 && metaConfidence <= 1)) {
            return "metaConfidence " + metaConfidence + " is not in [0, 1]";
        }
        if (expectedReturn != null && (Double.isNaN(expectedReturn) || Double.isInfinite(expectedReturn))) {
            return "expectedReturn is " + expectedReturn + " (not a finite number)";
        }
        return null;
    }

    /** Strength in [0, 1]: the (clamped) size times the confidence. Only for valid signals. */
    public double strength() {
        return Math.min(1, size) * confidence;
    }
}
