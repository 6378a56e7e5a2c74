package org.concord.data;

import org.concord.model.Symbol;

/** Receives accepted trades (primitive arguments: no allocation per trade). Called on the ingest thread. */
@FunctionalInterface
public interface TradeListener {
    void onTrade(Symbol symbol, long time, double price, double size, boolean buyerMaker);
}
