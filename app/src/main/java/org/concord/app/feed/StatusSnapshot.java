package org.concord.app.feed;

/** The status bar's content (immutable). */
public record StatusSnapshot(FeedStatus feed, String connection, double decisionsPerSecond, long decisions, String mode) {
}
