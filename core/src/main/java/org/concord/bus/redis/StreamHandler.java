package org.concord.bus.redis;

/** Receives replayed stream entries with their Redis stream id, so the caller can store it and resume after it. */
@FunctionalInterface
public interface StreamHandler<T> {
    void onEvent(String streamId, T event);
}
