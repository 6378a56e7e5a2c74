package org.concord.feed;

/** A source of trades/bars/books that pushes into a {@link org.concord.data.MarketDataSink}. */
public interface MarketFeed extends AutoCloseable {
    String name();

    FeedState state();

    /** Starts delivering on the feed's own thread(s); returns at once. */
    void start();

    /** Stops delivering and releases threads/connections; idempotent. */
    void stop();

    @Override
    default void close() {
        stop();
    }
}
