package org.concord.execution;

/**
 * An asset balance: {@code locked} is held by working orders (cash for buys, the base asset for sells).
 */
public record Balance(String asset, double total, double locked) {
    public double free() {
        return total - locked;
    }
}
