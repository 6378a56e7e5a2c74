package org.concord.testkit.exchange;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket half of the loopback exchange: a real RFC 6455 server (Java-WebSocket) on 127.0.0.1 serving
 * Binance's stream endpoints: combined streams at {@code /stream?streams=a/b/c} (each message wrapped as
 * {@code {"stream":..,"data":..}}) and raw streams at {@code /ws/<stream>}. Faults: {@link #dropAll()} closes
 * every TCP connection abruptly (no close frame), {@link #setAccepting(boolean) setAccepting(false)} refuses new
 * handshakes (the exchange is unreachable), {@link #sendRawToAll} sends any text (malformed messages).
 */
public final class LoopbackStreamServer extends WebSocketServer implements AutoCloseable {
    /** What one connection subscribed to. */
    public record Subscription(Set<String> streams, boolean combined) {
    }

    private final CountDownLatch started = new CountDownLatch(1);
    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    private final List<Long> refusedAtNanos = new CopyOnWriteArrayList<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger pongs = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile boolean accepting = true;

    public LoopbackStreamServer() {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(0); // pings are sent by the test (pingAll), not on a timer
    }

    /** Starts the server and waits until it listens. */
    public LoopbackStreamServer startAndWait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("loopback WebSocket server did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("ws://127.0.0.1:" + getPort());
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        if (!accepting) {
            refusedAtNanos.add(System.nanoTime());
            throw new InvalidDataException(CloseFrame.TRY_AGAIN_LATER, "loopback exchange is refusing connections");
        }
        if (subscription(request.getResourceDescriptor()) == null) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "unknown path " + request.getResourceDescriptor());
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    /** Parses {@code /stream?streams=a/b} or {@code /ws/a}; null for any other path. */
    static Subscription subscription(String resource) {
        if (resource == null) {
            return null;
        }
        if (resource.startsWith("/stream?streams=")) {
            String list = URLDecoder.decode(resource.substring("/stream?streams=".length()), StandardCharsets.UTF_8);
            Set<String> s = new LinkedHashSet<>(List.of(list.split("/")));
            s.remove("");
            return s.isEmpty() ? null : new Subscription(Set.copyOf(s), true);
        }
        if (resource.startsWith("/ws/") && resource.length() > 4) {
            return new Subscription(Set.of(resource.substring(4)), false);
        }
        return null;
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        conn.setAttachment(subscription(handshake.getResourceDescriptor()));
        open.add(conn);
        opened.incrementAndGet();
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        open.remove(conn);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        received.add(message); // Binance answers SUBSCRIBE etc.; this feed never sends any, so only record them
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        if (conn != null) {
            open.remove(conn);
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void onWebsocketPong(WebSocket conn, Framedata f) {
        pongs.incrementAndGet();
    }

    /** Sends {@code payload} on {@code stream} to every connection subscribed to it. */
    public void publish(String stream, String payload) {
        for (WebSocket c : open) {
            Subscription s = c.getAttachment();
            if (s != null && s.streams().contains(stream) && c.isOpen()) {
                try {
                    c.send(s.combined() ? BinanceJson.combined(stream, payload) : payload);
                } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
                    // closed between the check and the send: the message is lost, as on a real network
                }
            }
        }
    }

    /** Whether any open connection listens to {@code stream} (to skip building payloads nobody gets). */
    public boolean hasSubscriber(String stream) {
        for (WebSocket c : open) {
            Subscription s = c.getAttachment();
            if (s != null && s.streams().contains(stream) && c.isOpen()) {
                return true;
            }
        }
        return false;
    }

    /** Sends {@code text} as is to every open connection. */
    public void sendRawToAll(String text) {
        for (WebSocket c : open) {
            if (c.isOpen()) {
                try {
                    c.send(text);
                } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
                    // closed meanwhile: lost
                }
            }
        }
    }

    /** Closes every connection's socket at once, without a close frame (what a network failure looks like). */
    public void dropAll() {
        for (WebSocket c : open) {
            c.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by the loopback exchange");
            open.remove(c);
        }
    }

    /** Sends a ping frame on every open connection (count the pongs with {@link #pongs()}). */
    public void pingAll() {
        for (WebSocket c : open) {
            if (c.isOpen()) {
                c.sendPing();
            }
        }
    }

    /** false: new handshakes are refused with an HTTP error (connections already open stay). */
    public void setAccepting(boolean accepting) {
        this.accepting = accepting;
    }

    public int openConnections() {
        return (int) open.stream().filter(WebSocket::isOpen).count();
    }

    /** Connections accepted since start. */
    public int opened() {
        return opened.get();
    }

    public List<Long> refusedAtNanos() {
        return List.copyOf(refusedAtNanos);
    }

    public int pongs() {
        return pongs.get();
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code n} connections have been accepted in total. */
    public boolean awaitOpened(int n, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (opened.get() >= n && openConnections() > 0) {
                return true;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
