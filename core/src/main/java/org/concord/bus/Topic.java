package org.concord.bus;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed, named channel. {@code durable} topics must reach remote consumers even across a broker outage
 * (Redis Streams, buffered and resent); non-durable ones may drop messages under failure (pub/sub).
 * Each area of core declares its own topics next to its event types (e.g. {@code OrchestratorTopics}).
 */
public final class Topic<T> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z0-9-]+)*");

    private final String name;
    private final Class<T> type;
    private final boolean durable;

    private Topic(String name, Class<T> type, boolean durable) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("topic name must be dotted lower case, got '" + name + "'");
        }
        this.name = name;
        this.type = Objects.requireNonNull(type, "type");
        this.durable = durable;
    }

    public static <T> Topic<T> durable(String name, Class<T> type) {
        return new Topic<>(name, type, true);
    }

    public static <T> Topic<T> transientTopic(String name, Class<T> type) {
        return new Topic<>(name, type, false);
    }

    public String name() {
        return name;
    }

    public Class<T> type() {
        return type;
    }

    public boolean durable() {
        return durable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Topic<?> t && t.name.equals(name) && t.type.equals(type);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name + (durable ? " (durable)" : "");
    }
}
