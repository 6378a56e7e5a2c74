package org.concord.execution;

/**
 * The paper venue's matching rules for one order against one market event (a closed bar, or a trade seen as a
 * bar with open = high = low = close). Stated once here:
 * <ul>
 *   <li>MARKET: fills at the event's open plus slippage (taker).</li>
 *   <li>LIMIT buy at L: on its first event, an open at or below L is marketable: fills at the open plus slippage,
 *       never above L (taker). Later, or when the open is above L, it fills only when the price trades through
 *       (low &lt; L), at L, or at the open when a later event gaps below L (maker). Sells mirror this.</li>
 *   <li>STOP buy at S: triggers when high &gt;= S, then fills at max(open, S) plus slippage (taker); once
 *       triggered, a remainder fills at later opens. Sells mirror this.</li>
 * </ul>
 * The volume cap and the account's cash/position limits are applied by the broker, not here.
 */
final class PaperMatcher {
    double price;
    Liquidity liquidity;

    /** @return true when {@code w} trades on this event for {@code quantity}; {@link #price}/{@link #liquidity} say how */
    boolean match(WorkingOrder w, double o, double h, double l, double quantity, double volume, SlippageModel slippage) {
        OrderRequest r = w.request;
        OrderSide side = r.side();
        boolean buy = side == OrderSide.BUY;
        boolean first = !w.seenMarket;
        switch (r.type()) {
            case MARKET -> {
                price = slippage.apply(side, o, quantity, volume);
                liquidity = Liquidity.TAKER;
                return true;
            }
            case LIMIT -> {
                double lim = r.limitPrice();
                if (first && (buy ? o <= lim : o >= lim)) {
                    double p = slippage.apply(side, o, quantity, volume);
                    price = buy ? Math.min(lim, p) : Math.max(lim, p);
                    liquidity = Liquidity.TAKER;
                    return true;
                }
                if (buy ? l < lim : h > lim) {
                    price = buy ? Math.min(o, lim) : Math.max(o, lim);
                    liquidity = Liquidity.MAKER;
                    return true;
                }
                return false;
            }
            case STOP -> {
                double ref;
                if (w.triggered) {
                    ref = o;
                } else if (buy ? h >= r.stopPrice() : l <= r.stopPrice()) {
                    w.triggered = true;
                    ref = buy ? Math.max(o, r.stopPrice()) : Math.min(o, r.stopPrice());
                } else {
                    return false;
                }
                price = slippage.apply(side, ref, quantity, volume);
                liquidity = Liquidity.TAKER;
                return true;
            }
            default -> throw new IllegalStateException("unknown order type " + r.type());
        }
    }
}
