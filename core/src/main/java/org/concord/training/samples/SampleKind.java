package org.concord.training.samples;

/** The role of a bar in an expanded annotation. */
public enum SampleKind {
    /** The entry bar: the action the trade took (BUY for a long, SELL for a short). */
    ENTRY,
    /** Every bar strictly between entry and exit: stay in the trade. */
    HOLD,
    /** The exit bar: the closing action (SELL for a long, BUY for a short). */
    EXIT,
    /** Bars around the trade (and every bar of a no-trade region): do not trade here. */
    NO_TRADE
}
