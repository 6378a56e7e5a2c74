package org.concord.data;

import org.concord.model.OrderBookSnapshot;

/** Receives order-book snapshots. Called on the ingest thread. */
@FunctionalInterface
public interface BookListener {
    void onBook(OrderBookSnapshot book);
}
