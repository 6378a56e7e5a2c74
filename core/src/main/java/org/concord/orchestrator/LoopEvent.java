package org.concord.orchestrator;

import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.concurrent.CountDownLatch;

/** One input to the decision thread (a bar close, trade, book, or a control marker). */
final class LoopEvent {
    static final byte BAR = 1;
    static final byte TRADE = 2;
    static final byte BOOK = 3;
    static final byte WAKE = 4;
    static final byte BARRIER = 5;

    final byte kind;
    Symbol symbol;
    Timeframe tf;
    long time;
    double open;
    double high;
    double low;
    double close;
    double volume;
    boolean buyerMaker;
    OrderBookSnapshot book;
    CountDownLatch latch;

    LoopEvent(byte kind) {
        this.kind = kind;
    }

    static LoopEvent bar(Symbol s, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
        LoopEvent e = new LoopEvent(BAR);
        e.symbol = s;
        e.tf = tf;
        e.time = openTime;
        e.open = o;
        e.high = h;
        e.low = l;
        e.close = c;
        e.volume = v;
        return e;
    }

    static LoopEvent trade(Symbol s, long time, double price, double size, boolean buyerMaker) {
        LoopEvent e = new LoopEvent(TRADE);
        e.symbol = s;
        e.time = time;
        e.close = price;
        e.volume = size;
        e.buyerMaker = buyerMaker;
        return e;
    }

    static LoopEvent book(OrderBookSnapshot b) {
        LoopEvent e = new LoopEvent(BOOK);
        e.symbol = b.symbol();
        e.time = b.time();
        e.book = b;
        return e;
    }

    static LoopEvent barrier(CountDownLatch latch) {
        LoopEvent e = new LoopEvent(BARRIER);
        e.latch = latch;
        return e;
    }
}
