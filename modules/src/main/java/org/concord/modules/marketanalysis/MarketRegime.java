package org.concord.modules.marketanalysis;

/**
 * The market-analysis view of a symbol after its last bar.
 *
 * @param trend      TRENDING, RANGING or TRANSITION (UNKNOWN during the warm-up)
 * @param direction  +1 when +DI is above −DI, −1 below, 0 equal or unknown
 * @param volatility LOW, MEDIUM or HIGH by the percentile of the current volatility (UNKNOWN until enough history)
 * @param percentile the current volatility's rank among the recent ones, 0..1 (NaN until known)
 */
public record MarketRegime(Trend trend, int direction, Volatility volatility, double adx, double efficiency, double vol,
                           double percentile) {
    /** Trend regime by ADX and efficiency ratio. */
    public enum Trend { UNKNOWN, RANGING, TRANSITION, TRENDING }

    /** Volatility regime by percentile. */
    public enum Volatility { UNKNOWN, LOW, MEDIUM, HIGH }
}
