package org.concord.testkit.exchange;

import org.concord.model.Symbol;
import org.concord.testkit.exchange.LoopbackRestServer.Request;
import org.concord.testkit.exchange.LoopbackRestServer.Response;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One spot account on the loopback exchange, with Binance's signed endpoints and its user-data stream:
 * {@code POST/DELETE/GET /api/v3/order}, {@code POST /api/v3/order/oco}, {@code GET /api/v3/openOrders},
 * {@code GET /api/v3/account}, {@code GET /api/v3/myTrades} and
 * {@code POST/PUT/DELETE /api/v3/userDataStream}; events ({@code executionReport}, {@code outboundAccountPosition})
 * go to {@code /ws/<listenKey>} on the exchange's WebSocket server.
 *
 * <p>Checks like Binance's: the {@code X-MBX-APIKEY} header (-2015), the HMAC-SHA256 signature recomputed over
 * the query string and the body exactly as sent, the signature parameter removed (-1022 "Signature for this
 * request is not valid."), the timestamp against the wall clock and recvWindow (-1021), symbol filters (-1013
 * "Filter failure: ..."), balances (-2010 insufficient balance), duplicate client ids among open orders (-2010
 * "Duplicate order sent."), unknown orders (-2011 on cancel, -2013 on query). Rate limits come from the REST
 * server's scripted faults ({@link LoopbackRestServer#failNext}).
 *
 * <p>Matching ({@link SpotMatcher}): market orders, and limit orders that are marketable, fill at once at the last
 * price of the real data; resting limit orders fill against each later real trade that reaches their price, up
 * to that trade's size (partial fills); stop orders trigger on a trade through the stop and fill at that trade's
 * price. Commission 10 bps: a buy pays it in the base asset, a sell in the quote asset.
 */
public final class LoopbackSpotAccount {
    /** A listed symbol's rules as exchangeInfo shows them. */
    public record Listing(String symbol, String base, String quote, BigDecimal tick, BigDecimal step, BigDecimal minNotional) {
    }

    /** One order on the exchange (mutable; guarded by the account's lock). */
    public static final class Ord {
        long id;
        String clientId;
        String symbol;
        String side;
        String type;
        String tif;
        double qty;
        double price;
        double stop;
        double executed;
        double cumQuote;
        String status;
        long time;
        long updateTime;
        long listId = -1;
        Ord sibling;
        double lockedQuote;
        double lockedBase;
        final List<String> reports = new ArrayList<>();

        public String clientId() {
            return clientId;
        }

        public String status() {
            return status;
        }

        public double executed() {
            return executed;
        }

        boolean open() {
            return status.equals("NEW") || status.equals("PARTIALLY_FILLED");
        }

        boolean buy() {
            return side.equals("BUY");
        }
    }

    /** One of the account's trades. */
    public record Trade(String symbol, long id, long orderId, double price, double qty, double commission, String commissionAsset,
                        long time, boolean buyer, boolean maker) {
    }

    static final double FEE = 0.001;

    private final LoopbackBinance exchange;
    private final String apiKey;
    private final byte[] apiSecret;
    final Map<String, Listing> listings;
    final Map<String, double[]> balances = new LinkedHashMap<>();
    final List<Ord> orders = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    private final List<String> newOrderIds = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final AtomicInteger dropAfterNewOrder = new AtomicInteger();
    private final SpotMatcher matcher;
    private volatile String listenKey;
    private long nextOrderId = 1000;
    long nextTradeId = 50_000;
    long nextListId = 1;

    /** An account on {@code exchange} for the given key pair; its markets are listed as the exchange's exchangeInfo shows them. */
    public LoopbackSpotAccount(LoopbackBinance exchange, String apiKey, String apiSecret) {
        this.exchange = exchange;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret.getBytes(StandardCharsets.UTF_8);
        this.listings = exchange.listings();
        this.matcher = new SpotMatcher(this);
        install(exchange.rest());
        exchange.addStepListener(this::onMinute);
    }

    // ---------------------------------------------------------------- test controls

    public synchronized void deposit(String asset, double amount) {
        balances.computeIfAbsent(asset, a -> new double[2])[0] += amount;
    }

    /** {free, locked} of {@code asset}. */
    public synchronized double[] balance(String asset) {
        return balances.getOrDefault(asset, new double[2]).clone();
    }

    /** The next new-order request is executed, then its connection is closed without an answer. */
    public void dropConnectionAfterNextNewOrder() {
        dropAfterNewOrder.incrementAndGet();
    }

    /** Client order ids of every new-order request that passed authentication, in arrival order. */
    public List<String> newOrderRequests() {
        return List.copyOf(newOrderIds);
    }

    /** Orders the exchange created with this client id. */
    public synchronized long ordersPlaced(String clientId) {
        return orders.stream().filter(o -> o.clientId.equals(clientId)).count();
    }

    public synchronized Ord order(String clientId) {
        for (int i = orders.size() - 1; i >= 0; i--) {
            if (orders.get(i).clientId.equals(clientId)) {
                return orders.get(i);
            }
        }
        return null;
    }

    public synchronized List<Trade> trades(String clientId) {
        Ord o = order(clientId);
        return o == null ? List.of() : trades.stream().filter(t -> t.orderId() == o.id).toList();
    }

    /** Error answers given (code and message), for assertions. */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    /** Sends every report of the order again (a duplicated stream): a correct client applies each fill once. */
    public synchronized void resendReports(String clientId) {
        Ord o = order(clientId);
        if (o != null) {
            o.reports.forEach(this::publish);
        }
    }

    public String activeListenKey() {
        return listenKey;
    }

    long now() {
        return exchange.now();
    }

    double lastPrice(String symbol) {
        return exchange.lastPrice(Symbol.of(symbol));
    }

    void publish(String payload) {
        String key = listenKey;
        if (key != null) {
            exchange.stream().publish(key, payload);
        }
    }

    private void onMinute(int minute) {
        synchronized (this) {
            matcher.matchMinute(exchange.market(LoopbackBinance.BTCUSDT), minute);
        }
    }

    // ---------------------------------------------------------------- routes

    private void install(LoopbackRestServer rest) {
        rest.route("POST", "/api/v3/order", r -> signed(r, this::newOrder));
        rest.route("POST", "/api/v3/order/oco", r -> signed(r, this::newOco));
        rest.route("DELETE", "/api/v3/order", r -> signed(r, this::cancel));
        rest.route("GET", "/api/v3/order", r -> signed(r, this::query));
        rest.route("GET", "/api/v3/openOrders", r -> signed(r, this::openOrders));
        rest.route("GET", "/api/v3/account", r -> signed(r, p -> {
            synchronized (this) {
                return Response.ok(SpotPayloads.account(balances, now()));
            }
        }));
        rest.route("GET", "/api/v3/myTrades", r -> signed(r, this::myTrades));
        rest.route("POST", "/api/v3/userDataStream", r -> keyed(r, p -> {
            if (listenKey == null) {
                listenKey = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
            }
            return Response.ok("{\"listenKey\":\"" + listenKey + "\"}");
        }));
        rest.route("PUT", "/api/v3/userDataStream", r -> keyed(r, p -> p.get("listenKey") != null && p.get("listenKey").equals(listenKey)
                ? Response.ok("{}") : error(400, -1125, "This listenKey does not exist.")));
        rest.route("DELETE", "/api/v3/userDataStream", r -> keyed(r, p -> {
            if (p.get("listenKey") != null && p.get("listenKey").equals(listenKey)) {
                listenKey = null;
                return Response.ok("{}");
            }
            return error(400, -1125, "This listenKey does not exist.");
        }));
    }

    private interface Handler {
        Response handle(Map<String, String> params);
    }

    /** Query and body parameters (the query wins, as on Binance). */
    private static Map<String, String> params(Request r) {
        Map<String, String> p = new LinkedHashMap<>();
        if (r.body() != null && !r.body().isEmpty()) {
            p.putAll(LoopbackRestServer.parseQuery(r.body()));
        }
        p.putAll(r.query());
        return p;
    }

    private Response keyed(Request r, Handler h) {
        if (!apiKey.equals(r.header("X-MBX-APIKEY"))) {
            return error(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        return h.handle(params(r));
    }

    /** API key, then the signature over totalParams exactly as sent, then timing. */
    private Response signed(Request r, Handler h) {
        if (!apiKey.equals(r.header("X-MBX-APIKEY"))) {
            return error(401, -2015, "Invalid API-key, IP, or permissions for action.");
        }
        String query = r.rawQuery() == null ? "" : r.rawQuery();
        String body = r.body() == null ? "" : r.body();
        String[] q = withoutSignature(query);
        String[] b = withoutSignature(body);
        String sig = q[1] != null ? q[1] : b[1];
        if (sig == null || sig.isEmpty()) {
            return error(400, -1102, "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.");
        }
        if (!hmac(q[0] + b[0]).equalsIgnoreCase(sig)) {
            return error(400, -1022, "Signature for this request is not valid.");
        }
        Map<String, String> p = params(r);
        long ts;
        long window;
        try {
            ts = Long.parseLong(p.getOrDefault("timestamp", ""));
            window = Long.parseLong(p.getOrDefault("recvWindow", "5000"));
        } catch (NumberFormatException e) {
            return error(400, -1102, "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.");
        }
        if (window > 60_000) {
            return error(400, -1131, "recvWindow must be less than 60000");
        }
        long server = System.currentTimeMillis();
        if (!(ts < server + 1000 && server - ts <= window)) {
            return error(400, -1021, "Timestamp for this request is outside of the recvWindow.");
        }
        return h.handle(p);
    }

    /** {text without the signature parameter, the signature or null}. */
    private static String[] withoutSignature(String text) {
        List<String> kept = new ArrayList<>();
        String sig = null;
        if (!text.isEmpty()) {
            for (String pair : text.split("&", -1)) {
                if (pair.startsWith("signature=")) {
                    sig = pair.substring("signature=".length());
                } else {
                    kept.add(pair);
                }
            }
        }
        return new String[] {String.join("&", kept), sig};
    }

    private String hmac(String totalParams) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(apiSecret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Response error(int status, int code, String msg) {
        rejections.add(code + " " + msg);
        return Response.error(status, code, msg);
    }

    // ---------------------------------------------------------------- order endpoints

    private Response newOrder(Map<String, String> p) {
        String cid = p.getOrDefault("newClientOrderId", "auto" + UUID.randomUUID().toString().replace("-", "").substring(0, 18));
        newOrderIds.add(cid);
        Response r;
        synchronized (this) {
            r = matcher.place(p, cid);
        }
        if (dropAfterNewOrder.get() > 0 && dropAfterNewOrder.decrementAndGet() >= 0) {
            return Response.dropConnection();
        }
        return r;
    }

    private Response newOco(Map<String, String> p) {
        synchronized (this) {
            return matcher.placeOco(p);
        }
    }

    private Response cancel(Map<String, String> p) {
        synchronized (this) {
            Ord o = find(p);
            if (o == null || !o.open()) {
                return error(400, -2011, "Unknown order sent.");
            }
            String cancelId = p.getOrDefault("newClientOrderId", "cancel" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
            matcher.finish(o, "CANCELED", cancelId);
            if (o.sibling != null && o.sibling.open()) {
                matcher.finish(o.sibling, "CANCELED", cancelId); // canceling one leg of an order list cancels the list
            }
            return Response.ok(SpotPayloads.canceled(o, cancelId));
        }
    }

    private Response query(Map<String, String> p) {
        synchronized (this) {
            Ord o = find(p);
            return o == null ? error(400, -2013, "Order does not exist.") : Response.ok(SpotPayloads.order(o));
        }
    }

    private Response openOrders(Map<String, String> p) {
        synchronized (this) {
            StringBuilder sb = new StringBuilder("[");
            for (Ord o : orders) {
                if (o.open() && (p.get("symbol") == null || o.symbol.equals(p.get("symbol")))) {
                    sb.append(sb.length() > 1 ? "," : "").append(SpotPayloads.order(o));
                }
            }
            return Response.ok(sb.append(']').toString());
        }
    }

    private Response myTrades(Map<String, String> p) {
        synchronized (this) {
            StringBuilder sb = new StringBuilder("[");
            for (Trade t : trades) {
                if (t.symbol().equals(p.get("symbol")) && (p.get("orderId") == null || Long.toString(t.orderId()).equals(p.get("orderId")))) {
                    sb.append(sb.length() > 1 ? "," : "").append(SpotPayloads.trade(t));
                }
            }
            return Response.ok(sb.append(']').toString());
        }
    }

    private Ord find(Map<String, String> p) {
        String cid = p.get("origClientOrderId");
        String id = p.get("orderId");
        for (int i = orders.size() - 1; i >= 0; i--) {
            Ord o = orders.get(i);
            if (p.get("symbol") != null && !o.symbol.equals(p.get("symbol"))) {
                continue;
            }
            if ((cid != null && o.clientId.equals(cid)) || (id != null && Long.toString(o.id).equals(id))) {
                return o;
            }
        }
        return null;
    }

    long nextOrderId() {
        return nextOrderId++;
    }
}
