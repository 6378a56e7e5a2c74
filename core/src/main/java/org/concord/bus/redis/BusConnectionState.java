package org.concord.bus.redis;

/** What the status bar shows about the bus link to Redis. */
public enum BusConnectionState {
    /** Redis reachable and nothing held back: local and remote delivery both work. */
    CONNECTED,
    /**
     * Redis unreachable: local subscribers still get every event directly, durable messages are held in the
     * outbox (memory, then spill file), transient ones are dropped; reconnect attempts run with backoff.
     */
    DEGRADED,
    /** Redis reachable again and the messages held during the outage are being resent, in order. */
    RECONNECTING
}
