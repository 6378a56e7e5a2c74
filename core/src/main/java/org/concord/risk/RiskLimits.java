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
        positive("maxOrderFraction", maxOrderFraction, 10);
        positive("maxAssetExposure", maxAssetExposure, 10);
        nonNegative("maxLongExposure", maxLongExposure, 10);
        nonNegative("maxShortExposure", maxShortExposure, 10);
        positive("maxGrossExposure", maxGrossExposure, 10);
        positive("maxNetExposure", maxNetExposure, 10);
        positive("maxBookExposure", maxBookExposure, 10);
        positive("maxCorrelatedExposure", maxCorrelatedExposure, 10);
        nonNegative("correlationThreshold", correlationThreshold, 1);
        nonNegative("drawdownScaleStart", drawdownScaleStart, 1);
        positive("drawdownThreshold", drawdownThreshold, 1);
        nonNegative("drawdownMinScale", drawdownMinScale, 1);
        nonNegative("deleverageTo", deleverageTo, 1);
        nonNegative("costBufferBps", costBufferBps, 1000);
        if (drawdownScaleStart > drawdownThreshold) {
            throw new IllegalArgumentException("drawdownScaleStart " + drawdownScaleStart + " above drawdownThreshold " + drawdownThreshold);
        }
    }

    private static void positive(String name, double v, double max) {
        if (!(v > 0) || v > max) {
            throw new IllegalArgumentException(name + " must be in (0, " + max + "], got " + v);
        }
    }

    private static void nonNegative(String name, double v, double max) {
        if (!(v >= 0) || v > max) {
            throw new IllegalArgumentException(name + " must be in [0, " + max + "], got " + v);
        }
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
