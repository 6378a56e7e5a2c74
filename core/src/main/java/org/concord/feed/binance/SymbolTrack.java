package org.concord.feed.binance;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.Arrays;

/**
 * What the feed remembers of one symbol's streams to order them: the open time of the last closed kline it
 * delivered per interval, the last aggregate-trade id and time, the last book update id and the latest exchange
 * event time. Owned by the feed's worker thread (written before start by {@code resumeAfter}).
 */
final class SymbolTrack {
    static final long NONE = Long.MIN_VALUE;

    final Symbol symbol;
    private final long[] lastClosed = new long[Timeframe.values().length];
    private final boolean[] subscribed = new boolean[Timeframe.values().length];
    long lastAggId = NONE;
    long lastTradeTime = NONE;
    long lastBookId = NONE;
    long lastEventTime = NONE;

    SymbolTrack(Symbol symbol) {
        this.symbol = symbol;
        Arrays.fill(lastClosed, NONE);
    }

    void subscribe(Timeframe tf) {
        subscribed[tf.ordinal()] = true;
    }

    boolean subscribed(Timeframe tf) {
        return subscribed[tf.ordinal()];
    }

    long lastClosed(Timeframe tf) {
        return lastClosed[tf.ordinal()];
    }

    void lastClosed(Timeframe tf, long openTime) {
        lastClosed[tf.ordinal()] = openTime;
    }

    void sawEvent(long eventTime) {
        if (eventTime > lastEventTime) {
            lastEventTime = eventTime;
        }
    }
}
