package org.concord.app.portfolio;

/**
 * One conflict resolution as the tab lists it (texts made by the presenter from core's {@link
 * org.concord.coordination.ConflictEvent}): when, on what, who bought and who sold (buckets and their sources), the
 * policy and what it decided.
 */
public record ConflictRow(String time, String symbol, String buySide, String sellSide, String policy, String resolution) {
}
