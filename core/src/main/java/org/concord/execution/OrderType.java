package org.concord.execution;

/**
 * MARKET fills at the next price the venue sees; LIMIT at its limit or better; STOP is a stop-market order that
 * becomes a market order once the price trades through its stop price.
 */
public enum OrderType {
    MARKET, LIMIT, STOP
}
