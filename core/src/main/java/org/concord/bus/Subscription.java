package org.concord.bus;

/** Handle returned by a subscribe call; closing it stops delivery. Idempotent. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
