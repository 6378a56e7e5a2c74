package org.concord.coordination;

import org.concord.model.Symbol;

/**
 * The outcome of a bucket's position a source opened, once it is closed (flat or flipped).
 *
 * @param realizedReturn  profit after fees over the entry notional
 * @param predictedReturn what the opening signal expected, or null
 * @param pnl             profit after fees in the quote currency
 */
public record TradeFeedback(String sourceId, Symbol symbol, Bucket bucket, long entryTime, long exitTime,
                            double realizedReturn, Double predictedReturn, double pnl) {
}
