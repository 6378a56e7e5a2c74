package org.concord.execution;

/** Whether a fill added liquidity (a resting limit order: maker fee) or took it (taker fee). */
public enum Liquidity {
    MAKER, TAKER
}
