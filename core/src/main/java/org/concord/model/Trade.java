package org.concord.model;

/**
 * One executed trade. {@code buyerMaker} follows Binance: true when the buyer was the resting order, i.e.
 * the aggressor sold. Sources that do not report the side (Bitstamp CSV) infer it with the tick rule.
 */
public record Trade(Symbol symbol, long time, double price, double size, boolean buyerMaker, long id) {
    public Trade {
        if (symbol == null) {
            throw new IllegalArgumentException("trade symbol is null");
        }
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("trade price must be finite and > 0, got " + price);
        }
        if (!(size >= 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("trade size must be finite and >= 0, got " + size);
        }
    }

    /** +1 when the aggressor bought, -1 when it sold. */
    public int aggressorSign() {
        return buyerMaker ? -1 : 1;
    }

    public double notional() {
        return price * size;
    }
}
