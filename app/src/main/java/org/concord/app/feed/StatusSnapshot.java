package org.concord.app.feed;

/**
 * The status bar's content (immutable).
 *
 * @param symbol     the instrument the desk shows (the chart's), "" when none
 * @param symbolTime that instrument's data clock (its latest event time), Long.MIN_VALUE before any of its data
 * @param synthetic  that data is past the end of its bundled recording: a looped copy (every other one mirrored in price)
 */
public record StatusSnapshot(FeedStatus feed, String connection, double decisionsPerSecond, long decisions, String mode,
                             String symbol, long symbolTime, boolean synthetic) {
}
