package org.concord.execution.binance;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.execution.Liquidity;
import org.concord.execution.Order;
import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.concord.execution.TimeInForce;
import org.concord.feed.binance.BinanceApiException;
import org.concord.model.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The exchange side of {@link BinanceSpotBroker} (decision thread only): sends each new order once and resolves an
 * unanswered one by querying it (never by resending), applies the exchange's execution reports and REST views
 * (missed trades fetched from {@code myTrades} and applied once by trade id), and places a finished parent's exits.
 */
final class SpotExecution {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceSpotBroker.class);
    private static final double EPS = 1e-9;

    private final BinanceSpotConfig config;
    private final BinanceSpotRestClient rest;
    private final SpotOrderBook book;
    private final ToDoubleFunction<Symbol> markPrice;
    private final Set<String> unpricedFeeAssets = new LinkedHashSet<>();
    private ExchangeFilters filters = new ExchangeFilters(List.of());
    private long lastEventTime;

    SpotExecution(BinanceSpotConfig config, BinanceSpotRestClient rest, SpotOrderBook book, ToDoubleFunction<Symbol> markPrice) {
        this.config = config;
        this.rest = rest;
        this.book = book;
        this.markPrice = markPrice;
    }

    void filters(ExchangeFilters f) {
        this.filters = f;
    }

    long lastEventTime() {
        return lastEventTime;
    }

    private long now() {
        return config.clock().getAsLong();
    }

    void onReport(SpotJson.ExecutionReport er) {
        lastEventTime = Math.max(lastEventTime, er.eventTime());
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
    void resolveUnknown(SpotOrder o, boolean wait) {
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
    void adopt(SpotOrder o, SpotJson.ExchangeOrder eo) {
        resolved(o, eo.orderId(), now());
        sync(o, eo);
    }

    void resolved(SpotOrder o, long orderId, long at) {
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
    void sync(SpotOrder o, SpotJson.ExchangeOrder eo) {
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
            ExchangeFilters.Result f = filters.apply(one, markPrice.applyAsDouble(r.symbol()));
            place(f.accepted() ? f : null, f.refusal(), one, o.clientOrderId());
        }
    }

    private void placeOco(SpotOrder parent, OrderRequest sl, OrderRequest tp) {
        ExchangeFilters.Result fs = filters.apply(sl, markPrice.applyAsDouble(sl.symbol()));
        ExchangeFilters.Result ft = filters.apply(tp, markPrice.applyAsDouble(tp.symbol()));
        SpotOrder s = book.create(fs.accepted() ? fs.request() : sl, parent.clientOrderId(), tp.clientOrderId(), now());
        SpotOrder t = book.create(ft.accepted() ? ft.request() : tp, parent.clientOrderId(), sl.clientOrderId(), now());
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
        Symbol pair = symbolOrNull(asset + r.quoteAsset());
        double m = pair == null ? 0 : markPrice.applyAsDouble(pair);
        if (m > 0) {
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

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Registers and sends an order: {@code filtered} as the filters rounded it, or REJECTED at once with
     * {@code refusal} (then {@code request} is what is recorded).
     */
    Order place(ExchangeFilters.Result filtered, String refusal, OrderRequest request, String parent) {
        SpotOrder o = book.create(refusal == null ? filtered.request() : request, parent, now());
        if (refusal != null) {
            LOG.info("order {} rejected before sending: {}", request.clientOrderId(), refusal);
            book.rejectNew(o, refusal, now());
            return o.snapshot();
        }
        send(o, params(filtered));
        return o.snapshot();
    }

    /** Asks the exchange to cancel; when the answer is lost or the order is unknown there, the exchange's view decides. */
    void cancelOnExchange(SpotOrder o, String reason) {
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
            resolved(o, eo.orderId(), config.clock().getAsLong());
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
}
