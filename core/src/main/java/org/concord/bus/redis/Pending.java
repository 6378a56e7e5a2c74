package org.concord.bus.redis;

/** A durable message accepted by publish() and not yet acknowledged by Redis: its stream key and envelope. */
record Pending(String key, String json) {
}
