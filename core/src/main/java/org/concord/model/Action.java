package org.concord.model;

/** What a source recommends or the orchestrator decides. */
public enum Action {
    BUY, SELL, HOLD;

    /** +1 for BUY, -1 for SELL, 0 for HOLD. */
    public int sign() {
        return this == BUY ? 1 : this == SELL ? -1 : 0;
    }

    public Action opposite() {
        return this == BUY ? SELL : this == SELL ? BUY : HOLD;
    }
}
