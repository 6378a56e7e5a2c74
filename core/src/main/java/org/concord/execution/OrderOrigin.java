package org.concord.execution;

/**
 * Who asked for an order. STRATEGY and MANUAL orders pass the same pre-trade risk check; only a MANUAL order
 * may carry an explicit risk override. BRACKET orders are the stop-loss / take-profit children a venue creates
 * for a filled parent; RISK orders are the risk manager's own deleveraging.
 */
public enum OrderOrigin {
    STRATEGY, MANUAL, BRACKET, RISK
}
