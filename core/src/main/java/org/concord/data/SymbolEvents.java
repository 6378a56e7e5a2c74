package org.concord.data;

import org.concord.model.OrderBookSnapshot;
import org.concord.model.Timeframe;

/**
 * One symbol's events waiting for the DataProvider's listeners, in the order ingest made them. Ingest appends under
 * the symbol's lock; {@link DataProvider} delivers them after releasing it, one thread at a time per symbol (the
 * {@link #delivering} flag, also guarded by the symbol's lock), so a listener never runs under the lock (it may
 * query the DataProvider, or wait for room in a queue, without stalling the symbol's readers) and a symbol's events
 * still reach every listener in ingest order. A ring of mutable slots that grows when full: nothing is allocated per
 * event once it has grown to the feed's burst (a trade closing bars in every timeframe is about ten events).
 */
final class SymbolEvents {
    static final int TRADE = 0;
    static final int UPDATE = 1;
    static final int CLOSE = 2;
    static final int BOOK = 3;
    static final int RESET = 4;

    /** One event, copied out of the ring by the delivering thread (only it reads or writes its scratch copy). */
    static final class Event {
        int kind;
        Timeframe tf;
        long time;
        double open;
        double high;
        double low;
        double close;
        double volume;
        boolean buyerMaker;
        OrderBookSnapshot book;
    }

    private Event[] ring = newRing(16);
    private int head;
    private int size;
    /** True while a thread delivers this symbol's events; guarded by the symbol's lock. */
    boolean delivering;
    /** The delivering thread's copy of the event it is handing out. */
    final Event scratch = new Event();

    private static Event[] newRing(int n) {
        Event[] r = new Event[n];
        for (int i = 0; i < n; i++) {
            r[i] = new Event();
        }
        return r;
    }

    void trade(long time, double price, double quantity, boolean buyerMaker) {
        Event e = slot();
        e.kind = TRADE;
        e.tf = null;
        e.time = time;
        e.close = price;
        e.volume = quantity;
        e.buyerMaker = buyerMaker;
        e.book = null;
    }

    void bar(int kind, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
        Event e = slot();
        e.kind = kind;
        e.tf = tf;
        e.time = openTime;
        e.open = o;
        e.high = h;
        e.low = l;
        e.close = c;
        e.volume = v;
        e.book = null;
    }

    /** The symbol's session restarted at {@code time}: bars from there on replace what the listeners had. */
    void reset(long time) {
        Event e = slot();
        e.kind = RESET;
        e.tf = null;
        e.time = time;
        e.book = null;
    }

    void book(OrderBookSnapshot b) {
        Event e = slot();
        e.kind = BOOK;
        e.tf = null;
        e.time = b.time();
        e.book = b;
    }

    /** Moves the oldest event into {@link #scratch}; false when there is none. */
    boolean take() {
        if (size == 0) {
            return false;
        }
        Event e = ring[head];
        Event s = scratch;
        s.kind = e.kind;
        s.tf = e.tf;
        s.time = e.time;
        s.open = e.open;
        s.high = e.high;
        s.low = e.low;
        s.close = e.close;
        s.volume = e.volume;
        s.buyerMaker = e.buyerMaker;
        s.book = e.book;
        e.book = null; // the ring keeps no snapshot alive
        head = (head + 1) & (ring.length - 1);
        size--;
        return true;
    }

    private Event slot() {
        if (size == ring.length) {
            Event[] bigger = new Event[ring.length * 2];
            for (int i = 0; i < size; i++) {
                bigger[i] = ring[(head + i) & (ring.length - 1)];
            }
            for (int i = size; i < bigger.length; i++) {
                bigger[i] = new Event();
            }
            ring = bigger;
            head = 0;
        }
        Event e = ring[(head + size) & (ring.length - 1)];
        size++;
        return e;
    }
}
