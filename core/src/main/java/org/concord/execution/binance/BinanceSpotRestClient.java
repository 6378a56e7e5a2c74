package org.concord.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.execution.Balance;
import org.concord.feed.binance.BinanceApiException;
import org.concord.feed.binance.BinanceMessages;
import org.concord.feed.binance.BinanceRestClient;
import org.concord.model.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binance spot's account and trading REST endpoints. Signed requests carry {@code recvWindow} and {@code timestamp}
 * last, then the {@code signature} ({@link BinanceSigner}) over exactly the text sent: for GET and DELETE the query
 * string, for POST the form body. The API key travels in the {@code X-MBX-APIKEY} header only; nothing secret is
 * logged.
 *
 * <p><b>Retries.</b> 429 and 418 were not processed by the exchange: the call waits the server's {@code Retry-After}
 * (or the backoff) and is re-signed with a fresh timestamp, whatever the request; an ask longer than
 * {@link BinanceSpotConfig#maxRetryAfter()} fails the call. A query ({@code retrySafe}) is also retried after an
 * I/O error or a 5xx. A request that changes state (new order, cancel) is never repeated after an I/O error, a
 * timeout, a 5xx or -1006/-1007: {@link OutcomeUnknownException}, and the caller queries. Other 4xx fail with the
 * exchange's code and message ({@link BinanceApiException}). Thread-safe.
 */
public final class BinanceSpotRestClient {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceSpotRestClient.class);
    private static final long MAX_BACKOFF_MS = 10_000;

    private final BinanceSpotConfig config;
    private final BinanceSigner signer;
    private final HttpClient http;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    public BinanceSpotRestClient(BinanceSpotConfig config, BinanceSigner signer, HttpClient http) {
        if (config == null || signer == null || http == null) {
            throw new IllegalArgumentException("config, signer and http client are required");
        }
        this.config = config;
        this.signer = signer;
        this.http = http;
    }

    public static HttpClient newHttpClient(BinanceSpotConfig config) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout()).build();
    }

    // ---------------------------------------------------------------- endpoints

    /** {@code GET /api/v3/ticker/price}: the venue's last price of {@code symbol} (a public endpoint, weight 2). */
    public double tickerPrice(Symbol symbol) {
        LinkedHashMap<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol.code());
        return SpotJson.tickerPrice(call("GET", "/api/v3/ticker/price", p, Security.NONE, true));
    }

    public List<SymbolRules> exchangeInfo() {
        return SpotJson.exchangeInfo(call("GET", "/api/v3/exchangeInfo", new LinkedHashMap<>(), Security.NONE, true));
    }

    /** {@code POST /api/v3/order}; the params in the order they are sent (symbol, side, type, ...). */
    public JsonNode newOrder(Map<String, String> params) {
        return call("POST", "/api/v3/order", new LinkedHashMap<>(params), Security.SIGNED, false);
    }

    /** {@code POST /api/v3/order/oco}: a one-cancels-other pair (limit maker + stop loss) sharing one quantity. */
    public JsonNode newOco(Map<String, String> params) {
        return call("POST", "/api/v3/order/oco", new LinkedHashMap<>(params), Security.SIGNED, false);
    }

    public SpotJson.ExchangeOrder cancelOrder(Symbol symbol, String clientOrderId) {
        LinkedHashMap<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol.code());
        p.put("origClientOrderId", clientOrderId);
        return SpotJson.order(call("DELETE", "/api/v3/order", p, Security.SIGNED, false));
    }

    /** The order by client id; {@link BinanceApiException} with code -2013 when the exchange does not know it. */
    public SpotJson.ExchangeOrder queryOrder(Symbol symbol, String clientOrderId) {
        LinkedHashMap<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol.code());
        p.put("origClientOrderId", clientOrderId);
        return SpotJson.order(call("GET", "/api/v3/order", p, Security.SIGNED, true));
    }

    public List<SpotJson.ExchangeOrder> openOrders(Symbol symbol) {
        LinkedHashMap<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol.code());
        return SpotJson.orders(call("GET", "/api/v3/openOrders", p, Security.SIGNED, true));
    }

    public List<Balance> accountBalances() {
        return SpotJson.accountBalances(call("GET", "/api/v3/account", new LinkedHashMap<>(), Security.SIGNED, true));
    }

    /** The account's trades of one order, oldest first. */
    public List<SpotJson.AccountTrade> myTrades(Symbol symbol, long orderId) {
        LinkedHashMap<String, String> p = new LinkedHashMap<>();
        p.put("symbol", symbol.code());
        p.put("orderId", Long.toString(orderId));
        return SpotJson.trades(call("GET", "/api/v3/myTrades", p, Security.SIGNED, true));
    }

    public String createListenKey() {
        JsonNode n = call("POST", "/api/v3/userDataStream", new LinkedHashMap<>(), Security.API_KEY, true);
        String key = n.path("listenKey").asText("");
        if (key.isEmpty()) {
            throw new SpotJson.MalformedException("no listenKey in " + SpotJson.abbreviate(n.toString()));
        }
        return key;
    }

    public void keepAliveListenKey(String listenKey) {
        call("PUT", "/api/v3/userDataStream", new LinkedHashMap<>(Map.of("listenKey", listenKey)), Security.API_KEY, true);
    }

    public void closeListenKey(String listenKey) {
        call("DELETE", "/api/v3/userDataStream", new LinkedHashMap<>(Map.of("listenKey", listenKey)), Security.API_KEY, true);
    }

    public long requests() {
        return requests.get();
    }

    public long rateLimited() {
        return rateLimited.get();
    }

    public long retries() {
        return retries.get();
    }

    // ---------------------------------------------------------------- HTTP

    private enum Security { NONE, API_KEY, SIGNED }

    private JsonNode call(String method, String path, LinkedHashMap<String, String> params, Security security, boolean retrySafe) {
        String what = method + " " + path + describe(params);
        for (int attempt = 0; ; attempt++) {
            HttpRequest req = build(method, path, params, security);
            requests.incrementAndGet();
            HttpResponse<String> r;
            try {
                r = http.send(req, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (!retrySafe) {
                    throw new OutcomeUnknownException(what + ": no answer (" + e + "); outcome unknown", e);
                }
                if (attempt >= config.restMaxRetries()) {
                    throw new BinanceApiException(what + " still failing after " + (attempt + 1) + " attempts: " + e, e);
                }
                pause(backoff(attempt), what, "I/O error " + e);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OutcomeUnknownException(what + " interrupted; outcome unknown", e);
            }
            int status = r.statusCode();
            if (status == 200) {
                try {
                    return SpotJson.tree(r.body());
                } catch (SpotJson.MalformedException e) {
                    if (!retrySafe) {
                        throw new OutcomeUnknownException(what + ": unreadable answer (" + e.getMessage() + "); outcome unknown", e);
                    }
                    throw e;
                }
            }
            if (status == 429 || status == 418) {
                rateLimited.incrementAndGet();
                long wait = BinanceRestClient.retryAfterMs(r).orElse(backoff(attempt));
                String ask = "HTTP " + status + (status == 418 ? " (IP banned)" : " (rate limited)") + ", Retry-After "
                        + r.headers().firstValue("Retry-After").orElse("absent");
                if (wait > config.maxRetryAfter().toMillis() || attempt >= config.restMaxRetries()) {
                    throw new BinanceApiException(status, code(status, r.body()), what + ": " + ask + "; not retried (waiting "
                            + wait + " ms exceeds maxRetryAfter " + config.maxRetryAfter().toMillis() + " ms or no retries left)");
                }
                pause(wait, what, ask);
                continue;
            }
            BinanceApiException api = BinanceMessages.apiError(status, r.body());
            boolean unknown = status >= 500 || api.code() == -1006 || api.code() == -1007;
            if (unknown && !retrySafe) {
                throw new OutcomeUnknownException(what + ": " + api.getMessage() + " (HTTP " + status + "); outcome unknown", api);
            }
            if (unknown && attempt < config.restMaxRetries()) {
                pause(backoff(attempt), what, "HTTP " + status);
                continue;
            }
            throw api;
        }
    }

    private static int code(int status, String body) {
        return BinanceMessages.apiError(status, body).code();
    }

    private HttpRequest build(String method, String path, LinkedHashMap<String, String> params, Security security) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            append(q, e.getKey(), e.getValue());
        }
        if (security == Security.SIGNED) {
            append(q, "recvWindow", Long.toString(config.recvWindow().toMillis()));
            append(q, "timestamp", Long.toString(config.clock().getAsLong()));
            String signature = signer.signSynchronized(q.toString());
            append(q, "signature", signature);
        }
        boolean inBody = method.equals("POST") && security == Security.SIGNED;
        String url = config.restUrl() + path + (!inBody && q.length() > 0 ? "?" + q : "");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(config.restTimeout()).header("Accept", "application/json");
        if (security != Security.NONE) {
            b.header(BinanceSigner.API_KEY_HEADER, signer.apiKeyHeader());
        }
        HttpRequest.BodyPublisher body = inBody ? HttpRequest.BodyPublishers.ofString(q.toString()) : HttpRequest.BodyPublishers.noBody();
        if (inBody) {
            b.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return b.method(method, body).build();
    }

    private static void append(StringBuilder q, String k, String v) {
        if (q.length() > 0) {
            q.append('&');
        }
        q.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
    }

    /** What a log line may say about a request: symbol and client ids, never keys or signatures. */
    private static String describe(Map<String, String> p) {
        StringBuilder sb = new StringBuilder();
        for (String k : new String[] {"symbol", "newClientOrderId", "origClientOrderId", "listClientOrderId", "orderId"}) {
            String v = p.get(k);
            if (v != null) {
                sb.append(sb.length() == 0 ? " [" : " ").append(k).append('=').append(v);
            }
        }
        return sb.length() == 0 ? "" : sb.append(']').toString();
    }

    private long backoff(int attempt) {
        return Math.min(MAX_BACKOFF_MS, config.restRetryInitial().toMillis() << Math.min(attempt, 20));
    }

    private void pause(long ms, String what, String why) {
        retries.incrementAndGet();
        LOG.warn("binance spot {}: {}; retrying in {} ms", what, why, ms);
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BinanceApiException(what + " interrupted while waiting to retry", e);
        }
    }
}
