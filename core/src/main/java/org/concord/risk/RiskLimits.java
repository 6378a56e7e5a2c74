package org.concord.risk;

/**
 * The fixed safety limits. Exposures are notionals at the mark price as fractions of equity; pending orders count
 * as if they filled (worst case per side). No model output, confidence or sizing rule can raise them; only a
 * person's explicit, logged override of one manual order passes them.
 *
 * @param maxOrderFraction      largest notional of one order that adds exposure
 * @param maxAssetExposure      per instrument
 * @param maxLongExposure       sum over long positions
 * @param maxShortExposure      sum over short positions
 * @param maxGrossExposure      sum of absolute notionals (1 = unlevered)
 * @param maxNetExposure        absolute sum of signed notionals
 * @param maxBookExposure       per book (bucket) gross
 * @param maxCorrelatedExposure correlation-weighted cluster exposure around any instrument
 * @param correlationThreshold  correlations at or above it join a cluster
 * @param drawdownScaleStart    drawdown from the equity peak where new exposure starts to shrink
 * @param drawdownThreshold     drawdown where new exposure stops and positions are cut (default 10%)
 * @param drawdownMinScale      the scale of new exposure just before the threshold
 * @param deleverageTo          share of each position kept when the threshold is crossed
 * @param costBufferBps         fees + slippage assumed per order when working out post-trade equity
 */
public record RiskLimits(double maxOrderFraction, double maxAssetExposure, double maxLongExposure, double maxShortExposure,
                         double maxGrossExposure, double maxNetExposure, double maxBookExposure,
                         double maxCorrelatedExposure, double correlationThreshold,
                         double drawdownScaleStart, double drawdownThreshold, double drawdownMinScale, double deleverageTo,
                         double costBufferBps) {
    public RiskLimits {
        double[] v = {maxOrderFraction, maxAssetExposure, maxLongExposure, maxShortExposure, maxGrossExposure, maxNetExposure,
                maxBookExposure, maxCorrelatedExposure, correlationThreshold, drawdownScaleStart, drawdownThreshold, drawdownMinScale,
                deleverageTo, costBufferBps};
        for (RiskLimitField f : RiskLimitField.values()) {
            String problem = f.problem(v[f.ordinal()]);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }
        if (drawdownScaleStart > drawdownThreshold) {
            throw new IllegalArgumentException("drawdownScaleStart " + drawdownScaleStart + " above drawdownThreshold " + drawdownThreshold);
        }
    }

    /** Limits from one value per {@link RiskLimitField}, in field order (validated as by the constructor). */
    public static RiskLimits of(double[] v) {
        if (v == null || v.length != RiskLimitField.values().length) {
            throw new IllegalArgumentException("one value per risk limit field is required");
        }
        return new RiskLimits(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13]);
    }

    /** The values in {@link RiskLimitField} order. */
    public double[] values() {
        double[] v = new double[RiskLimitField.values().length];
        for (RiskLimitField f : RiskLimitField.values()) {
            v[f.ordinal()] = f.of(this);
        }
        return v;
    }

    /**
     * Unlevered defaults: order 25%, instrument 50%, long 100%, short 50%, gross 100%, net 100%, book 50%,
     * correlated cluster 75% at correlation &gt;= 0.7, drawdown scaling from 5% to 10% (down to 25%), past 10% no new
     * exposure and positions cut to half, 30 bps cost buffer.
     */
    public static RiskLimits defaults() {
        return new RiskLimits(0.25, 0.5, 1.0, 0.5, 1.0, 1.0, 0.5, 0.75, 0.7, 0.05, 0.10, 0.25, 0.5, 30);
    }

    public double limit(RiskRule rule) {
        return switch (rule) {
            case ORDER_SIZE -> maxOrderFraction;
            case ASSET_EXPOSURE -> maxAssetExposure;
            case LONG_EXPOSURE -> maxLongExposure;
            case SHORT_EXPOSURE -> maxShortExposure;
            case GROSS_EXPOSURE -> maxGrossExposure;
            case NET_EXPOSURE -> maxNetExposure;
            case BOOK_EXPOSURE -> maxBookExposure;
            case CORRELATED_EXPOSURE -> maxCorrelatedExposure;
            case DRAWDOWN_HALT, DELEVERAGE -> drawdownThreshold;
            case DRAWDOWN_SCALE -> drawdownScaleStart;
            default -> Double.NaN;
        };
    }

    public RiskLimits withAssetExposure(double v) {
        return new RiskLimits(maxOrderFraction, v, maxLongExposure, maxShortExposure, maxGrossExposure, maxNetExposure,
                maxBookExposure, maxCorrelatedExposure, correlationThreshold, drawdownScaleStart, drawdownThreshold,
                drawdownMinScale, deleverageTo, costBufferBps);
    }

    public RiskLimits withOrderFraction(double v) {
        return new RiskLimits(v, maxAssetExposure, maxLongExposure, maxShortExposure, maxGrossExposure, maxNetExposure,
                maxBookExposure, maxCorrelatedExposure, correlationThreshold, drawdownScaleStart, drawdownThreshold,
                drawdownMinScale, deleverageTo, costBufferBps);
    }

    public RiskLimits withDrawdown(double scaleStart, double threshold, double minScale, double keep) {
        return new RiskLimits(maxOrderFraction, maxAssetExposure, maxLongExposure, maxShortExposure, maxGrossExposure, maxNetExposure,
                maxBookExposure, maxCorrelatedExposure, correlationThreshold, scaleStart, threshold, minScale, keep, costBufferBps);
    }
}
