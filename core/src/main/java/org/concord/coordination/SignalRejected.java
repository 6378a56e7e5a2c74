package org.concord.coordination;

import org.concord.model.Symbol;

/** A signal the coordinator refused to trade on, and why (NaN size, confidence outside [0, 1], ...). */
public record SignalRejected(long time, String sourceId, Symbol symbol, Bucket bucket, String reason) {
}
