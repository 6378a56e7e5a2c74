package org.concord.modules.pivots;

/**
 * Floor-trader pivot points from one completed period: {@code P = (H + L + C) / 3}, {@code R1 = 2P - L},
 * {@code S1 = 2P - H}, {@code R2 = P + (H - L)}, {@code S2 = P - (H - L)}.
 */
public record ClassicPivots(double p, double r1, double s1, double r2, double s2) {
    public static ClassicPivots of(double high, double low, double close) {
        if (!(high >= low) || !(close >= low) || !(close <= high)) {
            throw new IllegalArgumentException("need low <= close <= high, got H=" + high + " L=" + low + " C=" + close);
        }
        double p = (high + low + close) / 3.0;
        return new ClassicPivots(p, 2 * p - low, 2 * p - high, p + (high - low), p - (high - low));
    }
}
