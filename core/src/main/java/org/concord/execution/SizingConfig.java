package org.concord.execution;

/**
 * Position-sizing rules (see {@link PositionSizer}).
 *
 * @param method          FIXED_FRACTIONAL uses {@code fixedFraction}; KELLY uses the capped Kelly fraction once
 *                        {@code minTradesForKelly} trades are known, the fixed fraction before
 * @param fixedFraction   share of the capital a full-strength signal commits, in (0, 1]
 * @param kellyMultiplier scales the Kelly fraction (0.5 = "half Kelly"), in (0, 1]
 * @param kellyCap        the Kelly fraction is never above this, in (0, 1]
 * @param maxFraction     the fixed safety limit: no strength, confidence or Kelly estimate sizes above it
 * @param vpinThreshold   VPIN (order-flow toxicity, 0..1) above which sizes shrink
 * @param vpinFloorScale  the scale at VPIN = 1 (linear from 1 at the threshold), in [0, 1]
 * @param minMetaConfidence the meta-labeling gate: a signal whose meta confidence is below it is not traded (a signal
 *                        without one passes), in [0, 1]; above it the meta confidence scales the size
 */
public record SizingConfig(Method method, double fixedFraction, double kellyMultiplier, double kellyCap, int minTradesForKelly,
                           double maxFraction, double vpinThreshold, double vpinFloorScale, double minMetaConfidence) {
    public enum Method { FIXED_FRACTIONAL, KELLY }

    public SizingConfig {
        if (method == null) {
            throw new IllegalArgumentException("sizing method is required");
        }
        unit("fixedFraction", fixedFraction, false);
        unit("kellyMultiplier", kellyMultiplier, false);
        unit("kellyCap", kellyCap, false);
        unit("maxFraction", maxFraction, false);
        unit("vpinThreshold", vpinThreshold, true);
        unit("vpinFloorScale", vpinFloorScale, true);
        unit("minMetaConfidence", minMetaConfidence, true);
        if (minTradesForKelly < 1) {
            throw new IllegalArgumentException("minTradesForKelly must be >= 1, got " + minTradesForKelly);
        }
    }

    private static void unit(String name, double v, boolean zeroOk) {
        if (!(zeroOk ? v >= 0 : v > 0) || v > 1) {
            throw new IllegalArgumentException(name + " must be in " + (zeroOk ? "[0, 1]" : "(0, 1]") + ", got " + v);
        }
    }

    /**
     * Fixed fractional 1.0 of the bucket's capital, safety cap 1.0, half-Kelly capped at 0.5 after 30 trades, VPIN
     * above 0.7 shrinks to 0.25, signals with a meta confidence below 0.5 (the meta-model says "more likely wrong than
     * right") skipped.
     */
    public static SizingConfig defaults() {
        return new SizingConfig(Method.FIXED_FRACTIONAL, 1.0, 0.5, 0.5, 30, 1.0, 0.7, 0.25, 0.5);
    }

    public SizingConfig withMethod(Method m) {
        return new SizingConfig(m, fixedFraction, kellyMultiplier, kellyCap, minTradesForKelly, maxFraction, vpinThreshold, vpinFloorScale,
                minMetaConfidence);
    }

    public SizingConfig withMaxFraction(double max) {
        return new SizingConfig(method, fixedFraction, kellyMultiplier, kellyCap, minTradesForKelly, max, vpinThreshold, vpinFloorScale,
                minMetaConfidence);
    }

    public SizingConfig withMinMetaConfidence(double min) {
        return new SizingConfig(method, fixedFraction, kellyMultiplier, kellyCap, minTradesForKelly, maxFraction, vpinThreshold, vpinFloorScale, min);
    }

    public SizingConfig withVpinThreshold(double threshold) {
        return new SizingConfig(method, fixedFraction, kellyMultiplier, kellyCap, minTradesForKelly, maxFraction, threshold, vpinFloorScale,
                minMetaConfidence);
    }
}
