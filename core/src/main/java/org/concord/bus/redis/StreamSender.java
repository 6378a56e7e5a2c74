package org.concord.bus.redis;

import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * The one thread that writes to Redis ({@code concord-bus-sender}): it drains the outbox in order with
 * pipelined {@code XADD MAXLEN ~}, removes a message only once Redis returned its stream id, and publishes
 * transient messages with {@code PUBLISH}. On a connection failure the unacknowledged batch stays at the head
 * of the outbox and is resent after reconnecting (consumers drop the copies by origin and seq). While idle it
 * pings Redis once a second so the bus state follows an outage even when nothing is published.
 */
final class StreamSender implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamSender.class);
    private static final int TRANSIENT_QUEUE = 10_000;
    private static final int MAX_REJECTS = 5;
    private static final long IDLE_PING_NANOS = 1_000_000_000L;

    private final RedisBusConfig config;
    private final RedisConnections connections;
    private final Outbox outbox;
    private final LinkHealth health;
    private final BusCounters counters;
    private final ArrayBlockingQueue<Pending> transients = new ArrayBlockingQueue<>(TRANSIENT_QUEUE);
    private final XAddParams xadd;
    private volatile boolean running = true;
    private volatile boolean flushOnly;
    private volatile Thread thread;
    private volatile boolean linkUp;
    private Jedis jedis;
    private int headRejects;
    private int inFlightTransients;

    StreamSender(RedisBusConfig config, RedisConnections connections, Outbox outbox, LinkHealth health, BusCounters counters) {
        this.config = config;
        this.connections = connections;
        this.outbox = outbox;
        this.health = health;
        this.counters = counters;
        this.xadd = XAddParams.xAddParams().maxLen(config.streamMaxLen()).approximateTrimming();
    }

    void start() {
        thread = Daemons.start(this, "concord-bus-sender-" + config.consumer());
    }

    /** Wakes the sender after a publish; cheap when it is already running. */
    void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Queues a transient message; dropped (and counted) when the sender has no connection or the queue is full. */
    void offerTransient(Pending p) {
        if (!linkUp || !transients.offer(p)) {
            counters.transientDropped.incrementAndGet();
        }
    }

    /** Stops the thread after it stops accepting new work; the outbox keeps what is left. */
    void stop(long joinMillis) {
        running = false;
        wake();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(joinMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void run() {
        long backoff = 0;
        long lastContact = 0;
        boolean everConnected = false;
        while (running) {
            try {
                if (jedis == null) {
                    jedis = connections.open("sender", false);
                    dropTransients(); // queued while the link was down: stale, and transient means lossy
                    linkUp = true;
                    if (everConnected) {
                        counters.reconnects.incrementAndGet();
                    }
                    everConnected = true;
                    backoff = 0;
                    lastContact = System.nanoTime();
                    health.up(LinkHealth.Link.SENDER);
                }
                List<Pending> batch = outbox.peek(config.batchSize());
                List<Pending> pubs = new ArrayList<>();
                transients.drainTo(pubs, config.batchSize());
                if (batch.isEmpty() && pubs.isEmpty()) {
                    health.refresh();
                    if (System.nanoTime() - lastContact > IDLE_PING_NANOS) {
                        jedis.ping();
                        lastContact = System.nanoTime();
                    }
                    LockSupport.parkNanos(100_000_000L);
                    continue;
                }
                inFlightTransients = pubs.size();
                send(batch, pubs);
                inFlightTransients = 0;
                lastContact = System.nanoTime();
                health.refresh();
            } catch (JedisConnectionException e) {
                linkUp = false;
                RedisConnections.closeQuietly(jedis);
                jedis = null;
                health.down(LinkHealth.Link.SENDER, e);
                dropTransients();
                backoff = connections.nextBackoff(backoff);
                RedisConnections.sleep(backoff);
            } catch (RuntimeException e) {
                // Never let the only writer die: log, back off, go on.
                linkUp = false;
                dropTransients();
                LOG.error("bus sender: unexpected {}", e.toString(), e);
                RedisConnections.closeQuietly(jedis);
                jedis = null;
                backoff = connections.nextBackoff(backoff);
                RedisConnections.sleep(backoff);
            }
        }
        RedisConnections.closeQuietly(jedis);
        jedis = null;
    }

    private void send(List<Pending> batch, List<Pending> pubs) {
        List<Response<StreamEntryID>> ids = new ArrayList<>(batch.size());
        Pipeline p = jedis.pipelined();
        for (Pending m : pubs) {
            p.sendCommand(Protocol.Command.PUBLISH, m.key(), m.json());
        }
        for (Pending m : batch) {
            ids.add(p.xadd(m.key(), xadd, Map.of("m", m.json())));
        }
        p.sync();
        int acked = 0;
        for (Response<StreamEntryID> r : ids) {
            try {
                r.get();
                acked++;
            } catch (JedisDataException e) {
                break;
            }
        }
        outbox.remove(acked);
        counters.sentDurable.addAndGet(acked);
        if (acked < ids.size()) {
            rejectedHead(batch.get(acked), ids.get(acked));
        } else {
            headRejects = 0;
        }
    }

    /**
     * Redis answered an XADD with an error (out of memory, wrong key type). Temporary errors clear up: retry
     * the same message with backoff; after {@value #MAX_REJECTS} refusals it is reported lost so the ones
     * behind it are not held forever.
     */
    private void rejectedHead(Pending head, Response<StreamEntryID> r) {
        String err;
        try {
            r.get();
            err = "?";
        } catch (JedisDataException e) {
            err = e.getMessage();
        }
        headRejects++;
        if (headRejects >= MAX_REJECTS) {
            outbox.dropHead("Redis refused XADD " + headRejects + " times: " + err);
            headRejects = 0;
        } else {
            LOG.warn("bus sender: Redis refused XADD to {} ({}), retry {}/{}", head.key(), err, headRejects, MAX_REJECTS);
            RedisConnections.sleep(connections.nextBackoff(50L << headRejects));
        }
    }

    /** Counts as dropped what is queued and what was in the batch that failed (pub/sub is not resent). */
    private void dropTransients() {
        int n = transients.size() + inFlightTransients;
        inFlightTransients = 0;
        transients.clear();
        counters.transientDropped.addAndGet(n);
    }
}
