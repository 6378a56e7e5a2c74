package org.concord.feed.binance;

import org.concord.data.MarketDataSink;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/** A sink that ignores everything (for tests of the REST side alone). */
final class NullSink implements MarketDataSink {
    @Override
    public void onTrade(Symbol symbol, long time, double price, double size, boolean buyerMaker, String source) {
    }

    @Override
    public void onBar(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume,
                      boolean closed, String source) {
    }

    @Override
    public void onBook(OrderBookSnapshot book, String source) {
    }

    @Override
    public void onClock(Symbol symbol, long time) {
    }

    @Override
    public void resetSession(Symbol symbol, long time) {
    }

    @Override
    public void resumeSession(Symbol symbol, long time) {
    }

    @Override
    public void onMalformed(String source, String position, String detail) {
    }
}
