package org.concord.bus.redis;

import org.concord.bus.Topic;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that reads the durable topics of this process ({@code concord-bus-reader}) and runs their
 * handlers for remote events. One {@code XREADGROUP BLOCK} covers every subscribed stream; after a start or a
 * reconnect it first re-reads this consumer's own pending entries (id 0: delivered before, never acknowledged),
 * then new ones ({@code >}). An entry is acknowledged ({@code XACK}) after its handlers returned, or after it was
 * rejected and copied to {@code <stream>:dead}. Entries left pending by another consumer of the group for longer
 * than {@code claimIdleMillis} are claimed ({@code XAUTOCLAIM}) and handled here.
 */
final class StreamReader implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamReader.class);
    private static final long DEAD_LETTER_MAXLEN = 10_000;

    /** One subscribed durable topic; the flags are reset on every (re)connect. */
    static final class Stream {
        final Topic<?> topic;
        final String key;
        volatile boolean groupReady;
        boolean pendingDone;
        StreamEntryID pendingCursor = new StreamEntryID(0, 0);

        Stream(Topic<?> topic, String key) {
            this.topic = topic;
            this.key = key;
        }
    }

    private final RedisBusConfig config;
    private final RedisConnections connections;
    private final LinkHealth health;
    private final BusCounters counters;
    private final Inbound inbound;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile Thread thread;
    private Jedis jedis;
    private long lastClaimNanos = System.nanoTime();

    StreamReader(RedisBusConfig config, RedisConnections connections, LinkHealth health, BusCounters counters, Inbound inbound) {
        this.config = config;
        this.connections = connections;
        this.health = health;
        this.counters = counters;
        this.inbound = inbound;
    }

    void start() {
        thread = Daemons.start(this, "concord-bus-reader-" + config.consumer());
    }

    Stream add(Topic<?> topic) {
        Stream s = streams.computeIfAbsent(config.streamKey(topic.name()), k -> new Stream(topic, k));
        LockSupport.unpark(thread);
        return s;
    }

    void remove(Topic<?> topic) {
        streams.remove(config.streamKey(topic.name()));
    }

    void stop(long joinMillis) {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** XGROUP CREATE ... MKSTREAM; an existing group is fine. */
    static void createGroup(Jedis j, RedisBusConfig config, String key) {
        StreamEntryID from = config.startFromEarliest() ? new StreamEntryID(0, 0) : StreamEntryID.XGROUP_LAST_ENTRY;
        try {
            j.xgroupCreate(key, config.group(), from, true);
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    @Override
    public void run() {
        long backoff = 0;
        boolean everConnected = false;
        while (running) {
            List<Stream> active = new ArrayList<>(streams.values());
            if (active.isEmpty()) {
                if (jedis == null) {
                    health.up(LinkHealth.Link.READER); // nothing to read: this link cannot hold the state down
                }
                LockSupport.parkNanos(config.blockMillis() * 1_000_000L);
                continue;
            }
            try {
                if (jedis == null) {
                    jedis = connections.open("reader", true);
                    if (everConnected) {
                        counters.reconnects.incrementAndGet();
                    }
                    everConnected = true;
                    backoff = 0;
                    for (Stream s : streams.values()) {
                        s.groupReady = false;
                        s.pendingDone = false;
                        s.pendingCursor = new StreamEntryID(0, 0);
                    }
                    health.up(LinkHealth.Link.READER);
                }
                readOnce(active);
            } catch (JedisConnectionException e) {
                RedisConnections.closeQuietly(jedis);
                jedis = null;
                health.down(LinkHealth.Link.READER, e);
                backoff = connections.nextBackoff(backoff);
                RedisConnections.sleep(backoff);
            } catch (JedisDataException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("NOGROUP")) {
                    // the stream or group was deleted (FLUSHALL, Redis restarted without persistence): recreate
                    LOG.warn("bus reader: {}; recreating the consumer groups", e.getMessage());
                    streams.values().forEach(s -> s.groupReady = false);
                } else {
                    LOG.error("bus reader: Redis error {}", e.getMessage());
                    backoff = connections.nextBackoff(backoff);
                    RedisConnections.sleep(backoff);
                }
            } catch (RuntimeException e) {
                LOG.error("bus reader: unexpected {}", e.toString(), e);
                RedisConnections.closeQuietly(jedis);
                jedis = null;
                backoff = connections.nextBackoff(backoff);
                RedisConnections.sleep(backoff);
            }
        }
        RedisConnections.closeQuietly(jedis);
        jedis = null;
    }

    private void readOnce(List<Stream> active) {
        for (Stream s : active) {
            if (!s.groupReady) {
                createGroup(jedis, config, s.key);
                s.groupReady = true;
            }
        }
        Map<String, StreamEntryID> pending = new LinkedHashMap<>();
        for (Stream s : active) {
            if (!s.pendingDone) {
                pending.put(s.key, s.pendingCursor);
            }
        }
        if (!pending.isEmpty()) {
            // this consumer's own entries delivered before a restart or outage and never acknowledged
            var res = jedis.xreadGroup(config.group(), config.consumer(),
                    XReadGroupParams.xReadGroupParams().count(config.batchSize()), pending);
            Map<String, List<StreamEntry>> got = byKey(res);
            for (String key : pending.keySet()) {
                Stream s = streams.get(key);
                List<StreamEntry> entries = got.getOrDefault(key, List.of());
                if (s == null) {
                    continue;
                }
                if (entries.isEmpty()) {
                    s.pendingDone = true;
                } else {
                    s.pendingCursor = entries.get(entries.size() - 1).getID();
                    handle(s, entries);
                }
            }
            return;
        }
        Map<String, StreamEntryID> fresh = new LinkedHashMap<>();
        for (Stream s : active) {
            fresh.put(s.key, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
        }
        var res = jedis.xreadGroup(config.group(), config.consumer(),
                XReadGroupParams.xReadGroupParams().count(config.batchSize()).block(config.blockMillis()), fresh);
        byKey(res).forEach((key, entries) -> {
            Stream s = streams.get(key);
            if (s != null) {
                handle(s, entries);
            }
        });
        long claimEvery = Math.max(config.blockMillis(), config.claimIdleMillis() / 2) * 1_000_000L;
        if (System.nanoTime() - lastClaimNanos > claimEvery) {
            lastClaimNanos = System.nanoTime();
            claimIdle(active);
        }
    }

    /** Takes over entries that other consumers of the group received and never acknowledged (they died). */
    private void claimIdle(List<Stream> active) {
        for (Stream s : active) {
            StreamEntryID cursor = new StreamEntryID(0, 0);
            for (int round = 0; round < 100; round++) {
                Map.Entry<StreamEntryID, List<StreamEntry>> r = jedis.xautoclaim(s.key, config.group(), config.consumer(),
                        config.claimIdleMillis(), cursor, XAutoClaimParams.xAutoClaimParams().count(config.batchSize()));
                if (r == null) {
                    break;
                }
                List<StreamEntry> entries = r.getValue() == null ? List.of() : r.getValue();
                if (!entries.isEmpty()) {
                    counters.claimed.addAndGet(entries.size());
                    LOG.info("bus reader: claimed {} idle pending entries of {} from other consumers of group {}",
                            entries.size(), s.key, config.group());
                    handle(s, entries);
                }
                cursor = r.getKey();
                if (cursor == null || (cursor.getTime() == 0 && cursor.getSequence() == 0)) {
                    break;
                }
            }
        }
    }

    private void handle(Stream s, List<StreamEntry> entries) {
        List<StreamEntryID> ack = new ArrayList<>(entries.size());
        for (StreamEntry e : entries) {
            if (e == null) {
                continue;
            }
            ack.add(e.getID());
            Map<String, String> fields = e.getFields();
            if (fields == null) {
                // pending entry trimmed away (MAXLEN) before it was handled: nothing left to deliver
                LOG.warn("bus reader: pending entry {} of {} was trimmed before it was handled", e.getID(), s.key);
                continue;
            }
            String raw = fields.get("m");
            Inbound.Decoded d;
            try {
                d = inbound.decode(s.topic, "redis " + s.key, e.getID().toString(), raw);
            } catch (MalformedMessageException m) {
                deadLetter(s, e, m, fields);
                continue;
            }
            if (inbound.isEcho(d.envelope()) || !inbound.firstTime(s.key, d.envelope())) {
                continue;
            }
            inbound.deliver(s.topic, d.event());
        }
        if (!ack.isEmpty()) {
            jedis.xack(s.key, config.group(), ack.toArray(StreamEntryID[]::new));
        }
    }

    private void deadLetter(Stream s, StreamEntry e, MalformedMessageException m, Map<String, String> fields) {
        Map<String, String> dead = new LinkedHashMap<>();
        dead.put("reason", m.reason().name());
        dead.put("error", m.getMessage());
        dead.put("id", e.getID().toString());
        dead.put("group", config.group());
        dead.put("consumer", config.consumer());
        String raw = fields.get("m");
        dead.put("raw", raw != null ? raw : fields.toString());
        jedis.xadd(s.key + ":dead", XAddParams.xAddParams().maxLen(DEAD_LETTER_MAXLEN).approximateTrimming(), dead);
        counters.deadLettered.incrementAndGet();
    }

    private static Map<String, List<StreamEntry>> byKey(List<Map.Entry<String, List<StreamEntry>>> res) {
        Map<String, List<StreamEntry>> m = new LinkedHashMap<>();
        if (res != null) {
            for (Map.Entry<String, List<StreamEntry>> e : res) {
                m.put(e.getKey(), e.getValue() == null ? List.of() : e.getValue());
            }
        }
        return m;
    }
}
