package org.concord.bus;

import org.concord.bus.redis.RedisEventBus;

import java.nio.file.Path;

/**
 * Opens the bus named by a URI, as given to {@code --bus}: {@code inproc:} (the default: one process) or
 * {@code redis://host[:port][/db][?group=..&consumer=..]} (several processes sharing one Redis; parameters in
 * docs/event-bus.md).
 */
public final class BusFactory {
    private BusFactory() {
    }

    /** The bus named by {@code uri}; a Redis bus keeps its outbox in the environment's data directory. */
    public static EventBus fromUri(String uri) {
        return fromUri(uri, null);
    }

    /** The bus named by {@code uri}; a Redis bus keeps its outbox under {@code dataDir} (null: the environment's). */
    public static EventBus fromUri(String uri, Path dataDir) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("bus URI is required: inproc: or redis://host:port");
        }
        String u = uri.trim();
        if (u.equals("inproc") || u.equals("inproc:") || u.equals("inproc://")) {
            return new InProcessEventBus();
        }
        if (u.regionMatches(true, 0, "redis://", 0, 8)) {
            return RedisEventBus.open(u, dataDir);
        }
        throw new IllegalArgumentException("unknown bus URI '" + uri + "': expected inproc: or redis://host[:port][/db][?params]");
    }
}
