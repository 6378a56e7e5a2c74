package org.concord.engine;

import org.concord.model.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a restarted paper session on the timeline it was restarted for. The desk restarts the session before a
 * replay seeks back, while the feed and the orchestrator still hand over the old timeline's last bars and decisions:
 * those must not reach the fresh accounts, or their curves would run backwards at the seek. So, after
 * {@link #expect}, the seeked symbol's bars are skipped until one opens at or before the seek's time; and any
 * decision later than the newest bar of its symbol that the pipeline handled is skipped as the old timeline's (a
 * bar reaches the pipeline before the decision made on it). The pipeline's thread only; each skip is counted and
 * logged once per rewind.
 */
final class Rewind {
    private static final Logger LOG = LoggerFactory.getLogger(Rewind.class);

    private final Map<Symbol, long[]> newestClose = new HashMap<>();
    private Symbol symbol; // null: no seek awaited
    private long to;
    private long skippedBars;
    private long skippedDecisions;

    /** The session was restarted for {@code symbol}'s data going back to {@code to} (epoch ms). */
    void expect(Symbol symbol, long to) {
        this.symbol = symbol;
        this.to = to;
        skippedBars = 0;
        skippedDecisions = 0;
    }

    /** Whether the bar is the old timeline's (skip it); else it is recorded as its symbol's newest. */
    boolean skipsBar(Symbol s, long openTime, long closeTime) {
        if (s.equals(symbol)) {
            if (openTime > to) {
                skippedBars++;
                return true;
            }
            LOG.info("{} went back to {}: the restarted paper session goes on from there ({} bars and {} decisions of the old timeline skipped)",
                    s, openTime, skippedBars, skippedDecisions);
            symbol = null;
        }
        newestClose.computeIfAbsent(s, k -> new long[]{Long.MIN_VALUE})[0] = closeTime;
        return false;
    }

    /** Whether a decision at {@code time} on {@code s} belongs to a timeline the data has left, or is leaving (skip it). */
    boolean skipsDecision(Symbol s, long time) {
        long[] newest = newestClose.get(s);
        if (s.equals(symbol) || newest != null && time > newest[0]) {
            skippedDecisions++;
            return true;
        }
        return false;
    }
}
