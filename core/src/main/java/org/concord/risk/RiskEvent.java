package org.concord.risk;

import org.concord.model.Symbol;

/**
 * One thing the risk manager did: clipped or rejected an item or order, let a manual order through under an
 * override, halted or cut exposure. Serializable with Jackson; published on {@link RiskTopics#EVENTS}.
 *
 * @param ref       the plan item id or client order id it concerns
 * @param requested the signed quantity asked for (may be NaN for invalid input)
 * @param allowed   the signed quantity let through (0 when rejected)
 * @param value     the exposure (fraction of equity) the request would have reached, or the drawdown
 * @param limit     the limit it was held to
 */
public record RiskEvent(long time, Kind kind, RiskRule rule, String ref, String book, Symbol symbol, double requested, double allowed,
                        double value, double limit, String message) {
    public enum Kind { CLIPPED, REJECTED, OVERRIDDEN, DELEVERAGED }
}
