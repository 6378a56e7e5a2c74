package org.concord.data;

import org.concord.bus.Subscription;
import org.concord.model.Symbol;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who hears a {@link DataProvider}'s events, and how they reach them: ingest queues each symbol's events in its
 * {@link SymbolEvents} under the symbol's lock; {@link #deliver} hands them out after the lock is released, in ingest
 * order, and in subscription order per event (the trading pipeline subscribes before the orchestrator, so a bar's
 * close reaches the brokers before the decision made on it).
 */
final class Listeners {
    final List<BarListener> closes = new CopyOnWriteArrayList<>();
    final List<BarListener> updates = new CopyOnWriteArrayList<>();
    final List<TradeListener> trades = new CopyOnWriteArrayList<>();
    final List<BookListener> books = new CopyOnWriteArrayList<>();

    static <T> Subscription add(List<T> list, T l) {
        if (l == null) {
            throw new IllegalArgumentException("listener is null");
        }
        list.add(l);
        return () -> list.remove(l);
    }

    /**
     * Hands {@code st}'s queued events to the listeners, outside the symbol's lock, in ingest order; when another
     * thread is already delivering this symbol's events it delivers these too (they are queued behind), so this one
     * returns at once. A listener that throws stops this delivery (the exception reaches the ingest call, as before);
     * the events behind it stay queued for the next one.
     */
    void deliver(SymbolState st) {
        SymbolEvents box = st.events;
        synchronized (st) {
            if (box.delivering || box.isEmpty()) {
                return;
            }
            box.delivering = true;
        }
        boolean drained = false;
        try {
            SymbolEvents.Event e = box.scratch;
            while (true) {
                synchronized (st) {
                    if (!box.take()) {
                        box.delivering = false;
                        drained = true;
                        return;
                    }
                }
                dispatch(st.symbol, e);
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
                for (TradeListener l : trades) {
                    l.onTrade(s, e.time, e.close, e.volume, e.buyerMaker);
                }
            }
            case SymbolEvents.UPDATE -> {
                for (BarListener l : updates) {
                    l.onBarUpdate(s, e.tf, e.time, e.open, e.high, e.low, e.close, e.volume);
                }
            }
            case SymbolEvents.CLOSE -> {
                for (BarListener l : closes) {
                    l.onBarClose(s, e.tf, e.time, e.open, e.high, e.low, e.close, e.volume);
                }
            }
            case SymbolEvents.BOOK -> {
                for (BookListener l : books) {
                    l.onBook(e.book);
                }
            }
            default -> throw new IllegalStateException("unknown symbol event kind " + e.kind);
        }
    }
}
