package org.concord.bus.redis;

import org.concord.bus.Subscription;
import org.concord.bus.Topic;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

import java.util.List;
import java.util.Map;

/**
 * Reads one durable topic from a given stream id on its own thread ({@code concord-bus-replay-<topic>}) with
 * plain {@code XREAD BLOCK} (no consumer group, nothing acknowledged), then keeps following it live until
 * closed. Every entry is delivered, this process's own included: a replay is a view of the stream, not a share
 * of a group's work. Malformed entries are counted and skipped (dead-lettering belongs to the group readers).
 */
final class StreamReplay<T> implements Runnable, Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(StreamReplay.class);

    private final RedisBusConfig config;
    private final RedisConnections connections;
    private final Inbound inbound;
    private final Topic<T> topic;
    private final StreamHandler<? super T> handler;
    private final String key;
    private final Thread thread;
    private volatile boolean running = true;
    private StreamEntryID cursor;

    StreamReplay(RedisBusConfig config, RedisConnections connections, Inbound inbound, Topic<T> topic, String fromIdExclusive,
                 StreamHandler<? super T> handler) {
        this.config = config;
        this.connections = connections;
        this.inbound = inbound;
        this.topic = topic;
        this.handler = handler;
        this.key = config.streamKey(topic.name());
        try {
            this.cursor = new StreamEntryID(fromIdExclusive);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("stream id must look like <ms>-<seq> or <ms>, got '" + fromIdExclusive + "'", e);
        }
        this.thread = Daemons.named("concord-bus-replay-" + topic.name()).newThread(this);
    }

    void start() {
        thread.start();
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(config.blockMillis() + 1_000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void run() {
        Jedis jedis = null;
        long backoff = 0;
        while (running) {
            try {
                if (jedis == null) {
                    jedis = connections.open("replay", true);
                    backoff = 0;
                }
                List<Map.Entry<String, List<StreamEntry>>> res = jedis.xread(
                        XReadParams.xReadParams().count(config.batchSize()).block(config.blockMillis()), Map.of(key, cursor));
                if (res == null) {
                    continue;
                }
                for (Map.Entry<String, List<StreamEntry>> r : res) {
                    for (StreamEntry e : r.getValue()) {
                        cursor = e.getID();
                        if (!running) {
                            return;
                        }
                        String raw = e.getFields() == null ? null : e.getFields().get("m");
                        try {
                            Inbound.Decoded d = inbound.decode(topic, "redis " + key, cursor.toString(), raw);
                            handler.onEvent(cursor.toString(), (T) d.event());
                        } catch (MalformedMessageException m) {
                            // counted and logged by decode
                        } catch (RuntimeException h) {
                            LOG.error("replay handler on {} failed at {}: {}", topic.name(), cursor, h.toString(), h);
                        }
                    }
                }
            } catch (JedisConnectionException e) {
                RedisConnections.closeQuietly(jedis);
                jedis = null;
                backoff = connections.nextBackoff(backoff);
                RedisConnections.sleep(backoff);
            } catch (RuntimeException e) {
                LOG.error("replay of {}: {}", key, e.toString());
                RedisConnections.closeQuietly(jedis);
                jedis = null;
                backoff = connections.nextBackoff(backoff);
                RedisConnections.sleep(backoff);
            }
        }
        RedisConnections.closeQuietly(jedis);
    }
}
