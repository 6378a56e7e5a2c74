package org.concord.feed;

/** Lifecycle of a market feed, shown in the status bar. */
public enum FeedState {
    IDLE, CONNECTING, RUNNING, PAUSED, RECONNECTING, FINISHED, STOPPED, FAILED
}
