package org.concord.risk;

import org.concord.model.Symbol;

/**
 * One change of position a plan asks for: {@code quantity} (signed, base units) of {@code symbol} for
 * {@code book}. Numbers are NOT validated on construction: plans are built from untrusted model output and the
 * risk check is where a NaN or infinite quantity is rejected, with a reason, without stopping the rest of the plan.
 *
 * @param id             unique within the plan, becomes the client order id stem
 * @param referencePrice the price the planner sized with (informational: the check uses the market's price)
 * @param reason         why it is wanted, for reports
 */
public record PlannedOrder(String id, String book, Symbol symbol, double quantity, double referencePrice, String reason) {
    public PlannedOrder {
        if (id == null || id.isBlank() || book == null || book.isBlank() || symbol == null) {
            throw new IllegalArgumentException("planned order id, book and symbol are required");
        }
        reason = reason == null ? "" : reason;
    }

    public PlannedOrder withQuantity(double q) {
        return new PlannedOrder(id, book, symbol, q, referencePrice, reason);
    }
}
