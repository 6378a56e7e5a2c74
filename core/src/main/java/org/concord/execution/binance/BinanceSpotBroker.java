package org.concord.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.bus.EventBus;
import org.concord.data.BarListener;
import org.concord.data.Subscription;
import org.concord.data.TradeListener;
import org.concord.execution.AccountView;
import org.concord.execution.Balance;
import org.concord.execution.Broker;
import org.concord.execution.ExecutionListener;
import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.Order;
import org.concord.execution.OrderEvent;
import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.concord.execution.Position;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.PreTradeDecision;
import org.concord.execution.TimeInForce;
import org.concord.feed.binance.BinanceApiException;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.secrets.ApiCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * {@link Broker} on Binance spot (testnet or live). Same contract as {@link org.concord.execution.PaperBroker}:
 * idempotent submit by client order id, the {@link PreTradeCheck} first, every transition an {@link OrderEvent},
 * a fill before the order event it causes.
 *
 * <p><b>Threading.</b> Every method, including {@link #poll()}, is called on the decision thread; REST calls are
 * made there, blocking, bounded by the configured timeouts. The user-data stream's I/O threads only queue what
 * they receive; {@link #poll()} applies it (fills, state changes, balances) on the decision thread, so listeners
 * are called there too. {@link #submit} returns once the exchange acknowledged the order (NEW) or refused it
 * (REJECTED); fills arrive through {@link #poll()}.
 *
 * <p><b>Before sending</b>: the risk check, then {@link ExchangeFilters} (quantity rounded down to the lot step,
 * prices to the tick, min notional) so the exchange does not reject for rounding; the order carries the rounded
 * values. The request is written to the journal (forced to disk) before it is sent.
 *
 * <p><b>Never twice.</b> When a new-order request got no answer (dropped connection, timeout, 5xx) the order is
 * queried by its client id until it appears or its recvWindow has passed (then it cannot be executed any more and
 * is declared not placed); it is never resent. After a stream reconnect, and at {@link #start()} after a restart
 * (same data directory), every unfinished order is queried and its missed trades fetched ({@code myTrades}) and
 * applied once, keyed by trade id.
 *
 * <p><b>Exits</b> (stop-loss / take-profit) are placed when the parent is done, for the quantity the account
 * received (fills minus commission charged in the base asset): both as one Binance OCO order list (the exchange
 * cancels one when the other executes; a spot balance cannot back two separate sell orders), one alone as a
 * STOP_LOSS or LIMIT order.
 *
 * <p><b>Replace</b> is cancel-then-new: the new order passes the risk check and the filters first (refused there,
 * the old one keeps working); then the old one is canceled (its funds are needed for the new one on a spot
 * account) and the new one sent. If the exchange refuses the new one, the old one stays canceled.
 */
public final class BinanceSpotBroker implements Broker, AccountView, TradeListener, BarListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceSpotBroker.class);
    private static final double EPS = 1e-9;

    private record Inbound(int kind, int connection, String text) {
        static final int MESSAGE = 0;
        static final int CONNECTED = 1;
        static final int DISCONNECTED = 2;
    }

    private record Prepared(ExchangeFilters.Result filtered, String refusal) {
    }

    private final BinanceSpotConfig config;
    private final PreTradeCheck preTrade;
    private final BinanceSpotRestClient rest;
    private final UserDataStream stream;
    private final SpotJournal journal;
    private final SpotOrderBook book;
    private final ConcurrentLinkedQueue<Inbound> inbox = new ConcurrentLinkedQueue<>();
    private final Map<String, Balance> balances = new LinkedHashMap<>();
    private final Map<Symbol, Double> marks = new LinkedHashMap<>();
    private final Set<String> unpricedFeeAssets = new LinkedHashSet<>();
    private ExchangeFilters filters = new ExchangeFilters(List.of());
    private SpotOrder replacing;
    private long seq;
    private long time;
    private boolean started;
    private long reconciliations;

    /**
     * An adapter (nothing is contacted until {@link #start()}).
     *
     * @param dataDir  the data directory: state goes to {@code <dataDir>/execution/<venue>/}
     * @param preTrade the risk gate (the unified risk manager's {@code preTradeCheck()})
     * @param bus      where order events and fills are published, or null
     */
    public BinanceSpotBroker(BinanceSpotConfig config, ApiCredentials credentials, Path dataDir, PreTradeCheck preTrade, EventBus bus) {
        if (config == null || credentials == null || dataDir == null || preTrade == null) {
            throw new IllegalArgumentException("config, credentials, data directory and pre-trade check are required");
        }
        this.config = config;
        this.preTrade = preTrade;
        HttpClient http = BinanceSpotRestClient.newHttpClient(config);
        this.rest = new BinanceSpotRestClient(config, new BinanceSigner(credentials), http);
        this.journal = new SpotJournal(dataDir.resolve("execution").resolve(config.venue()));
        this.book = new SpotOrderBook(journal, bus);
        this.stream = new UserDataStream(config, rest, http, new UserDataStream.Sink() {
            @Override
            public void onConnected(int connection) {
                inbox.add(new Inbound(Inbound.CONNECTED, connection, null));
            }

            @Override
            public void onMessage(String text) {
                inbox.add(new Inbound(Inbound.MESSAGE, 0, text));
            }

            @Override
            public void onDisconnected(int connection, String reason) {
                inbox.add(new Inbound(Inbound.DISCONNECTED, connection, reason));
            }
        });
    }

    /** Creates and {@link #start()}s an adapter. */
    public static BinanceSpotBroker connect(BinanceSpotConfig config, ApiCredentials credentials, Path dataDir, PreTradeCheck preTrade, EventBus bus) {
        BinanceSpotBroker b = new BinanceSpotBroker(config, credentials, dataDir, preTrade, bus);
        b.start();
        return b;
    }

    /** Loads the symbol filters and balances, replays the journal, reconciles every unfinished order, opens the user-data stream. */
    public void start() {
        if (started) {
            throw new IllegalStateException("adapter already started");
        }
        started = true;
        List<SymbolRules> listed = new ArrayList<>();
        for (SymbolRules r : rest.exchangeInfo()) {
            if (config.symbols().contains(r.symbol())) {
                listed.add(r);
            }
        }
        filters = new ExchangeFilters(listed);
        for (Symbol s : config.symbols()) {
            if (filters.rules(s).isEmpty()) {
                throw new IllegalStateException("symbol " + s + " is not listed on " + config.restUrl());
            }
        }
        journal.replay(e -> {
            if (e.type() == SpotJournal.Type.SEQ && e.orderId() != null) {
                seq = Math.max(seq, e.orderId());
            } else {
                book.restore(e);
            }
        });
        for (SpotOrder o : book.all()) {
            String id = o.clientOrderId();
            String p = config.clientIdPrefix() + "-";
            if (id.startsWith(p) && id.substring(p.length()).matches("\\d{1,15}")) {
                seq = Math.max(seq, Long.parseLong(id.substring(p.length())));
            }
        }
        LOG.info("binance spot adapter {} starting ({}, journal {})", config.venue(), config.environment(), journal.file());
        refreshBalances(); // fails loudly on wrong credentials or a refused signature
        reconcileAll("start");
        stream.start();
    }

    public BinanceSpotConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- stream events (decision thread)

    /**
     * Applies what the user-data stream delivered since the last call (fills, state changes, balances) and, after a
     * (re)connection, reconciles with REST. Call it on the decision thread, e.g. once per loop turn.
     *
     * @return the number of stream items processed
     */
    public int poll() {
        int n = 0;
        Inbound in;
        while ((in = inbox.poll()) != null) {
            n++;
            switch (in.kind()) {
                case Inbound.CONNECTED -> reconcileAll("user-data stream connection #" + in.connection());
                case Inbound.DISCONNECTED -> LOG.warn("binance user-data stream lost ({}): events are reconciled over REST on reconnect", in.text());
                default -> onMessage(in.text());
            }
        }
        return n;
    }

    private void onMessage(String text) {
        try {
            JsonNode e = SpotJson.event(text);
            switch (e.get("e").asText()) {
                case "executionReport" -> onReport(SpotJson.executionReport(e));
                case "outboundAccountPosition" -> {
                    for (Balance b : SpotJson.accountPosition(e).balances()) {
                        balances.put(b.asset(), b);
                    }
                }
                default -> { } // balanceUpdate, listStatus: balances follow in outboundAccountPosition, legs in executionReports
            }
        } catch (RuntimeException ex) {
            LOG.warn("binance user-data message not understood ({}): {}; reconciling over REST", ex.getMessage(), SpotJson.abbreviate(text));
            reconcileAll("unreadable stream message");
        }
    }

    private void onReport(SpotJson.ExecutionReport er) {
        time = Math.max(time, er.eventTime());
        SpotOrder o = "CANCELED".equals(er.executionType()) && !er.originalClientOrderId().isEmpty()
                ? book.get(er.originalClientOrderId()) : null;
        if (o == null) {
            o = book.get(er.clientOrderId());
        }
        if (o == null) {
            LOG.info("binance report for order {} ({} {}) not placed by this adapter: balances reflect it, the blotter does not",
                    er.clientOrderId(), er.symbol(), er.executionType());
            return;
        }
        resolved(o, er.orderId(), er.eventTime());
        switch (er.executionType()) {
            case "TRADE" -> {
                SymbolRules r = rules(o);
                book.applyTrade(o, er.tradeId(), er.lastQty(), er.lastPrice(), feeInQuote(r, er.commission(), er.commissionAsset(), er.lastPrice()),
                        er.commissionAsset().equals(r.baseAsset()) ? er.commission() : 0, er.maker() ? Liquidity.MAKER : Liquidity.TAKER,
                        er.transactTime());
                if (er.cumulativeQty() > o.filled + EPS) {
                    fetchTrades(o); // a trade report was missed: take them all from REST
                }
                afterDone(o);
            }
            case "CANCELED", "EXPIRED", "REJECTED", "TRADE_PREVENTION" -> {
                if (er.cumulativeQty() > o.filled + EPS) {
                    fetchTrades(o);
                }
                finishFromExchange(o, er.executionType(), er.rejectReason(), er.eventTime());
            }
            default -> { } // NEW: the order is NEW already
        }
    }

    // ---------------------------------------------------------------- orders in

    @Override
    public Order submit(OrderRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("order request is null");
        }
        requireStarted();
        SpotOrder existing = book.get(request.clientOrderId());
        if (existing != null) {
            return existing.snapshot();
        }
        Prepared p = prepare(request);
        return place(p, request, null);
    }

    private Order place(Prepared p, OrderRequest request, String parent) {
        SpotOrder o = book.create(p.refusal() == null ? p.filtered().request() : request, parent, now());
        if (p.refusal() != null) {
            LOG.info("order {} rejected before sending: {}", request.clientOrderId(), p.refusal());
            book.rejectNew(o, p.refusal(), now());
            return o.snapshot();
        }
        send(o, params(p.filtered()));
        return o.snapshot();
    }

    /** Risk first (the rule is named), then what Binance spot cannot do, then the exchange's filters. */
    private Prepared prepare(OrderRequest r) {
        if (!config.symbols().contains(r.symbol())) {
            return new Prepared(null, "symbol " + r.symbol() + " is not traded by this adapter (configured: " + config.symbols() + ")");
        }
        PreTradeDecision d = preTrade.check(r, this);
        if (!d.accepted()) {
            return new Prepared(null, "risk rule " + d.rule() + ": " + d.message());
        }
        if (d.overridden()) {
            LOG.warn("order {} accepted under a manual risk override of {}: {}", r.clientOrderId(), d.rule(), d.message());
        }
        if (r.timeInForce() == TimeInForce.GTD) {
            return new Prepared(null, "Binance spot has no good-till-date orders: use GTC and cancel, or IOC");
        }
        ExchangeFilters.Result f = filters.apply(r, markPrice(r.symbol()));
        return f.accepted() ? new Prepared(f, null) : new Prepared(null, f.refusal());
    }

    private static Map<String, String> params(ExchangeFilters.Result f) {
        OrderRequest r = f.request();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", r.symbol().code());
        p.put("side", r.side().name());
        switch (r.type()) {
            case MARKET -> p.put("type", "MARKET");
            case LIMIT -> {
                p.put("type", "LIMIT");
                p.put("timeInForce", r.timeInForce() == TimeInForce.IOC ? "IOC" : "GTC");
            }
            case STOP -> p.put("type", "STOP_LOSS");
        }
        p.put("quantity", f.quantity().toPlainString());
        if (f.limitPrice() != null) {
            p.put("price", f.limitPrice().toPlainString());
        }
        if (f.stopPrice() != null) {
            p.put("stopPrice", f.stopPrice().toPlainString());
        }
        p.put("newClientOrderId", r.clientOrderId());
        p.put("newOrderRespType", "ACK");
        return p;
    }

    /** Sends a new order once; an unanswered send is resolved by querying, never by sending again. */
    private void send(SpotOrder o, Map<String, String> params) {
        try {
            JsonNode ack = rest.newOrder(params);
            o.orderId = ack.path("orderId").asLong();
            book.transition(o, OrderState.NEW, "", now(), 0, 0);
        } catch (BinanceApiException e) {
            LOG.info("order {} rejected by the exchange: {}", o.clientOrderId(), e.getMessage());
            book.rejectNew(o, "exchange rejected: " + e.getMessage(), now());
        } catch (OutcomeUnknownException e) {
            markUnknown(o, e.getMessage());
            resolveUnknown(o, true);
        }
    }

    private void markUnknown(SpotOrder o, String why) {
        o.outcomeUnknown = true;
        o.sentAt = now();
        LOG.warn("order {}: {}; querying it by client id (it is never sent twice)", o.clientOrderId(), why);
    }

    /**
     * Finds out whether an order of unknown outcome exists. {@code wait}: keep asking until it appears or its
     * recvWindow (+ grace) has passed; without waiting, one query. Still unknown: NEW, flagged, reconciled later.
     */
    private void resolveUnknown(SpotOrder o, boolean wait) {
        long deadline = o.sentAt + config.recvWindow().toMillis() + config.unknownOutcomeGrace().toMillis();
        long giveUp = System.currentTimeMillis() + config.recvWindow().toMillis() + config.unknownOutcomeGrace().toMillis()
                + config.restTimeout().toMillis();
        while (true) {
            try {
                adopt(o, rest.queryOrder(o.request.symbol(), o.clientOrderId()));
                LOG.info("order {} of unknown outcome found on the exchange: {}", o.clientOrderId(), o.state);
                return;
            } catch (BinanceApiException e) {
                if (e.code() == -2013 && now() > deadline) {
                    notPlaced(o);
                    return;
                }
                if (e.code() != -2013) {
                    LOG.warn("order {}: query failed ({})", o.clientOrderId(), e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.warn("order {}: query failed ({})", o.clientOrderId(), e.getMessage());
            }
            if (!wait || System.currentTimeMillis() > giveUp) {
                if (o.state == null) {
                    book.transition(o, OrderState.NEW, "submit outcome unknown: reconciling with the exchange", now(), 0, 0);
                }
                return;
            }
            sleep(Math.min(250, Math.max(20, config.recvWindow().toMillis() / 10)));
        }
    }

    private void notPlaced(SpotOrder o) {
        String why = "not placed: the exchange has no order " + o.clientOrderId() + " after its recvWindow passed (the send got no answer)";
        LOG.warn("order {} {}", o.clientOrderId(), why);
        if (o.state == null) {
            book.rejectNew(o, why, now());
        } else {
            book.transition(o, OrderState.CANCELED, why, now(), 0, 0);
        }
    }

    /** The exchange has the order: take its id, emit NEW if nothing was emitted yet, then catch up with it. */
    private void adopt(SpotOrder o, SpotJson.ExchangeOrder eo) {
        resolved(o, eo.orderId(), now());
        sync(o, eo);
    }

    private void resolved(SpotOrder o, long orderId, long at) {
        if (o.orderId == 0) {
            o.orderId = orderId;
        }
        if (o.state == null) {
            o.outcomeUnknown = false;
            book.transition(o, OrderState.NEW, "", at, 0, 0);
        } else if (o.outcomeUnknown) {
            o.outcomeUnknown = false;
            if (o.reason.startsWith("submit outcome unknown")) {
                o.reason = "";
            }
        }
    }

    /** Applies the exchange's view of an order: missed trades first, then a final state. */
    private void sync(SpotOrder o, SpotJson.ExchangeOrder eo) {
        if (eo.executedQty() > o.filled + EPS) {
            fetchTrades(o);
        }
        switch (eo.status()) {
            case "CANCELED", "EXPIRED", "REJECTED", "EXPIRED_IN_MATCH" -> finishFromExchange(o, eo.status(), "", now());
            default -> afterDone(o);
        }
    }

    private void fetchTrades(SpotOrder o) {
        SymbolRules r = rules(o);
        List<SpotJson.AccountTrade> trades = new ArrayList<>(rest.myTrades(o.request.symbol(), o.orderId));
        trades.sort(Comparator.comparingLong(SpotJson.AccountTrade::id));
        for (SpotJson.AccountTrade t : trades) {
            if (t.orderId() == o.orderId && !book.knowsTrade(t.id())) {
                book.applyTrade(o, t.id(), t.qty(), t.price(), feeInQuote(r, t.commission(), t.commissionAsset(), t.price()),
                        t.commissionAsset().equals(r.baseAsset()) ? t.commission() : 0, t.maker() ? Liquidity.MAKER : Liquidity.TAKER, t.time());
            }
        }
    }

    private void finishFromExchange(SpotOrder o, String status, String rejectReason, long at) {
        if (!o.working()) {
            return;
        }
        if (SpotOrderBook.isFull(o)) {
            afterDone(o);
            return;
        }
        SpotOrder sib = book.get(o.ocoSiblingId);
        String reason;
        OrderState next;
        if (status.equals("CANCELED")) {
            next = OrderState.CANCELED;
            reason = o.cancelRequested ? (o.reason.isEmpty() ? "canceled by client" : o.reason) : "canceled on the exchange";
        } else if (status.startsWith("EXPIRED") || status.equals("TRADE_PREVENTION")) {
            next = OrderState.EXPIRED;
            reason = sib != null && sib.filled > 0 ? "one-cancels-other: " + sib.clientOrderId() + " executed" : "expired on the exchange (" + status + ")";
        } else {
            next = OrderState.CANCELED;
            reason = "rejected by the exchange after acceptance: " + rejectReason;
        }
        book.transition(o, next, reason, at, 0, 0);
        afterDone(o);
    }

    // ---------------------------------------------------------------- cancel / replace

    @Override
    public Order cancel(String clientOrderId) {
        SpotOrder o = find(clientOrderId);
        if (o.state == OrderState.CANCELED) {
            return o.snapshot();
        }
        if (!o.working()) {
            throw new IllegalStateException("order " + clientOrderId + " is " + o.state + ": cannot cancel");
        }
        cancelOnExchange(o, "canceled by client");
        if (o.working()) {
            throw new IllegalStateException("order " + clientOrderId + " could not be canceled: " + o.snapshot().reason());
        }
        if (o.state != OrderState.CANCELED && o.state != OrderState.EXPIRED) {
            throw new IllegalStateException("order " + clientOrderId + " is " + o.state + ": cannot cancel");
        }
        return o.snapshot();
    }

    private void cancelOnExchange(SpotOrder o, String reason) {
        if (o.outcomeUnknown) {
            resolveUnknown(o, true);
            if (!o.working()) {
                return;
            }
        }
        o.cancelRequested = true;
        o.reason = reason;
        try {
            SpotJson.ExchangeOrder eo = rest.cancelOrder(o.request.symbol(), o.clientOrderId());
            resolved(o, eo.orderId(), now());
            sync(o, eo);
        } catch (BinanceApiException | OutcomeUnknownException e) {
            // unknown order (filled or canceled meanwhile) or no answer: the exchange's view decides
            LOG.info("cancel of {}: {}; querying the order", o.clientOrderId(), e.getMessage());
            try {
                sync(o, rest.queryOrder(o.request.symbol(), o.clientOrderId()));
            } catch (RuntimeException q) {
                LOG.warn("order {}: cannot confirm the cancel ({}); reconciled later", o.clientOrderId(), q.getMessage());
            }
        }
        if (o.working()) {
            o.cancelRequested = false;
            o.reason = "";
        }
    }

    @Override
    public Order replace(String clientOrderId, String newClientOrderId, double newQuantity, double newLimitPrice, double newStopPrice) {
        SpotOrder old = find(clientOrderId);
        SpotOrder existing = book.get(newClientOrderId);
        if (existing != null) {
            return existing.snapshot();
        }
        if (!old.working()) {
            throw new IllegalStateException("order " + clientOrderId + " is " + old.state + ": cannot replace");
        }
        if (old.parentClientId != null) {
            throw new IllegalStateException("order " + clientOrderId + " is an attached exit: cancel its parent's position instead");
        }
        OrderRequest r = old.request;
        OrderRequest next = r.replacedBy(newClientOrderId, newQuantity, newLimitPrice > 0 ? newLimitPrice : r.limitPrice(),
                newStopPrice > 0 ? newStopPrice : r.stopPrice());
        replacing = old; // the old order's exposure does not count against its own replacement
        Prepared p;
        try {
            p = prepare(next);
        } finally {
            replacing = null;
        }
        if (p.refusal() != null) {
            return place(p, next, null);
        }
        cancelOnExchange(old, "replaced by " + newClientOrderId);
        if (old.state != OrderState.CANCELED) {
            return place(new Prepared(null, "not replaced: " + clientOrderId + " is " + old.snapshot().state()
                    + (old.working() ? " (cancel not confirmed)" : "") + " on the exchange"), next, null);
        }
        return place(p, next, null);
    }

    private SpotOrder find(String clientOrderId) {
        requireStarted();
        SpotOrder o = book.get(clientOrderId);
        if (o == null) {
            throw new IllegalArgumentException("unknown client order id '" + clientOrderId + "'");
        }
        return o;
    }

    // ---------------------------------------------------------------- exits

    /** A finished parent with a bracket: place its exits for what the account received. */
    private void afterDone(SpotOrder o) {
        if (o.state == null || !o.state.isTerminal() || o.parentClientId != null || o.exitsPlaced || !o.request.hasBracket() || o.filled <= 0) {
            return;
        }
        o.exitsPlaced = true;
        OrderRequest r = o.request;
        double received = o.filled - (r.side() == OrderSide.BUY ? o.baseCommission : 0);
        OrderSide side = r.side().opposite();
        OrderRequest sl = r.stopLoss() > 0 ? new OrderRequest(childId(o, "-sl"), r.symbol(), side, OrderType.STOP, received, 0, r.stopLoss(),
                TimeInForce.GTC, 0, 0, 0, OrderOrigin.BRACKET, r.book(), false) : null;
        OrderRequest tp = r.takeProfit() > 0 ? new OrderRequest(childId(o, "-tp"), r.symbol(), side, OrderType.LIMIT, received, r.takeProfit(), 0,
                TimeInForce.GTC, 0, 0, 0, OrderOrigin.BRACKET, r.book(), false) : null;
        if (sl != null && tp != null) {
            placeOco(o, sl, tp);
        } else {
            OrderRequest one = sl != null ? sl : tp;
            ExchangeFilters.Result f = filters.apply(one, markPrice(r.symbol()));
            place(new Prepared(f.accepted() ? f : null, f.refusal()), one, o.clientOrderId());
        }
    }

    private void placeOco(SpotOrder parent, OrderRequest sl, OrderRequest tp) {
        ExchangeFilters.Result fs = filters.apply(sl, markPrice(sl.symbol()));
        ExchangeFilters.Result ft = filters.apply(tp, markPrice(tp.symbol()));
        SpotOrder s = book.create(fs.accepted() ? fs.request() : sl, parent.clientOrderId(), now());
        SpotOrder t = book.create(ft.accepted() ? ft.request() : tp, parent.clientOrderId(), now());
        s.ocoSiblingId = t.clientOrderId();
        t.ocoSiblingId = s.clientOrderId();
        if (!fs.accepted() || !ft.accepted()) {
            String why = "exits not placed: " + (fs.accepted() ? ft.refusal() : fs.refusal());
            LOG.warn("order {}: {} (the position is NOT protected)", parent.clientOrderId(), why);
            book.rejectNew(s, why, now());
            book.rejectNew(t, why, now());
            return;
        }
        Map<String, String> p = new LinkedHashMap<>();
        p.put("symbol", sl.symbol().code());
        p.put("listClientOrderId", childId(parent, "-oco"));
        p.put("side", sl.side().name());
        p.put("quantity", fs.quantity().toPlainString());
        p.put("limitClientOrderId", t.clientOrderId());
        p.put("price", ft.limitPrice().toPlainString());
        p.put("stopClientOrderId", s.clientOrderId());
        p.put("stopPrice", fs.stopPrice().toPlainString());
        p.put("newOrderRespType", "ACK");
        try {
            JsonNode ack = rest.newOco(p);
            for (JsonNode leg : ack.path("orders")) {
                SpotOrder o = book.get(leg.path("clientOrderId").asText());
                if (o != null) {
                    o.orderId = leg.path("orderId").asLong();
                }
            }
            book.transition(s, OrderState.NEW, "", now(), 0, 0);
            book.transition(t, OrderState.NEW, "", now(), 0, 0);
        } catch (BinanceApiException e) {
            LOG.warn("order {}: exits rejected by the exchange ({}): the position is NOT protected", parent.clientOrderId(), e.getMessage());
            book.rejectNew(s, "exchange rejected: " + e.getMessage(), now());
            book.rejectNew(t, "exchange rejected: " + e.getMessage(), now());
        } catch (OutcomeUnknownException e) {
            markUnknown(s, e.getMessage());
            markUnknown(t, e.getMessage());
            resolveUnknown(s, true);
            resolveUnknown(t, true);
        }
    }

    private static String childId(SpotOrder parent, String suffix) {
        String id = parent.clientOrderId();
        return id.length() + suffix.length() <= 36 ? id + suffix : "x" + Long.toString(parent.orderId, 36) + suffix;
    }

    // ---------------------------------------------------------------- reconciliation

    /** Balances, then every unfinished order (missed trades applied once), then open orders of ours the journal lacks. */
    public void reconcileAll(String why) {
        requireStarted();
        reconciliations++;
        LOG.info("binance spot {}: reconciling with REST ({})", config.venue(), why);
        try {
            refreshBalances();
        } catch (RuntimeException e) {
            LOG.warn("balances not refreshed: {}", e.getMessage());
        }
        for (SpotOrder o : book.unresolved()) {
            try {
                if (o.outcomeUnknown) {
                    resolveUnknown(o, false);
                } else {
                    sync(o, rest.queryOrder(o.request.symbol(), o.clientOrderId()));
                }
            } catch (RuntimeException e) {
                LOG.warn("order {} not reconciled: {}", o.clientOrderId(), e.getMessage());
            }
        }
        for (Symbol s : config.symbols()) {
            try {
                for (SpotJson.ExchangeOrder eo : rest.openOrders(s)) {
                    if (book.get(eo.clientOrderId()) == null && eo.clientOrderId().startsWith(config.clientIdPrefix() + "-")) {
                        recover(eo);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("open orders of {} not reconciled: {}", s, e.getMessage());
            }
        }
    }

    /** An open order with our prefix the journal does not know (journal lost): tracked from now on. */
    private void recover(SpotJson.ExchangeOrder eo) {
        OrderType type = switch (eo.type()) {
            case "LIMIT", "LIMIT_MAKER" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            default -> OrderType.STOP;
        };
        OrderRequest r = new OrderRequest(eo.clientOrderId(), eo.symbol(), OrderSide.valueOf(eo.side()), type, eo.origQty(),
                type == OrderType.LIMIT ? eo.price() : 0, type == OrderType.STOP ? eo.stopPrice() : 0, TimeInForce.GTC, 0, 0, 0,
                OrderOrigin.STRATEGY, "recovered", false);
        SpotOrder o = book.create(r, null, eo.time());
        LOG.warn("order {} found open on the exchange but not in the journal: tracked as book 'recovered'", eo.clientOrderId());
        adopt(o, eo);
    }

    private void refreshBalances() {
        List<Balance> all = rest.accountBalances();
        balances.clear();
        for (Balance b : all) {
            balances.put(b.asset(), b);
        }
    }

    public long reconciliations() {
        return reconciliations;
    }

    // ---------------------------------------------------------------- helpers

    private SymbolRules rules(SpotOrder o) {
        return filters.rules(o.request.symbol()).orElseThrow(() -> new IllegalStateException("no rules for " + o.request.symbol()));
    }

    /** A commission in quote terms: the quote asset as is, the base asset at the fill price, another asset at its mark against the quote. */
    private double feeInQuote(SymbolRules r, double commission, String asset, double price) {
        if (commission == 0 || asset.isEmpty()) {
            return 0;
        }
        if (asset.equals(r.quoteAsset())) {
            return commission;
        }
        if (asset.equals(r.baseAsset())) {
            return commission * price;
        }
        Double m = marks.get(symbolOrNull(asset + r.quoteAsset()));
        if (m != null && m > 0) {
            return commission * m;
        }
        if (unpricedFeeAssets.add(asset)) {
            LOG.warn("commission paid in {} has no {} price here: fees in {} are counted as 0 (feed {}{} to value them)",
                    asset, r.quoteAsset(), asset, asset, r.quoteAsset());
        }
        return 0;
    }

    private static Symbol symbolOrNull(String code) {
        try {
            return Symbol.of(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private long now() {
        return config.clock().getAsLong();
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("call start() first");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code <prefix>-<n>}: the next id of a sequence kept in the journal, unique for this venue's journal. */
    public String nextClientOrderId() {
        String id;
        do {
            id = config.clientIdPrefix() + "-" + (++seq);
        } while (book.get(id) != null);
        journal.append(SpotJournal.Entry.seq(id, seq), false);
        return id;
    }

    public boolean streamConnected() {
        return stream.connected();
    }

    public UserDataStream userDataStream() {
        return stream;
    }

    public BinanceSpotRestClient rest() {
        return rest;
    }

    public Optional<SymbolRules> rules(Symbol s) {
        return filters.rules(s);
    }

    /** Every transition so far in this session, in order. */
    public List<OrderEvent> events() {
        return book.events();
    }

    // ---------------------------------------------------------------- market data in (marks)

    /** The last price of {@code symbol} (values market orders, equity and the risk check). */
    public void mark(Symbol symbol, double price) {
        if (symbol == null || !(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("mark needs a symbol and a finite price > 0, got " + symbol + " " + price);
        }
        marks.put(symbol, price);
    }

    @Override
    public void onTrade(Symbol symbol, long tradeTime, double price, double size, boolean buyerMaker) {
        if (symbol != null && price > 0 && !Double.isInfinite(price)) {
            marks.put(symbol, price);
            time = Math.max(time, tradeTime);
        }
    }

    @Override
    public void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume) {
        if (symbol != null && close > 0 && !Double.isInfinite(close)) {
            marks.put(symbol, close);
            time = Math.max(time, tf.closeTime(openTime));
        }
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Optional<Order> order(String clientOrderId) {
        SpotOrder o = book.get(clientOrderId);
        return o == null ? Optional.empty() : Optional.of(o.snapshot());
    }

    @Override
    public List<Order> openOrders() {
        return book.orders(true);
    }

    @Override
    public List<Order> orders() {
        return book.orders(false);
    }

    @Override
    public List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (Symbol s : config.symbols()) {
            Position p = position(s);
            if (!p.isFlat()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The base asset's balance on the exchange, priced by this adapter's fills (average entry, realized, fees). */
    @Override
    public Position position(Symbol symbol) {
        SpotLedger.Book b = book.ledger().book(symbol);
        double q = positionQuantity(symbol);
        return new Position(symbol, q, q > 0 && b.quantity > 0 ? b.averagePrice : 0, b.realized, b.fees, markPrice(symbol));
    }

    @Override
    public List<Balance> balances() {
        return List.copyOf(balances.values());
    }

    @Override
    public List<Fill> fills() {
        return book.fills();
    }

    @Override
    public AccountView account() {
        return this;
    }

    @Override
    public Subscription addListener(ExecutionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        book.listeners().add(listener);
        return () -> book.listeners().remove(listener);
    }

    @Override
    public long time() {
        return Math.max(time, now());
    }

    @Override
    public double cash() {
        Balance b = balances.get(config.quoteAsset());
        return b == null ? 0 : b.total();
    }

    @Override
    public double equity() {
        double e = cash();
        for (Symbol s : config.symbols()) {
            e += positionQuantity(s) * markPrice(s);
        }
        return e;
    }

    @Override
    public double positionQuantity(Symbol symbol) {
        Optional<SymbolRules> r = filters.rules(symbol);
        Balance b = r.isPresent() ? balances.get(r.get().baseAsset()) : null;
        return b == null ? 0 : b.total();
    }

    /** Excludes exits (they only reduce) and an order being replaced. */
    @Override
    public double openQuantity(Symbol symbol, OrderSide side) {
        return book.openQuantity(symbol, side, replacing);
    }

    @Override
    public double markPrice(Symbol symbol) {
        Double m = marks.get(symbol);
        if (m != null) {
            return m;
        }
        List<Fill> f = book.fills();
        for (int i = f.size() - 1; i >= 0; i--) {
            if (f.get(i).symbol().equals(symbol)) {
                return f.get(i).price();
            }
        }
        return 0;
    }

    @Override
    public Set<Symbol> symbols() {
        return new LinkedHashSet<>(config.symbols());
    }

    /** Closes the user-data stream (deleting the listenKey) and the journal; open orders stay on the exchange. */
    @Override
    public void close() {
        stream.close();
        journal.close();
    }
}
