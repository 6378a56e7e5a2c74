package org.concord.execution.binance;

import org.concord.feed.binance.BinanceStreamClient;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The account's user-data stream: a listenKey ({@code POST /api/v3/userDataStream}) opens {@code <ws>/ws/<listenKey>},
 * which carries {@code executionReport} and {@code outboundAccountPosition} events. The key is kept alive with a
 * {@code PUT} every {@link BinanceSpotConfig#keepAliveInterval()} (30 minutes by default; Binance drops a key after
 * 60); a failed keep-alive or a {@code listenKeyExpired} event drops the connection. Every (re)connection asks for
 * the key again, so an expired key is replaced; reconnects back off exponentially with jitter (the feed's
 * {@link BinanceStreamClient}). On {@link #close()} the key is deleted.
 *
 * <p>Messages and connection events go to the {@link Sink} on the stream's threads; the broker queues them for its
 * decision thread.
 */
public final class UserDataStream implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UserDataStream.class);

    /** Receives the stream's traffic (on I/O threads). */
    public interface Sink {
        void onConnected(int connection);

        void onMessage(String text);

        void onDisconnected(int connection, String reason);
    }

    private final BinanceSpotConfig config;
    private final BinanceSpotRestClient rest;
    private final ScheduledExecutorService timer;
    private final BinanceStreamClient client;
    private final AtomicLong keepAlives = new AtomicLong();
    private final AtomicLong keysCreated = new AtomicLong();
    private volatile String listenKey;
    private ScheduledFuture<?> keepAlive;

    public UserDataStream(BinanceSpotConfig config, BinanceSpotRestClient rest, HttpClient http, Sink sink) {
        if (config == null || rest == null || http == null || sink == null) {
            throw new IllegalArgumentException("config, rest client, http client and sink are required");
        }
        this.config = config;
        this.rest = rest;
        this.timer = Executors.newSingleThreadScheduledExecutor(Daemons.named("binance-user-stream"));
        this.client = new BinanceStreamClient(config.streamConfig(), this::openUri, http, new BinanceStreamClient.Listener() {
            @Override
            public void onConnected(int connection) {
                sink.onConnected(connection);
            }

            @Override
            public void onMessage(int connection, String text) {
                if (text.contains("\"listenKeyExpired\"")) {
                    LOG.warn("binance user-data stream: listenKey expired; reconnecting with a new one");
                    listenKey = null;
                    client().abort("listenKey expired");
                    return;
                }
                sink.onMessage(text);
            }

            @Override
            public void onDisconnected(int connection, String reason) {
                sink.onDisconnected(connection, reason);
            }
        }, timer);
    }

    private BinanceStreamClient client() {
        return client;
    }

    /** Runs on the stream's timer before each connection: a (new or extended) listenKey, then its URL. */
    private URI openUri() {
        String key = rest.createListenKey();
        keysCreated.incrementAndGet();
        listenKey = key;
        return URI.create(config.wsUrl() + "/ws/" + key);
    }

    public synchronized void start() {
        client.start();
        long every = config.keepAliveInterval().toMillis();
        keepAlive = timer.scheduleAtFixedRate(this::keepAlive, every, every, TimeUnit.MILLISECONDS);
    }

    /** Extends the listenKey; on failure drops the connection so the next one gets a fresh key. */
    void keepAlive() {
        String key = listenKey;
        if (key == null) {
            return;
        }
        try {
            rest.keepAliveListenKey(key);
            keepAlives.incrementAndGet();
        } catch (RuntimeException e) {
            LOG.warn("binance user-data stream keep-alive failed ({}); reconnecting with a new listenKey", e.getMessage());
            listenKey = null;
            client.abort("keep-alive failed");
        }
    }

    public boolean connected() {
        return client.connected();
    }

    public long connects() {
        return client.connects();
    }

    public long keepAlives() {
        return keepAlives.get();
    }

    public long listenKeysCreated() {
        return keysCreated.get();
    }

    /** Drops the current connection (a new one follows after the backoff). */
    public void reconnect(String reason) {
        client.abort(reason);
    }

    @Override
    public synchronized void close() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        client.stop();
        String key = listenKey;
        listenKey = null;
        if (key != null) {
            try {
                rest.closeListenKey(key);
            } catch (RuntimeException e) {
                LOG.info("binance user-data stream: closing the listenKey failed ({}); it expires by itself", e.getMessage());
            }
        }
        timer.shutdownNow();
    }
}
