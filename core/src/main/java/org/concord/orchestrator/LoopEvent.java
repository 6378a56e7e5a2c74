package org.concord.orchestrator;

import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.concurrent.CountDownLatch;

/**
 * One input to the decision thread (a bar close, trade, book, a symbol's session restart, or a control marker): a mutable slot of the decision
 * ring, written in place by the feed thread that claimed it and read by the decision thread, never allocated per
 * event. Set by exactly one of the {@code set*} methods; {@link #clear} drops its references once processed.
 */
final class LoopEvent {
    static final byte BAR = 1;
    static final byte TRADE = 2;
    static final byte BOOK = 3;
    static final byte WAKE = 4;
    static final byte BARRIER = 5;
    static final byte SESSION_RESET = 6;

    byte kind;
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

    void setBar(Symbol s, Timeframe frame, long openTime, double o, double h, double l, double c, double v) {
        kind = BAR;
        symbol = s;
        tf = frame;
        time = openTime;
        open = o;
        high = h;
        low = l;
        close = c;
        volume = v;
    }

    void setTrade(Symbol s, long at, double price, double size, boolean maker) {
        kind = TRADE;
        symbol = s;
        time = at;
        close = price;
        volume = size;
        buyerMaker = maker;
    }

    void setBook(OrderBookSnapshot b) {
        kind = BOOK;
        symbol = b.symbol();
        time = b.time();
        book = b;
    }

    void setSessionReset(Symbol s, long at) {
        kind = SESSION_RESET;
        symbol = s;
        time = at;
    }

    void setBarrier(CountDownLatch l) {
        kind = BARRIER;
        latch = l;
    }

    void setWake() {
        kind = WAKE;
    }

    /** Drops what the slot refers to (a book, a latch), so a processed slot keeps nothing alive. */
    void clear() {
        book = null;
        latch = null;
    }
}
