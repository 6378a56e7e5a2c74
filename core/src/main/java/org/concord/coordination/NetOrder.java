package org.concord.coordination;

import org.concord.model.Symbol;

/**
 * The market order one symbol needs after the books' changes were netted and crossed: {@code quantity} signed,
 * {@code composition} the signed quantity each bucket (bucket order) gets of it. What the composition does not
 * cover belongs to no bucket (a risk cut of a position no bucket holds).
 * The priority keys are those of its most urgent item: shorter timeframe first, then stronger signal, then
 * shorter holding period.
 */
public record NetOrder(Symbol symbol, double quantity, double[] composition, int timeframeRank, double strength, int holdingBars) {
    public NetOrder {
        if (symbol == null || composition == null || composition.length != Bucket.COUNT) {
            throw new IllegalArgumentException("net order needs a symbol and one share per bucket");
        }
        if (!Double.isFinite(quantity) || quantity == 0) {
            throw new IllegalArgumentException("net order quantity must be finite and non-zero, got " + quantity);
        }
        composition = composition.clone();
    }

    /** Orders by urgency: timeframe rank, then strength (descending), then holding period. */
    public static int compareUrgency(int tfA, double strengthA, int holdA, int tfB, double strengthB, int holdB) {
        if (tfA != tfB) {
            return Integer.compare(tfA, tfB);
        }
        if (strengthA != strengthB) {
            return Double.compare(strengthB, strengthA);
        }
        return Integer.compare(holdA, holdB);
    }
}
