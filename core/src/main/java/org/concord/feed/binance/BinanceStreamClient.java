package org.concord.feed.binance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * One Binance combined-stream WebSocket ({@code <ws>/stream?streams=a/b/c}) kept alive with the JDK's
 * {@link WebSocket}: whole text messages are handed to a {@link Listener}; a close, an error, a failed
 * handshake or {@link BinanceConfig#idleTimeout()} without any message or ping ends the connection and a new one
 * is opened after an exponential backoff with jitter ({@link #backoffMs}). Binance pings every few minutes; the
 * JDK client answers each ping with a pong by itself. The backoff resets once a connection delivers a message,
 * so a server that accepts and drops at once keeps being backed off.
 *
 * <p>Connections are numbered from 1; every callback carries the number, so stale callbacks of a connection
 * already replaced are recognised and ignored.
 */
public final class BinanceStreamClient {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceStreamClient.class);

    /** Receives connection events and messages; called on the HTTP client's threads, one at a time per connection. */
    public interface Listener {
        void onConnected(int connection);

        void onMessage(int connection, String text);

        /** The connection ended (it will be replaced unless the client was stopped). */
        void onDisconnected(int connection, String reason);
    }

    private final BinanceConfig config;
    private final Supplier<URI> uri;
    private final HttpClient http;
    private final Listener listener;
    private final ScheduledExecutorService timer;
    private final DoubleSupplier random;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private int generation;
    private int failedGeneration;
    private int consecutiveFailures;
    private volatile Connection current;
    private boolean started;
    private boolean stopped;
    private ScheduledFuture<?> watchdog;

    public BinanceStreamClient(BinanceConfig config, HttpClient http, Listener listener, ScheduledExecutorService timer) {
        this(config, http, listener, timer, () -> ThreadLocalRandom.current().nextDouble());
    }

    BinanceStreamClient(BinanceConfig config, HttpClient http, Listener listener, ScheduledExecutorService timer, DoubleSupplier random) {
        this(config, config == null ? null : config::combinedStreamUri, http, listener, timer, random);
    }

    /**
     * A client of any stream URL, asked of {@code uri} before each connection (the user-data stream fetches a fresh
     * listenKey there; a supplier that throws counts as a failed connection and is retried after the backoff).
     * Timings come from {@code config}.
     */
    public BinanceStreamClient(BinanceConfig config, Supplier<URI> uri, HttpClient http, Listener listener,
                               ScheduledExecutorService timer) {
        this(config, uri, http, listener, timer, () -> ThreadLocalRandom.current().nextDouble());
    }

    private BinanceStreamClient(BinanceConfig config, Supplier<URI> uri, HttpClient http, Listener listener,
                                ScheduledExecutorService timer, DoubleSupplier random) {
        if (config == null || uri == null || http == null || listener == null || timer == null) {
            throw new IllegalArgumentException("config, uri, http client, listener and timer are required");
        }
        this.config = config;
        this.uri = uri;
        this.http = http;
        this.listener = listener;
        this.timer = timer;
        this.random = random;
    }

    /** Opens the first connection (returns at once) and starts the idle watchdog. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("stream client already started");
        }
        started = true;
        long period = Math.max(10, config.idleTimeout().toMillis() / 4);
        watchdog = timer.scheduleAtFixedRate(this::checkIdle, period, period, TimeUnit.MILLISECONDS);
        connect();
    }

    /** Closes the connection (normal closure) and stops reconnecting; idempotent. */
    public void stop() {
        Connection c;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            c = current;
            current = null;
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
        if (c != null && c.ws != null) {
            WebSocket ws = c.ws;
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "client stops").orTimeout(1, TimeUnit.SECONDS)
                    .whenComplete((r, e) -> ws.abort());
        }
    }

    /** Drops the current connection (e.g. the consumer fell behind); a new one follows after the backoff. */
    public void abort(String reason) {
        Connection c;
        synchronized (this) {
            c = current;
        }
        if (c != null) {
            c.kill(reason);
        }
    }

    public long connects() {
        return connects.get();
    }

    /** Connections that ended or could not be opened (each is followed by a reconnect unless stopped). */
    public long failures() {
        return failures.get();
    }

    public synchronized boolean connected() {
        return current != null && current.open;
    }

    private void connect() {
        int id;
        synchronized (this) {
            if (stopped) {
                return;
            }
            id = ++generation;
        }
        Connection c = new Connection(id);
        CompletableFuture<WebSocket> f;
        try {
            URI target = uri.get();
            LOG.info("binance stream connection #{} opening {}", id, redact(target));
            f = http.newWebSocketBuilder().connectTimeout(config.connectTimeout()).buildAsync(target, c);
        } catch (RuntimeException e) {
            failed(id, false, "cannot open: " + e);
            return;
        }
        f.whenComplete((ws, err) -> {
            if (err != null) {
                failed(id, false, "handshake failed: " + rootCause(err));
            }
        });
    }

    /** Ends connection {@code id} once (later calls for it are ignored) and schedules the next one. */
    private void failed(int id, boolean wasOpen, String reason) {
        long delay;
        synchronized (this) {
            if (id != generation || failedGeneration == id) {
                return;
            }
            failedGeneration = id;
            if (current != null && current.id == id) {
                current = null;
            }
            if (stopped) {
                return;
            }
            failures.incrementAndGet();
            delay = backoffMs(config, consecutiveFailures++, random.getAsDouble());
        }
        LOG.warn("binance stream connection #{} {}: {}; reconnecting in {} ms", id, wasOpen ? "lost" : "not opened", reason, delay);
        if (wasOpen) {
            listener.onDisconnected(id, reason);
        }
        try {
            timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.info("binance stream connection #{} not replaced: the feed is shutting down", id);
        }
    }

    /**
     * Delay before reconnect attempt {@code failures} (0 = first): {@code initial * 2^failures}, capped at the
     * maximum, then spread by ±jitter ({@code r} uniform in [0, 1)) so many clients do not reconnect in step.
     */
    static long backoffMs(BinanceConfig config, int failures, double r) {
        long initial = config.reconnectInitial().toMillis();
        long max = config.reconnectMax().toMillis();
        long d = failures >= 40 ? max : Math.min(max, initial << Math.min(failures, 40));
        double spread = 1.0 + config.reconnectJitter() * (2.0 * r - 1.0);
        return Math.max(1, Math.min(max, Math.round(d * spread)));
    }

    private void checkIdle() {
        Connection c;
        synchronized (this) {
            c = current;
        }
        if (c != null && c.open) {
            long idleMs = (System.nanoTime() - c.lastActivityNanos) / 1_000_000L;
            if (idleMs > config.idleTimeout().toMillis()) {
                c.kill("no message for " + idleMs + " ms (idle timeout " + config.idleTimeout().toMillis() + " ms)");
            }
        }
    }

    /** A user-data stream's path is its listenKey (a credential for reading the account): not logged in full. */
    private static String redact(URI u) {
        String s = u.toString();
        int i = s.indexOf("/ws/");
        return i >= 0 && s.length() > i + 12 ? s.substring(0, i + 8) + "..." : s;
    }

    private static String rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.toString();
    }

    /** One WebSocket connection and its listener. */
    private final class Connection implements WebSocket.Listener {
        final int id;
        private final StringBuilder partial = new StringBuilder();
        volatile WebSocket ws;
        volatile boolean open;
        volatile long lastActivityNanos = System.nanoTime();
        private boolean delivered;

        Connection(int id) {
            this.id = id;
        }

        void kill(String reason) {
            WebSocket w = ws;
            if (w != null) {
                w.abort();
            }
            failed(id, open, reason);
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            synchronized (BinanceStreamClient.this) {
                if (stopped || id != generation) {
                    webSocket.abort();
                    return;
                }
                current = this;
                open = true;
            }
            connects.incrementAndGet();
            lastActivityNanos = System.nanoTime();
            LOG.info("binance stream connection #{} open", id);
            listener.onConnected(id);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastActivityNanos = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (current != this) {
                    return null; // a replaced connection's last words: its successor owns the stream now
                }
                if (!delivered) {
                    delivered = true;
                    synchronized (BinanceStreamClient.this) {
                        consecutiveFailures = 0; // a message arrived: the connection is healthy
                    }
                }
                listener.onMessage(id, text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastActivityNanos = System.nanoTime(); // Binance's JSON streams send no binary frames; ignore them
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastActivityNanos = System.nanoTime(); // the JDK client has already queued the pong
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastActivityNanos = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            failed(id, open, "closed, status " + statusCode + (statusCode == 1006 ? " (abnormal: no close frame)" : "") + (reason == null || reason.isEmpty() ? "" : " " + reason));
            webSocket.abort();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failed(id, open, "error: " + rootCause(error));
        }
    }
}
