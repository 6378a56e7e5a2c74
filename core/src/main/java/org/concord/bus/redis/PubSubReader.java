package org.concord.bus.redis;

import org.concord.bus.Topic;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The thread that receives transient topics ({@code concord-bus-pubsub}), started with the first transient
 * subscription. One {@code PSUBSCRIBE <prefix>c:*} covers every transient topic, so a later subscription is live
 * at once; messages on channels nobody here subscribed to are dropped before they are parsed. Pub/sub keeps
 * nothing: what is published while this link is down is gone (that is what transient means).
 */
final class PubSubReader implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(PubSubReader.class);

    private final RedisBusConfig config;
    private final RedisConnections connections;
    private final LinkHealth health;
    private final BusCounters counters;
    private final Inbound inbound;
    private final Map<String, Topic<?>> topics;
    private final String channelPrefix;
    private final CountDownLatch firstSubscribed = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Jedis jedis;
    private volatile JedisPubSub pubSub;
    private Thread thread;

    PubSubReader(RedisBusConfig config, RedisConnections connections, LinkHealth health, BusCounters counters,
                 Inbound inbound, Map<String, Topic<?>> transientTopics) {
        this.config = config;
        this.connections = connections;
        this.health = health;
        this.counters = counters;
        this.inbound = inbound;
        this.topics = transientTopics;
        this.channelPrefix = config.channel("");
    }

    void start() {
        thread = Daemons.start(this, "concord-bus-pubsub-" + config.consumer());
    }

    /** Waits until the pattern subscription is active, so a publish after this returns is received. */
    boolean awaitSubscribed(long millis) {
        try {
            return firstSubscribed.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    void stop(long joinMillis) {
        running = false;
        JedisPubSub p = pubSub;
        if (p != null && p.isSubscribed()) {
            try {
                p.punsubscribe();
            } catch (RuntimeException ignored) {
                // the connection is closed below anyway
            }
        }
        RedisConnections.closeQuietly(jedis);
        if (thread != null) {
            try {
                thread.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        long backoff = 0;
        boolean everConnected = false;
        while (running) {
            try {
                jedis = connections.open("pubsub", false);
                if (everConnected) {
                    counters.reconnects.incrementAndGet();
                }
                everConnected = true;
                backoff = 0;
                JedisPubSub p = new Listener();
                pubSub = p;
                jedis.psubscribe(p, config.channelPattern()); // returns when unsubscribed or the link breaks
            } catch (JedisConnectionException e) {
                if (running) {
                    health.down(LinkHealth.Link.PUBSUB, e);
                }
            } catch (RuntimeException e) {
                LOG.error("bus pub/sub reader: unexpected {}", e.toString(), e);
            } finally {
                RedisConnections.closeQuietly(jedis);
            }
            if (running) {
                backoff = connections.nextBackoff(backoff);
                RedisConnections.sleep(backoff);
            }
        }
    }

    private final class Listener extends JedisPubSub {
        @Override
        public void onPSubscribe(String pattern, int subscribedChannels) {
            health.up(LinkHealth.Link.PUBSUB);
            firstSubscribed.countDown();
        }

        @Override
        public void onPMessage(String pattern, String channel, String message) {
            if (!channel.startsWith(channelPrefix)) {
                return;
            }
            Topic<?> topic = topics.get(channel.substring(channelPrefix.length()));
            if (topic == null) {
                return; // nobody here listens to this transient topic
            }
            try {
                Inbound.Decoded d = inbound.decode(topic, "redis " + channel, "pubsub", message);
                if (!inbound.isEcho(d.envelope())) {
                    inbound.deliver(topic, d.event());
                }
            } catch (MalformedMessageException e) {
                // counted and logged by decode; pub/sub has no dead-letter stream (nothing to acknowledge)
            }
        }
    }
}
