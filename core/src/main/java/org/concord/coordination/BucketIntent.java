package org.concord.coordination;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.List;

/**
 * One bucket's combined wish for one symbol in one decision: the sources' signals for that bucket and symbol,
 * weighted by their learned weights. {@code direction} +1 buy, -1 sell, 0 go flat. Alignment sets
 * {@link #multiplier()}, conflict resolution {@link #scale()} or drops it. Mutable, on the decision thread.
 */
public final class BucketIntent {
    private final Bucket bucket;
    private final Symbol symbol;
    private final int direction;
    private final double strength;
    private final double confidence;
    private final double metaConfidence;
    private final Double expectedReturn;
    private final String leadSource;
    private final List<Signal> signals;
    private final int minHoldingBars;
    private final int expectedHoldingBars;
    private final int maxHoldingBars;
    private final Timeframe timeframe;
    private double multiplier = 1;
    private double scale = 1;
    private boolean dropped;
    private List<String> notes = List.of(); // a list of its own from the first note: most intents get none

    public BucketIntent(Bucket bucket, Symbol symbol, int direction, double strength, double confidence, double metaConfidence,
                        Double expectedReturn, String leadSource, List<Signal> signals, int minHoldingBars,
                        int expectedHoldingBars, int maxHoldingBars, Timeframe timeframe) {
        if (bucket == null || symbol == null || leadSource == null || signals == null || timeframe == null) {
            throw new IllegalArgumentException("intent bucket, symbol, lead source, signals and timeframe are required");
        }
        if (direction < -1 || direction > 1 || !(strength >= 0 && strength <= 1) || !(confidence >= 0 && confidence <= 1)
                || !(metaConfidence >= 0 && metaConfidence <= 1)) {
            throw new IllegalArgumentException("intent numbers out of range: dir " + direction + " strength " + strength
                    + " confidence " + confidence + " meta " + metaConfidence);
        }
        this.bucket = bucket;
        this.symbol = symbol;
        this.direction = direction;
        this.strength = strength;
        this.confidence = confidence;
        this.metaConfidence = metaConfidence;
        this.expectedReturn = expectedReturn;
        this.leadSource = leadSource;
        this.signals = List.copyOf(signals);
        this.minHoldingBars = minHoldingBars;
        this.expectedHoldingBars = expectedHoldingBars;
        this.maxHoldingBars = maxHoldingBars;
        this.timeframe = timeframe;
    }

    /** A one-signal intent (tests, manual what-ifs). */
    public static BucketIntent of(Signal s) {
        return new BucketIntent(s.bucket(), s.symbol(), s.action().sign() * (s.size() > 0 ? 1 : 0), s.strength(), s.confidence(),
                s.metaConfidence() == null ? 1 : s.metaConfidence(), s.expectedReturn(), s.sourceId(), List.of(s),
                s.minHoldingBars(), s.expectedHoldingBars(), s.maxHoldingBars(), s.timeframe());
    }

    public Bucket bucket() {
        return bucket;
    }

    public Symbol symbol() {
        return symbol;
    }

    public int direction() {
        return direction;
    }

    public double strength() {
        return strength;
    }

    public double confidence() {
        return confidence;
    }

    public double metaConfidence() {
        return metaConfidence;
    }

    public Double expectedReturn() {
        return expectedReturn;
    }

    public String leadSource() {
        return leadSource;
    }

    public List<Signal> signals() {
        return signals;
    }

    public int minHoldingBars() {
        return minHoldingBars;
    }

    public int expectedHoldingBars() {
        return expectedHoldingBars;
    }

    public int maxHoldingBars() {
        return maxHoldingBars;
    }

    public Timeframe timeframe() {
        return timeframe;
    }

    public double multiplier() {
        return multiplier;
    }

    void multiplier(double m) {
        multiplier = m;
    }

    public double scale() {
        return scale;
    }

    void scale(double s) {
        scale = s;
    }

    public boolean dropped() {
        return dropped;
    }

    void drop(String why) {
        dropped = true;
        note(why);
    }

    void note(String s) {
        if (notes.isEmpty()) {
            notes = new ArrayList<>(2);
        }
        notes.add(s);
    }

    public List<String> notes() {
        return notes;
    }

    @Override
    public String toString() {
        return bucket + " " + symbol + " dir=" + direction + " strength=" + strength + " conf=" + confidence
                + (dropped ? " dropped" : "") + (multiplier != 1 ? " x" + multiplier : "") + (scale != 1 ? " scale " + scale : "");
    }
}
