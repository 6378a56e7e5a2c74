package org.concord.risk;

/** The rules the unified risk manager enforces; every clip, rejection and override names one. */
public enum RiskRule {
    /** A NaN, infinite or otherwise unusable number in a plan: the item is rejected. */
    INVALID_INPUT,
    /** No usable market price for the instrument. */
    NO_PRICE,
    /** Equity is not positive: nothing may add exposure. */
    EQUITY,
    /** One order's notional above {@code maxOrderFraction} of equity (orders that only reduce are exempt). */
    ORDER_SIZE,
    /** One instrument's worst-case notional above {@code maxAssetExposure} of equity. */
    ASSET_EXPOSURE,
    /** Sum of long notionals above {@code maxLongExposure}. */
    LONG_EXPOSURE,
    /** Sum of short notionals above {@code maxShortExposure}. */
    SHORT_EXPOSURE,
    /** Sum of absolute notionals above {@code maxGrossExposure}. */
    GROSS_EXPOSURE,
    /** Absolute sum of signed notionals above {@code maxNetExposure}. */
    NET_EXPOSURE,
    /** One book's (bucket's) gross notional above {@code maxBookExposure}. */
    BOOK_EXPOSURE,
    /** The correlation-weighted exposure of an instrument's cluster above {@code maxCorrelatedExposure}. */
    CORRELATED_EXPOSURE,
    /** Drawdown between the scale start and the threshold: new exposure scaled down. */
    DRAWDOWN_SCALE,
    /** Drawdown past the threshold: no new exposure. */
    DRAWDOWN_HALT,
    /** Drawdown crossed the threshold: positions cut to {@code deleverageTo} of their size. */
    DELEVERAGE
}
