package org.concord.bus.redis;

import org.concord.bus.EventBus;
import org.concord.bus.InProcessEventBus;
import org.concord.bus.Topic;
import org.concord.quality.InputQuality;
import org.concord.bus.Subscription;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The {@link EventBus} shared by several processes through Redis (docs/event-bus.md).
 *
 * <ul>
 *   <li>Durable topics go to a Redis Stream per topic ({@code XADD MAXLEN ~}); each process reads them in its
 *   consumer group ({@code group} = its role) as consumer {@code consumer}, acknowledges after the handlers
 *   returned and resumes its own pending entries after a restart. Transient topics use pub/sub.</li>
 *   <li>publish() delivers to this process's own subscribers at once, on the caller's thread (like
 *   {@link InProcessEventBus}), and queues the message for Redis; the copy that comes back from Redis is
 *   recognised by its origin and skipped. Remote events reach handlers on the reader thread
 *   ({@code concord-bus-reader-*} for durable topics, {@code concord-bus-pubsub-*} for transient ones).</li>
 *   <li>Hybrid mode: publish() never blocks on Redis and never throws because of it. While Redis is down local
 *   delivery goes on, durable messages wait in the {@link Outbox} (memory, then a spill file) and are resent
 *   in order once Redis is back; {@link #state()} says CONNECTED, DEGRADED or RECONNECTING.</li>
 * </ul>
 * Publishing is safe from any thread; handlers must not block (hand work to your own thread).
 */
public final class RedisEventBus implements EventBus {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RedisEventBus.class);

    private final RedisBusConfig config;
    private final String origin;
    private final InProcessEventBus local = new InProcessEventBus();
    private final BusCounters counters = new BusCounters();
    private final InputQuality quality;
    private final Outbox outbox;
    private final LinkHealth health;
    private final RedisConnections connections;
    private final Inbound inbound;
    private final StreamSender sender;
    private final StreamReader reader;
    private final Map<String, Topic<?>> topics = new ConcurrentHashMap<>();
    private final Map<String, Topic<?>> transientTopics = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> subscribers = new ConcurrentHashMap<>();
    private final Map<String, long[]> sequences = new ConcurrentHashMap<>();
    private final List<StreamReplay<?>> replays = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile PubSubReader pubSub;
    private Jedis control;

    public RedisEventBus(RedisBusConfig config) {
        this(config, new InputQuality());
    }

    /**
     * Starts the sender and reader threads and tries to connect once (bounded by the connect timeout); when
     * Redis is not reachable the bus starts DEGRADED and keeps retrying in the background.
     */
    public RedisEventBus(RedisBusConfig config, InputQuality quality) {
        if (config == null || quality == null) {
            throw new IllegalArgumentException("config and quality are required");
        }
        this.config = config;
        this.quality = quality;
        this.origin = config.consumer() + "#" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        this.outbox = new Outbox(config.outboxDir(), config.group() + "." + config.consumer(), config.outboxCapacity(), counters);
        this.health = new LinkHealth(config.group() + "/" + config.consumer(), outbox::size);
        this.connections = new RedisConnections(config);
        this.inbound = new Inbound(origin, counters, quality, this::deliverLocal, Math.max(4096, 4 * config.batchSize()));
        this.sender = new StreamSender(config, connections, outbox, health, counters);
        this.reader = new StreamReader(config, connections, health, counters, inbound);
        sender.start();
        reader.start();
        if (!awaitState(BusConnectionState.CONNECTED, Duration.ofMillis(config.connectTimeoutMillis()))) {
            LOG.warn("bus {}: Redis not reachable at start; running DEGRADED (local delivery, durable messages held in "
                    + "the outbox) and retrying in the background", config);
        }
    }

    /** Parses {@code redis://...} (see {@link RedisBusConfig}) and opens the bus; the outbox is in the environment's data directory. */
    public static RedisEventBus open(String uri) {
        return new RedisEventBus(RedisBusConfig.fromUri(uri));
    }

    /** Parses {@code redis://...} and opens the bus with its outbox under {@code dataDir}. */
    public static RedisEventBus open(String uri, Path dataDir) {
        return new RedisEventBus(RedisBusConfig.fromUri(uri, dataDir));
    }

    @Override
    public <T> void publish(Topic<T> topic, T event) {
        if (topic == null || event == null) {
            throw new IllegalArgumentException("topic and event are required");
        }
        if (!topic.type().isInstance(event)) {
            throw new IllegalArgumentException("event " + event.getClass().getName() + " is not a " + topic.type().getName() + " for " + topic);
        }
        requireOpen();
        register(topic);
        String payload = Envelope.payloadJson(topic, event);
        long[] seq = sequences.computeIfAbsent(topic.name(), k -> new long[1]);
        // seq and queue position are taken together so that, per topic, seq order is the order in Redis
        synchronized (seq) {
            String env = Envelope.write(topic, origin, ++seq[0], System.currentTimeMillis(), payload);
            if (topic.durable()) {
                outbox.add(new Pending(config.streamKey(topic.name()), env));
            } else {
                sender.offerTransient(new Pending(config.channel(topic.name()), env));
            }
        }
        counters.published.incrementAndGet();
        sender.wake();
        local.publish(topic, event);
    }

    /**
     * Subscribes {@code handler} to this process's events on {@code topic} (on the publisher's thread) and to
     * other processes' (on the reader thread). For a durable topic the consumer group is created now when Redis
     * is reachable, so nothing published after this returns is missed.
     */
    @Override
    public <T> Subscription subscribe(Topic<T> topic, Consumer<? super T> handler) {
        if (topic == null || handler == null) {
            throw new IllegalArgumentException("topic and handler are required");
        }
        requireOpen();
        register(topic);
        Subscription localSub = local.subscribe(topic, handler);
        AtomicInteger refs = subscribers.computeIfAbsent(topic.name(), k -> new AtomicInteger());
        if (refs.getAndIncrement() == 0) {
            if (topic.durable()) {
                StreamReader.Stream s = reader.add(topic);
                if (withControl(j -> StreamReader.createGroup(j, config, s.key))) {
                    s.groupReady = true;
                }
            } else {
                transientTopics.put(topic.name(), topic);
                startPubSub();
            }
        }
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                localSub.close();
                if (refs.decrementAndGet() == 0) {
                    if (topic.durable()) {
                        reader.remove(topic);
                    } else {
                        transientTopics.remove(topic.name());
                    }
                }
            }
        };
    }

    /**
     * Replays a durable topic from a stream id (exclusive; "0" = from the start) and then follows it live, on
     * its own thread and without a consumer group: every entry is delivered, this process's own included,
     * with its stream id so the caller can resume after it later.
     */
    public <T> Subscription subscribeFrom(Topic<T> topic, String fromIdExclusive, StreamHandler<? super T> handler) {
        if (topic == null || fromIdExclusive == null || handler == null) {
            throw new IllegalArgumentException("topic, fromIdExclusive and handler are required");
        }
        if (!topic.durable()) {
            throw new IllegalArgumentException(topic + " is transient: only durable topics are kept and can be replayed");
        }
        requireOpen();
        register(topic);
        StreamReplay<T> r = new StreamReplay<>(config, connections, inbound, topic, fromIdExclusive, handler);
        replays.add(r);
        r.start();
        return () -> {
            replays.remove(r);
            r.close();
        };
    }

    public BusConnectionState state() {
        return health.state();
    }

    /** Tells {@code listener} each state change, on the bus thread that noticed it (hand off to the UI thread). */
    public Subscription onStateChange(Consumer<BusConnectionState> listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is required");
        }
        return health.onChange(listener);
    }

    /** Waits until the bus is in {@code wanted}; false on timeout. */
    public boolean awaitState(BusConnectionState wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (health.state() != wanted) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            RedisConnections.sleep(5);
        }
        return true;
    }

    /** Waits until every durable message published so far is acknowledged by Redis; false on timeout. */
    public boolean flush(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (outbox.size() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            sender.wake();
            RedisConnections.sleep(2);
        }
        return true;
    }

    public BusMetrics metrics() {
        return counters.snapshot(outbox.size(), local.handlerErrors());
    }

    /** Malformed messages by source ("redis &lt;key&gt;") — the same counters the data layer uses. */
    public InputQuality inputQuality() {
        return quality;
    }

    /** This bus instance's id in every envelope it writes ({@code <consumer>#<random>}). */
    public String origin() {
        return origin;
    }

    public RedisBusConfig config() {
        return config;
    }

    /**
     * Stops reading, gives the sender up to {@code closeFlushMillis} to get the outbox into Redis, then keeps
     * whatever is left in the outbox file for the next bus with the same group and consumer.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        replays.forEach(StreamReplay::close);
        reader.stop(config.blockMillis() + config.socketTimeoutMillis());
        PubSubReader p = pubSub;
        if (p != null) {
            p.stop(1_000);
        }
        if (health.state() != BusConnectionState.DEGRADED) {
            flush(Duration.ofMillis(config.closeFlushMillis()));
        }
        sender.stop(config.socketTimeoutMillis() + 1_000L);
        outbox.close();
        synchronized (this) {
            RedisConnections.closeQuietly(control);
            control = null;
        }
    }

    private void deliverLocal(Topic<?> topic, Object event) {
        publishLocal(topic, event);
    }

    @SuppressWarnings("unchecked")
    private <T> void publishLocal(Topic<T> topic, Object event) {
        local.publish(topic, (T) event);
    }

    private void register(Topic<?> topic) {
        Topic<?> known = topics.putIfAbsent(topic.name(), topic);
        if (known != null && (!known.equals(topic) || known.durable() != topic.durable())) {
            throw new IllegalArgumentException("topic " + topic.name() + " is already used as " + known.type().getName()
                    + (known.durable() ? " (durable)" : " (transient)") + "; got " + topic.type().getName()
                    + (topic.durable() ? " (durable)" : " (transient)"));
        }
    }

    private synchronized void startPubSub() {
        if (pubSub == null) {
            PubSubReader p = new PubSubReader(config, connections, health, counters, inbound, transientTopics);
            pubSub = p;
            p.start();
            if (health.state() != BusConnectionState.DEGRADED) {
                p.awaitSubscribed(config.connectTimeoutMillis());
            }
        }
    }

    /** Runs a short command on the shared control connection; false when Redis is not reachable now. */
    private synchronized boolean withControl(Consumer<Jedis> command) {
        if (health.state() == BusConnectionState.DEGRADED) {
            return false;
        }
        try {
            if (control == null) {
                control = connections.open("control", false);
            }
            command.accept(control);
            return true;
        } catch (JedisException e) {
            RedisConnections.closeQuietly(control);
            control = null;
            return false;
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the bus is closed");
        }
    }
}
