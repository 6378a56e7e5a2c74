package org.concord.engine;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.Map;

/**
 * Which bars and decisions reach the pipeline's accounts. On the feed and decision threads, before the hand-over: a
 * bar of a timeframe the accounts mark and fill by (the decision timeframe; on a desk {@link FillTimeframes}), and
 * nothing before {@link #tradeFrom} (a walk-forward test window). On the pipeline's thread: after a paper session's
 * restart, nothing of the old timeline ({@link Rewind}; a backtest's data never goes back, so it has none).
 */
final class EventGate {
    private final Timeframe tf;
    private final FillTimeframes fillTimeframes; // null: a backtest trades the decision timeframe's bars only
    private final Rewind rewind; // null: a backtest
    private volatile long tradeFrom = Long.MIN_VALUE;

    private EventGate(Timeframe tf, boolean desk) {
        this.tf = tf;
        this.fillTimeframes = desk ? new FillTimeframes(tf) : null;
        this.rewind = desk ? new Rewind() : null;
    }

    static EventGate desk(Timeframe tf) {
        return new EventGate(tf, true);
    }

    static EventGate backtest(Timeframe tf) {
        return new EventGate(tf, false);
    }

    void tradeFrom(long time) {
        this.tradeFrom = time;
    }

    /** Feed thread: whether the close of {@code s} at {@code t} is handed to the pipeline. */
    boolean takesBar(Symbol s, Timeframe t, long openTime) {
        if (fillTimeframes == null ? t != tf : !fillTimeframes.fills(s, t)) {
            return false;
        }
        return t.closeTime(openTime) > tradeFrom;
    }

    /** Decision thread: whether a decision at {@code time} is handed to the pipeline. */
    boolean takesDecision(long time) {
        return time > tradeFrom;
    }

    /** Pipeline thread: the bar is the old timeline's after a restart (skip it). */
    boolean skipsBar(Symbol s, long openTime, long closeTime) {
        return rewind != null && rewind.skipsBar(s, openTime, closeTime);
    }

    /** Pipeline thread: the decision is the old timeline's after a restart (skip it). */
    boolean skipsDecision(Symbol s, long time) {
        return rewind != null && rewind.skipsDecision(s, time);
    }

    /** Pipeline thread: the paper session restarted for each symbol's data going back to its time in {@code to}. */
    void restarted(Map<Symbol, Long> to) {
        rewind.expect(to);
    }
}
