package org.concord.data;

import org.concord.model.Symbol;

/**
 * Who hears a {@link DataProvider}'s events, and how they reach them: ingest queues each symbol's events in its
 * {@link SymbolEvents} under the symbol's lock; {@link #deliver} hands them out after the lock is released, in ingest
 * order, and in subscription order per event (the trading pipeline subscribes before the orchestrator, so a bar's
 * close reaches the brokers before the decision made on it).
 */
final class Listeners {
    final ListenerSet<BarListener> closes = new ListenerSet<>(new BarListener[0]);
    final ListenerSet<BarListener> updates = new ListenerSet<>(new BarListener[0]);
    final ListenerSet<TradeListener> trades = new ListenerSet<>(new TradeListener[0]);
    final ListenerSet<BookListener> books = new ListenerSet<>(new BookListener[0]);

    /**
     * Hands {@code st}'s queued events to the listeners, outside the symbol's lock, in ingest order; when another
     * thread is already delivering this symbol's events it delivers these too (they are queued behind), so this one
     * returns at once. A listener that throws stops this delivery (the exception reaches the ingest call, as before);
     * the events behind it stay queued for the next one.
     */
    void deliver(SymbolState st) {
        SymbolEvents box = st.events;
        synchronized (st) {
            if (box.delivering || !box.take()) {
                return;
            }
            box.delivering = true; // the first event is taken with the claim: one lock round trip fewer per event
        }
        boolean drained = false;
        try {
            SymbolEvents.Event e = box.scratch;
            while (true) {
                dispatch(st.symbol, e);
                synchronized (st) {
                    if (!box.take()) {
                        box.delivering = false;
                        drained = true;
                        return;
                    }
                }
            }
        } finally {
            if (!drained) {
                synchronized (st) {
                    box.delivering = false;
                }
            }
        }
    }

    private void dispatch(Symbol s, SymbolEvents.Event e) {
        switch (e.kind) {
            case SymbolEvents.TRADE -> {
                for (TradeListener l : trades.items()) {
                    l.onTrade(s, e.time, e.close, e.volume, e.buyerMaker);
                }
            }
            case SymbolEvents.UPDATE -> {
                for (BarListener l : updates.items()) {
                    l.onBarUpdate(s, e.tf, e.time, e.open, e.high, e.low, e.close, e.volume);
                }
            }
            case SymbolEvents.CLOSE -> {
                for (BarListener l : closes.items()) {
                    l.onBarClose(s, e.tf, e.time, e.open, e.high, e.low, e.close, e.volume);
                }
            }
            case SymbolEvents.RESET -> {
                for (BarListener l : closes.items()) {
                    l.onSessionReset(s, e.time);
                }
            }
            case SymbolEvents.BOOK -> {
                for (BookListener l : books.items()) {
                    l.onBook(e.book);
                }
            }
            default -> throw new IllegalStateException("unknown symbol event kind " + e.kind);
        }
    }
}
