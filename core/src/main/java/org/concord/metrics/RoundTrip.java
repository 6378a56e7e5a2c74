package org.concord.metrics;

import org.concord.model.Symbol;

/**
 * One closed trade: a position opened from flat and brought back to flat (or flipped).
 *
 * @param direction  +1 long, -1 short
 * @param quantity   the largest size held
 * @param entryPrice volume-weighted price of the fills that opened or added
 * @param exitPrice  volume-weighted price of the fills that reduced or closed
 * @param pnl        profit after fees
 * @param returnPct  pnl over the entry notional (entryPrice * quantity)
 * @param entryQuantity total quantity of the fills that opened or added (= that of the fills that reduced or closed:
 *                      a trade that scaled in and out has {@code entryQuantity > quantity}); so
 *                      {@code pnl = direction * entryQuantity * (exitPrice - entryPrice) - fees}
 */
public record RoundTrip(Symbol symbol, int direction, long entryTime, long exitTime, double quantity, double entryPrice,
                        double exitPrice, double pnl, double fees, double returnPct, double entryQuantity) {
}
