package org.concord.bus.redis;

import org.concord.bus.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Folds the health of the bus's Redis connections (sender, stream reader, pub/sub reader) and the outbox
 * backlog into one {@link BusConnectionState}, and tells listeners when it changes (on the thread that
 * noticed the change: a listener hands work to its own thread, like any bus handler).
 */
final class LinkHealth {
    enum Link { SENDER, READER, PUBSUB }

    private static final Logger LOG = LoggerFactory.getLogger(LinkHealth.class);

    private final Set<Link> down = EnumSet.noneOf(Link.class);
    private final List<Consumer<BusConnectionState>> listeners = new CopyOnWriteArrayList<>();
    private final LongSupplier backlog;
    private final String name;
    private boolean recovering;
    private volatile BusConnectionState state;

    LinkHealth(String name, LongSupplier backlog) {
        this.name = name;
        this.backlog = backlog;
        // Nothing is known to work until the sender's first successful round trip.
        down.add(Link.SENDER);
        state = BusConnectionState.DEGRADED;
    }

    BusConnectionState state() {
        return state;
    }

    Subscription onChange(Consumer<BusConnectionState> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void up(Link link) {
        update(link, false, null);
    }

    void down(Link link, Throwable cause) {
        update(link, true, cause);
    }

    /** Re-evaluates the backlog part of the state (the sender calls it after each batch). */
    void refresh() {
        update(null, false, null);
    }

    private void update(Link link, boolean isDown, Throwable cause) {
        BusConnectionState before;
        BusConnectionState after;
        synchronized (this) {
            before = state;
            if (link != null) {
                if (isDown) {
                    down.add(link);
                    recovering = true;
                } else {
                    down.remove(link);
                }
            }
            if (!down.isEmpty()) {
                after = BusConnectionState.DEGRADED;
            } else if (recovering && backlog.getAsLong() > 0) {
                after = BusConnectionState.RECONNECTING;
            } else {
                recovering = false;
                after = BusConnectionState.CONNECTED;
            }
            state = after;
        }
        if (after != before) {
            if (after == BusConnectionState.DEGRADED) {
                LOG.warn("bus {}: Redis unreachable ({}) -> DEGRADED: local delivery only, durable messages held in the outbox",
                        name, cause == null ? "not connected yet" : link + ": " + Envelope.oneLine(cause.toString()));
            } else {
                LOG.info("bus {}: {} -> {} (outbox {})", name, before, after, backlog.getAsLong());
            }
            for (Consumer<BusConnectionState> l : listeners) {
                try {
                    l.accept(after);
                } catch (RuntimeException e) {
                    LOG.error("bus state listener failed: {}", e.toString(), e);
                }
            }
        }
    }
}
