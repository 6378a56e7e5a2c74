package org.concord.modules.microstructure;

import org.concord.model.OrderBookSnapshot;

/**
 * Order-book (COB) measures of one snapshot.
 * <ul>
 *   <li>imbalance at depth d: {@code (Σbid - Σask) / (Σbid + Σask)} over the best d levels (0 for an empty book);</li>
 *   <li>spread in basis points of the mid: {@code (ask - bid) / mid × 10⁴};</li>
 *   <li>pressure: the imbalance with level i (0-based) weighted {@code 1 / (i + 1)}, over {@code depth} levels, so
 *       size near the touch counts more.</li>
 * </ul>
 */
public final class BookFeatures {
    private BookFeatures() {
    }

    public static double imbalance(OrderBookSnapshot b, int depth) {
        return b.imbalance(depth);
    }

    public static double spreadBps(OrderBookSnapshot b) {
        if (b.bidDepth() == 0 || b.askDepth() == 0) {
            return 0.0;
        }
        return b.spread() / b.mid() * 1e4;
    }

    public static double pressure(OrderBookSnapshot b, int depth) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < depth; i++) {
            double w = 1.0 / (i + 1);
            double bid = i < b.bidDepth() ? b.bidSize(i) : 0;
            double ask = i < b.askDepth() ? b.askSize(i) : 0;
            num += w * (bid - ask);
            den += w * (bid + ask);
        }
        return den == 0 ? 0.0 : num / den;
    }
}
