package org.concord.quality;

/** Kinds of bad market-data input and what Concord does with each (the rule is stated where it is applied). */
public enum InputIssue {
    /** Unparseable row or message: rejected. */
    MALFORMED,
    /** NaN, infinite, zero or negative price, or negative/non-finite size: rejected. */
    INVALID_PRICE,
    /** high below low, or open/close outside [low, high]: rejected. */
    INCONSISTENT_OHLC,
    /** The same record again with the same values: dropped. */
    DUPLICATE,
    /** A record for a time already stored with different values: the newer one replaces it (exchange correction). */
    CORRECTION,
    /** A trade older than the aggregator's clock: rejected (its bar may already be closed). */
    OUT_OF_ORDER,
    /** A late bar that fills a hole in the stored series: inserted in order. */
    GAP_FILLED,
    /** Bars missing between two received bars: reported, backfilled where a history source exists. */
    GAP,
    /**
     * A time beyond the source's clock plus one interval (a bar dated in the future): rejected. It never becomes the
     * last bar of a series nor moves a session clock, so the series goes on with the next good record.
     */
    FUTURE
}
