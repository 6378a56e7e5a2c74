package org.concord.bus.redis;

import java.util.Map;

/**
 * A snapshot of a {@link RedisEventBus}'s counters.
 *
 * @param published          events accepted by publish() (all topics)
 * @param sentDurable        durable messages Redis acknowledged (XADD returned an id)
 * @param outboxSize         durable messages accepted but not yet acknowledged by Redis
 * @param spilled            durable messages that went through the spill file
 * @param lost               durable messages that could not be kept (spill failure, rejected by Redis repeatedly); each logged as an error
 * @param transientDropped   transient messages dropped while Redis was unreachable or the queue was full
 * @param received           messages read from Redis (streams and channels), before any filtering
 * @param delivered          remote events handed to local subscribers
 * @param echoesSkipped      own messages read back from Redis (their local delivery already happened)
 * @param duplicatesSkipped  resent copies recognised by (origin, seq)
 * @param rejected           malformed messages per reason
 * @param deadLettered       rejected stream entries copied to {@code <stream>:dead}
 * @param claimed            pending entries taken over from idle consumers of the group
 * @param handlerErrors      local handlers that threw (the event still counts as delivered)
 * @param reconnects         connections re-established after a failure
 */
public record BusMetrics(long published, long sentDurable, long outboxSize, long spilled, long lost,
                         long transientDropped, long received, long delivered, long echoesSkipped,
                         long duplicatesSkipped, Map<RejectReason, Long> rejected, long deadLettered, long claimed,
                         long handlerErrors, long reconnects) {
    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(Long::longValue).sum();
    }
}
