package org.concord.execution;

/**
 * Turns a signal into the share of its capital to commit:
 * <pre>
 *   fraction = min(maxFraction, base * sqrt(strength) * metaConfidence * toxicityScale(vpin))
 *   base     = fixedFraction                                   (FIXED_FRACTIONAL, or KELLY with too few trades)
 *            = min(kellyCap, kellyMultiplier * max(0, p - (1 - p) / b))   (KELLY: win rate p, payoff ratio b)
 * </pre>
 * Square-root scaling lets weak signals trade small without vanishing. The meta-labeling confidence (1 when a model
 * gives none) and the toxicity scale only ever shrink a size; {@code maxFraction} is the fixed safety limit no input
 * can raise. Pure and allocation-free.
 */
public final class PositionSizer {
    private final SizingConfig config;

    public PositionSizer(SizingConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("sizing config is null");
        }
        this.config = config;
    }

    public SizingConfig config() {
        return config;
    }

    /**
     * @param strength       signal strength in [0, 1]
     * @param metaConfidence meta-labeling probability that the trade is worth taking, in [0, 1]; 1 when none
     * @param vpin           volume-synchronized probability of informed trading in [0, 1]; 0 when unknown
     * @param winRate        the source's historical win rate in [0, 1] (KELLY only)
     * @param payoffRatio    average win / average loss, >= 0 (KELLY only)
     * @param trades         how many trades {@code winRate} and {@code payoffRatio} rest on
     */
    public double fraction(double strength, double metaConfidence, double vpin, double winRate, double payoffRatio, int trades) {
        unit("strength", strength);
        unit("metaConfidence", metaConfidence);
        unit("vpin", vpin);
        unit("winRate", winRate);
        if (!(payoffRatio >= 0) || Double.isInfinite(payoffRatio)) {
            throw new IllegalArgumentException("payoffRatio must be finite and >= 0, got " + payoffRatio);
        }
        double f = base(winRate, payoffRatio, trades) * Math.sqrt(strength) * metaConfidence * toxicityScale(vpin);
        return Math.min(config.maxFraction(), f);
    }

    /** Fixed-fractional sizing: {@link #fraction} with no track record. */
    public double fraction(double strength, double metaConfidence, double vpin) {
        return fraction(strength, metaConfidence, vpin, 0, 0, 0);
    }

    double base(double winRate, double payoffRatio, int trades) {
        if (config.method() == SizingConfig.Method.FIXED_FRACTIONAL || trades < config.minTradesForKelly()) {
            return config.fixedFraction();
        }
        return Math.min(config.kellyCap(), config.kellyMultiplier() * kelly(winRate, payoffRatio));
    }

    /** The full Kelly fraction {@code p - (1 - p) / b}, floored at 0 (no edge: no bet). */
    public static double kelly(double winRate, double payoffRatio) {
        if (payoffRatio <= 0) {
            return 0;
        }
        return Math.max(0, winRate - (1 - winRate) / payoffRatio);
    }

    /** 1 up to the VPIN threshold, then linear down to {@code vpinFloorScale} at VPIN = 1. */
    public double toxicityScale(double vpin) {
        double t = config.vpinThreshold();
        if (vpin <= t || t >= 1) {
            return 1;
        }
        return 1 - (1 - config.vpinFloorScale()) * (vpin - t) / (1 - t);
    }

    private static void unit(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
        }
    }
}
