package org.concord.bus;


import java.util.function.Consumer;

/**
 * The one way the orchestrator, the coordination layer, training and the UI talk to each other. The default
 * is {@link InProcessEventBus}; a Redis-backed implementation lets several processes share the same topics.
 *
 * <p>Handlers must not block: a handler that needs to do real work hands it to its own thread (the UI to the
 * FX thread, the orchestrator to its decision thread).
 */
public interface EventBus extends AutoCloseable {
    /** Publishes {@code event} on {@code topic}. Never blocks on a slow subscriber or a broker outage. */
    <T> void publish(Topic<T> topic, T event);

    /** Subscribes {@code handler} to {@code topic}; the returned handle unsubscribes. */
    <T> Subscription subscribe(Topic<T> topic, Consumer<? super T> handler);

    @Override
    default void close() {
    }
}
