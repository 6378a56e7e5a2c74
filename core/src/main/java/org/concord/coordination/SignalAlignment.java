package org.concord.coordination;

import org.concord.model.Symbol;

import java.util.List;

/**
 * Harmony across buckets on one symbol and the scaling of aligned signals:
 * <pre>
 *   harmony = |sum_b d_b * c_b * s_b| / sum_b c_b * s_b        (d direction, c confidence, s strength)
 * </pre>
 * over the intents with a direction; 1 when every bucket agrees, 0 when they cancel out. When at least
 * {@code minBuckets} buckets agree and harmony reaches {@code threshold}, the agreeing buckets' sizes are multiplied
 * by {@code 1 + boost * harmony} (the sizer's safety cap and the risk limits still apply afterwards).
 */
public final class SignalAlignment {
    private final double threshold;
    private final double boost;
    private final int minBuckets;

    public SignalAlignment(double threshold, double boost, int minBuckets) {
        if (!(threshold > 0 && threshold <= 1) || !(boost >= 0 && boost <= 1) || minBuckets < 2) {
            throw new IllegalArgumentException("need 0 < threshold <= 1, 0 <= boost <= 1, minBuckets >= 2");
        }
        this.threshold = threshold;
        this.boost = boost;
        this.minBuckets = minBuckets;
    }

    /** Threshold 0.8, boost 0.5, at least two buckets. */
    public static SignalAlignment defaults() {
        return new SignalAlignment(0.8, 0.5, 2);
    }

    public static double harmony(List<BucketIntent> intents) {
        return Math.abs(signedHarmony(intents));
    }

    /** Harmony with the sign of the net direction: the agreeing side and how much they agree, in one pass. */
    private static double signedHarmony(List<BucketIntent> intents) {
        double num = 0;
        double den = 0;
        for (int k = 0, n = intents.size(); k < n; k++) {
            BucketIntent i = intents.get(k);
            if (i.direction() != 0 && !i.dropped()) {
                double w = i.confidence() * i.strength();
                num += i.direction() * w;
                den += w;
            }
        }
        return den > 0 ? num / den : 0;
    }

    /**
     * Scales the aligned intents of one symbol; returns the event, or null when nothing was aligned. A decision without
     * an alignment allocates nothing.
     */
    public AlignmentEvent align(long time, Symbol symbol, List<BucketIntent> intents) {
        double signed = signedHarmony(intents);
        double h = Math.abs(signed);
        int dir = (int) Math.signum(signed);
        int agreeing = 0;
        for (int k = 0, n = intents.size(); k < n; k++) {
            BucketIntent i = intents.get(k);
            if (i.direction() == dir && dir != 0 && !i.dropped()) {
                agreeing++;
            }
        }
        if (agreeing < minBuckets || h < threshold) {
            return null;
        }
        double m = 1 + boost * h;
        String note = "aligned with " + agreeing + " buckets (harmony " + round2(h) + "): size x" + round2(m);
        Bucket[] buckets = new Bucket[agreeing];
        int b = 0;
        for (int k = 0, n = intents.size(); k < n; k++) {
            BucketIntent i = intents.get(k);
            if (i.direction() == dir && !i.dropped()) {
                i.multiplier(m);
                i.note(note);
                buckets[b++] = i.bucket();
            }
        }
        return new AlignmentEvent(time, symbol, h, m, dir, List.of(buckets));
    }

    /**
     * Two decimals as {@code Double.toString} writes the rounded value ("1.5", "1.23", "0.0"), from the rounded
     * hundredths' digits: this runs on every aligned decision, and the double-to-text conversion was a tenth of
     * the coordination's time there. Large values, which that writes in E notation, go through it.
     */
    static String round2(double v) {
        long r = Math.round(v * 100);
        if (r >= 100_000_000L || r <= -100_000_000L) {
            return Double.toString(r / 100.0);
        }
        long a = Math.abs(r);
        long cents = a % 100;
        String frac = cents % 10 == 0 ? Long.toString(cents / 10) : (cents < 10 ? "0" : "") + cents;
        return (r < 0 ? "-" : "") + a / 100 + "." + frac;
    }
}
