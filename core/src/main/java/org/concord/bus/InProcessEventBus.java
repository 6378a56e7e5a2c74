package org.concord.bus;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Synchronous in-process delivery on the publisher's thread, in subscription order. A handler that throws is
 * logged and counted; the other handlers still receive the event.
 */
public final class InProcessEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);

    private final Map<String, List<Consumer<Object>>> handlers = new ConcurrentHashMap<>();
    private final AtomicLong handlerErrors = new AtomicLong();

    @Override
    public <T> void publish(Topic<T> topic, T event) {
        if (topic == null || event == null) {
            throw new IllegalArgumentException("topic and event are required");
        }
        if (!topic.type().isInstance(event)) {
            throw new IllegalArgumentException("event " + event.getClass().getName() + " is not a " + topic.type().getName() + " for " + topic);
        }
        List<Consumer<Object>> list = handlers.get(topic.name());
        if (list == null) {
            return;
        }
        for (Consumer<Object> h : list) {
            try {
                h.accept(event);
            } catch (RuntimeException e) {
                handlerErrors.incrementAndGet();
                LOG.error("handler on {} failed: {}", topic.name(), e.toString(), e);
            }
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Subscription subscribe(Topic<T> topic, Consumer<? super T> handler) {
        if (topic == null || handler == null) {
            throw new IllegalArgumentException("topic and handler are required");
        }
        Consumer<Object> h = e -> handler.accept((T) e);
        List<Consumer<Object>> list = handlers.computeIfAbsent(topic.name(), k -> new CopyOnWriteArrayList<>());
        list.add(h);
        return () -> list.remove(h);
    }

    public long handlerErrors() {
        return handlerErrors.get();
    }
}
