package org.concord.bus.redis;

import org.concord.bus.Topic;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What every reader does with a message from Redis: decode it (a malformed one is counted per reason and logged
 * in one line through {@link InputQuality}), skip this bus's own echoes and resent copies, and hand the event to
 * the local subscribers. The duplicate filter is used by one thread only (the stream reader).
 */
final class Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);
    private static final int MAX_WINDOWS = 1024;

    record Decoded(Envelope envelope, Object event) {
    }

    private final String origin;
    private final BusCounters counters;
    private final InputQuality quality;
    private final BiConsumer<Topic<?>, Object> local;
    private final int window;
    private final Map<String, SeenWindow> seen = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SeenWindow> eldest) {
            return size() > MAX_WINDOWS; // publishers come and go (new origin per bus instance); keep the recent ones
        }
    };

    Inbound(String origin, BusCounters counters, InputQuality quality, BiConsumer<Topic<?>, Object> local, int window) {
        this.origin = origin;
        this.counters = counters;
        this.quality = quality;
        this.local = local;
        this.window = window;
    }

    /** Decodes {@code raw} for {@code topic}; a reject is counted and logged before it is thrown. */
    Decoded decode(Topic<?> topic, String source, String position, String raw) throws MalformedMessageException {
        counters.received.incrementAndGet();
        try {
            Envelope env = Envelope.parse(raw);
            return new Decoded(env, env.payloadAs(topic));
        } catch (MalformedMessageException e) {
            counters.rejected(e.reason());
            quality.report(source, position, InputIssue.MALFORMED, "rejected " + e.getMessage() + " | raw: "
                    + Envelope.oneLine(raw == null ? "<none>" : raw));
            throw e;
        }
    }

    boolean isEcho(Envelope env) {
        if (origin.equals(env.origin())) {
            counters.echoesSkipped.incrementAndGet();
            return true;
        }
        return false;
    }

    /** False for a copy already delivered (same stream, origin and seq). Stream reader thread only. */
    boolean firstTime(String streamKey, Envelope env) {
        SeenWindow w = seen.computeIfAbsent(streamKey + '|' + env.origin(), k -> new SeenWindow(window));
        if (w.firstTime(env.seq())) {
            return true;
        }
        counters.duplicatesSkipped.incrementAndGet();
        return false;
    }

    void deliver(Topic<?> topic, Object event) {
        counters.delivered.incrementAndGet();
        try {
            local.accept(topic, event);
        } catch (RuntimeException e) {
            // local delivery already isolates handlers; this is a last guard so a reader thread never dies
            LOG.error("delivery on {} failed: {}", topic.name(), e.toString(), e);
        }
    }
}
