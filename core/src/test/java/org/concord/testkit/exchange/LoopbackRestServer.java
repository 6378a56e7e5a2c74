package org.concord.testkit.exchange;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The REST half of the loopback exchange: a real HTTP/1.1 server on 127.0.0.1 (the JDK's
 * {@link HttpServer}) with routes added by {@link #route}, so later work can add endpoints (signed order
 * routes) beside the market-data ones. Scripted faults answer the next matching requests instead of the route:
 * an HTTP status with an optional {@code Retry-After}, or any body (malformed JSON). Every answered request is
 * recorded ({@link #served()}).
 */
public final class LoopbackRestServer implements AutoCloseable {
    /**
     * A request as a route sees it: query parameters decoded (last value wins), headers, body, and the query string
     * exactly as sent ({@code rawQuery}, null when none: signed routes verify signatures over it).
     */
    public record Request(String method, String path, Map<String, String> query, Map<String, List<String>> headers, String body,
                          String rawQuery) {
        public String param(String name) {
            return query.get(name);
        }

        public String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    /** A response: status, JSON body, extra headers. */
    public record Response(int status, String body, Map<String, String> headers) {
        public static Response ok(String body) {
            return new Response(200, body, Map.of());
        }

        /** Not a response: the server closes the connection without answering (the route's work is done). */
        public static Response dropConnection() {
            return DROP;
        }

        /** Binance's error shape {@code {"code":..,"msg":..}}. */
        public static Response error(int status, int code, String msg) {
            return new Response(status, BinanceJson.error(code, msg), Map.of());
        }
    }

    private static final Response DROP = new Response(-1, "", Map.of());

    @FunctionalInterface
    public interface Route {
        Response handle(Request request);
    }

    /** One answered request, for assertions (time is {@link System#nanoTime()}). */
    public record Served(String method, String path, String query, int status, boolean fault, long atNanos) {
    }

    private record Fault(String pathPrefix, Response response, int[] remaining) {
    }

    static {
        // The JDK server writes headers and body separately; with Nagle on, the client's delayed ACK adds ~40 ms to
        // every exchange. Read once by the JDK when its first server starts, so set before any is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<Served> served = new CopyOnWriteArrayList<>();

    public LoopbackRestServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the loopback REST server", e);
        }
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "loopback-rest");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds or replaces the route for {@code method} and exact {@code path} (e.g. "GET", "/api/v3/klines"). */
    public void route(String method, String path, Route route) {
        routes.put(method.toUpperCase() + " " + path, route);
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} get {@code status} (and Retry-After seconds if not null). */
    public void failNext(String pathPrefix, int times, int status, Integer retryAfterSeconds) {
        Map<String, String> h = retryAfterSeconds == null ? Map.of() : Map.of("Retry-After", Integer.toString(retryAfterSeconds));
        String body = status == 429 ? BinanceJson.error(-1003, "Too many requests; current limit is 6000 request weight per 1 MINUTE.")
                : BinanceJson.error(-1000, "An unknown error occurred while processing the request.");
        addFault(pathPrefix, times, new Response(status, body, h));
    }

    /** The next {@code times} requests whose path starts with {@code pathPrefix} get this exact body (e.g. broken JSON). */
    public void respondNext(String pathPrefix, int times, int status, String body) {
        addFault(pathPrefix, times, new Response(status, body, Map.of()));
    }

    private synchronized void addFault(String pathPrefix, int times, Response r) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be >= 1");
        }
        faults.add(new Fault(pathPrefix, r, new int[] {times}));
    }

    private synchronized Response takeFault(String path) {
        for (int i = 0; i < faults.size(); i++) {
            Fault f = faults.get(i);
            if (path.startsWith(f.pathPrefix())) {
                if (--f.remaining()[0] == 0) {
                    faults.remove(i);
                }
                return f.response();
            }
        }
        return null;
    }

    /** Requests answered so far, in order. */
    public List<Served> served() {
        return Collections.unmodifiableList(new ArrayList<>(served));
    }

    /** Requests answered so far on {@code path}. */
    public List<Served> served(String path) {
        return served.stream().filter(s -> s.path().equals(path)).toList();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        long at = System.nanoTime();
        String path = ex.getRequestURI().getPath();
        String rawQuery = ex.getRequestURI().getRawQuery();
        Response r;
        boolean fault = false;
        try (InputStream in = ex.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            r = takeFault(path);
            if (r != null) {
                fault = true;
            } else {
                Route route = routes.get(ex.getRequestMethod().toUpperCase() + " " + path);
                r = route == null ? Response.error(404, -1000, "Unknown path " + path)
                        : route.handle(new Request(ex.getRequestMethod(), path, parseQuery(rawQuery), ex.getRequestHeaders(), body, rawQuery));
            }
        } catch (RuntimeException e) {
            r = Response.error(500, -1000, "loopback route failed: " + e);
        }
        served.add(new Served(ex.getRequestMethod(), path, rawQuery, r.status(), fault, at));
        if (r == DROP) {
            ex.close(); // no response headers sent: the JDK server closes the TCP connection
            return;
        }
        byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(r.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Decodes {@code a=1&b=2} (a query string or a form body); the last value of a repeated name wins. */
    public static Map<String, String> parseQuery(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
