package org.concord.coordination;

/**
 * What one source (a strategy module or model, by its id) has brought to the coordinated account so far.
 *
 * @param bucket      the bucket its latest signal went to (its own holding period)
 * @param signals     its directional (BUY/SELL) signals that reached coordination
 * @param trades      closed bucket trades it led (the lead source of a book is the strongest voice when it opened)
 * @param wins        of those, the ones that made money after fees
 * @param realizedPnl profit after fees of those trades, quote currency
 * @param weight      the learner's weight for it in the current regime
 */
public record SourceContribution(String sourceId, Bucket bucket, long signals, long trades, long wins, double realizedPnl, double weight) {
}
