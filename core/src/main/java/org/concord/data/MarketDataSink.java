package org.concord.data;

import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * What feeds push into (the DataProvider implements it). Values arrive as primitives and are validated by the
 * sink, which rejects or repairs bad ones by its stated rules; {@code source} names the feed for the report.
 */
public interface MarketDataSink {
    void onTrade(Symbol symbol, long time, double price, double size, boolean buyerMaker, String source);

    /** A bar computed by the feed (exchange klines, bar files); {@code closed} false for a still-forming bar. */
    void onBar(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close,
               double volume, boolean closed, String source);

    void onBook(OrderBookSnapshot book, String source);

    /** The feed's clock moved to {@code time} for {@code symbol}: bars due by then close. */
    void onClock(Symbol symbol, long time);

    /** A feed restarts a symbol's timeline at {@code time} (replay start or backward seek). */
    void resetSession(Symbol symbol, long time);

    /** A feed continues a symbol's timeline after {@code time}, where an earlier run left off (a restart). */
    void resumeSession(Symbol symbol, long time);

    /** A malformed message the feed could not even parse. */
    void onMalformed(String source, String position, String detail);
}
