package org.concord.engine;

import org.concord.model.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a restarted paper session on the timeline it was restarted for. The desk restarts the session before a
 * replay seeks back, while the feeds and the orchestrator still hand over the old timeline's last bars and decisions:
 * those must not reach the fresh accounts, or their curves would run backwards at the seek and an instrument's
 * marks and fills would come from a market that has gone back. A seek moves every instrument of the bundled market
 * (one clock), so after {@link #expect} each named symbol's bars are skipped until one opens at or before that
 * symbol's own point (where its data went back to: the tape's instant, or the open of the next bar a bar replay
 * delivers); and any decision later than the newest bar of its symbol that the pipeline handled is skipped as the
 * old timeline's (a bar reaches the pipeline before the decision made on it). The pipeline's thread only; each skip
 * is counted, and logged once per symbol and rewind.
 */
final class Rewind {
    private static final Logger LOG = LoggerFactory.getLogger(Rewind.class);

    private final Map<Symbol, long[]> newestClose = new HashMap<>();
    private final Map<Symbol, Long> awaited = new HashMap<>(); // symbol → where its data went back to
    private final Map<Symbol, long[]> skipped = new HashMap<>(); // symbol → {bars, decisions}

    /** The session was restarted for the data of each symbol of {@code to} going back to its time (epoch ms). */
    void expect(Map<Symbol, Long> to) {
        awaited.clear();
        skipped.clear();
        awaited.putAll(to);
        to.keySet().forEach(s -> skipped.put(s, new long[2]));
    }

    /** Whether the bar is the old timeline's (skip it); else it is recorded as its symbol's newest. */
    boolean skipsBar(Symbol s, long openTime, long closeTime) {
        Long to = awaited.get(s);
        if (to != null) {
            long[] n = skipped.get(s);
            if (openTime > to) {
                n[0]++;
                return true;
            }
            LOG.info("{} went back to {}: the restarted paper session goes on from there ({} bars and {} decisions of the old timeline skipped)",
                    s, Instant.ofEpochMilli(openTime), n[0], n[1]);
            awaited.remove(s);
        }
        newestClose.computeIfAbsent(s, k -> new long[]{Long.MIN_VALUE})[0] = closeTime;
        return false;
    }

    /** Whether a decision at {@code time} on {@code s} belongs to a timeline the data has left, or is leaving (skip it). */
    boolean skipsDecision(Symbol s, long time) {
        long[] newest = newestClose.get(s);
        if (awaited.containsKey(s) || newest != null && time > newest[0]) {
            long[] n = skipped.get(s);
            if (n != null) {
                n[1]++;
            }
            return true;
        }
        return false;
    }
}
