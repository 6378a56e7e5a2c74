package org.concord.testkit.exchange;

import org.concord.testkit.exchange.LoopbackRestServer.Response;
import org.concord.testkit.exchange.LoopbackSpotAccount.Listing;
import org.concord.testkit.exchange.LoopbackSpotAccount.Ord;
import org.concord.testkit.exchange.LoopbackSpotAccount.Trade;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** The spot account's order placement checks and matching engine (called under the account's lock). */
final class SpotMatcher {
    private final LoopbackSpotAccount a;

    SpotMatcher(LoopbackSpotAccount account) {
        this.a = account;
    }

    private static double r8(double x) {
        return ExchangeMarket.round8(x);
    }

    private double[] bal(String asset) {
        return a.balances.computeIfAbsent(asset, k -> new double[2]);
    }

    /** Why Binance's filters refuse these values, or null. */
    private static String filterFailure(Listing l, BigDecimal q, BigDecimal price, double notionalPrice) {
        if (q.compareTo(l.step()) < 0 || q.subtract(l.step()).remainder(l.step()).signum() != 0 || q.compareTo(new BigDecimal("9000")) > 0) {
            return "Filter failure: LOT_SIZE";
        }
        if (price != null && (price.compareTo(l.tick()) < 0 || price.subtract(l.tick()).remainder(l.tick()).signum() != 0)) {
            return "Filter failure: PRICE_FILTER";
        }
        if (BigDecimal.valueOf(notionalPrice).multiply(q).compareTo(l.minNotional()) < 0) {
            return "Filter failure: NOTIONAL";
        }
        return null;
    }

    private static BigDecimal decimal(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        return new BigDecimal(v);
    }

    Response place(Map<String, String> p, String cid) {
        Listing l = a.listings.get(p.get("symbol"));
        if (l == null) {
            return a.error(400, -1121, "Invalid symbol.");
        }
        String side = p.get("side");
        if (!"BUY".equals(side) && !"SELL".equals(side)) {
            return a.error(400, -1117, "Invalid side.");
        }
        String type = p.get("type");
        if (!List.of("MARKET", "LIMIT", "STOP_LOSS", "LIMIT_MAKER").contains(type)) {
            return a.error(400, -1116, "Invalid orderType.");
        }
        BigDecimal q;
        BigDecimal price;
        BigDecimal stop;
        try {
            q = decimal(p, "quantity");
            price = decimal(p, "price");
            stop = decimal(p, "stopPrice");
        } catch (NumberFormatException e) {
            return a.error(400, -1100, "Illegal characters found in a parameter.");
        }
        if (q == null) {
            return a.error(400, -1102, "Mandatory parameter 'quantity' was not sent, was empty/null, or malformed.");
        }
        if (type.startsWith("LIMIT") && price == null) {
            return a.error(400, -1102, "Mandatory parameter 'price' was not sent, was empty/null, or malformed.");
        }
        if (type.equals("LIMIT") && p.get("timeInForce") == null) {
            return a.error(400, -1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.");
        }
        if (type.equals("STOP_LOSS") && stop == null) {
            return a.error(400, -1102, "Mandatory parameter 'stopPrice' was not sent, was empty/null, or malformed.");
        }
        for (Ord o : a.orders) {
            if (o.open() && o.clientId.equals(cid)) {
                return a.error(400, -2010, "Duplicate order sent.");
            }
        }
        double last = a.lastPrice(l.symbol());
        double valuation = price != null ? price.doubleValue() : stop != null ? stop.doubleValue() : last;
        String failure = filterFailure(l, q, price != null ? price : stop, valuation);
        if (failure != null) {
            return a.error(400, -1013, failure);
        }
        boolean buy = side.equals("BUY");
        double cost = r8(q.doubleValue() * valuation);
        if (buy ? bal(l.quote())[0] < cost : bal(l.base())[0] < q.doubleValue()) {
            return a.error(400, -2010, "Account has insufficient balance for requested action.");
        }
        Ord o = newOrd(l, cid, side, type, p.getOrDefault("timeInForce", "GTC"), q.doubleValue(), price == null ? 0 : price.doubleValue(),
                stop == null ? 0 : stop.doubleValue());
        if (!type.equals("MARKET")) {
            lock(o, l, cost);
        }
        event(o, "NEW", null, null);
        boolean marketable = type.equals("MARKET") || (type.startsWith("LIMIT") && (buy ? o.price >= last : o.price <= last));
        if (marketable) {
            fill(o, l, o.qty, last, false, a.now());
        }
        return Response.ok(String.format(java.util.Locale.ROOT, "{\"symbol\":\"%s\",\"orderId\":%d,\"orderListId\":-1,\"clientOrderId\":\"%s\",\"transactTime\":%d}",
                o.symbol, o.id, o.clientId, o.time));
    }

    private Ord newOrd(Listing l, String cid, String side, String type, String tif, double qty, double price, double stop) {
        Ord o = new Ord();
        o.id = a.nextOrderId();
        o.clientId = cid;
        o.symbol = l.symbol();
        o.side = side;
        o.type = type;
        o.tif = type.equals("MARKET") || type.equals("STOP_LOSS") ? "GTC" : tif;
        o.qty = qty;
        o.price = price;
        o.stop = stop;
        o.status = "NEW";
        o.time = a.now();
        o.updateTime = o.time;
        a.orders.add(o);
        return o;
    }

    private void lock(Ord o, Listing l, double cost) {
        if (o.buy()) {
            bal(l.quote())[0] -= cost;
            bal(l.quote())[1] += cost;
            o.lockedQuote = cost;
        } else {
            bal(l.base())[0] -= o.qty;
            bal(l.base())[1] += o.qty;
            o.lockedBase = o.qty;
        }
        position(l);
    }

    Response placeOco(Map<String, String> p) {
        Listing l = a.listings.get(p.get("symbol"));
        if (l == null) {
            return a.error(400, -1121, "Invalid symbol.");
        }
        String side = p.get("side");
        BigDecimal q = decimal(p, "quantity");
        BigDecimal price = decimal(p, "price");
        BigDecimal stop = decimal(p, "stopPrice");
        if (q == null || price == null || stop == null || !("BUY".equals(side) || "SELL".equals(side))) {
            return a.error(400, -1102, "A mandatory parameter was not sent, was empty/null, or malformed.");
        }
        double last = a.lastPrice(l.symbol());
        boolean buy = side.equals("BUY");
        if (buy ? !(price.doubleValue() < last && last < stop.doubleValue()) : !(price.doubleValue() > last && last > stop.doubleValue())) {
            return a.error(400, -2010, "The relationship of the prices for the orders is not correct.");
        }
        String failure = filterFailure(l, q, price, Math.min(price.doubleValue(), stop.doubleValue()));
        if (failure == null) {
            failure = filterFailure(l, q, stop, stop.doubleValue());
        }
        if (failure != null) {
            return a.error(400, -1013, failure);
        }
        double cost = r8(q.doubleValue() * Math.max(price.doubleValue(), stop.doubleValue()));
        if (buy ? bal(l.quote())[0] < cost : bal(l.base())[0] < q.doubleValue()) {
            return a.error(400, -2010, "Account has insufficient balance for requested action.");
        }
        long list = a.nextListId++;
        Ord s = newOrd(l, p.getOrDefault("stopClientOrderId", "oco-s" + list), side, "STOP_LOSS", "GTC", q.doubleValue(), 0, stop.doubleValue());
        Ord t = newOrd(l, p.getOrDefault("limitClientOrderId", "oco-l" + list), side, "LIMIT_MAKER", "GTC", q.doubleValue(), price.doubleValue(), 0);
        s.listId = list;
        t.listId = list;
        s.sibling = t;
        t.sibling = s;
        lock(s, l, cost); // one lock for the list, held by the stop leg
        event(s, "NEW", null, null);
        event(t, "NEW", null, null);
        return Response.ok(String.format(java.util.Locale.ROOT, "{\"orderListId\":%d,\"contingencyType\":\"OCO\",\"listStatusType\":\"EXEC_STARTED\","
                        + "\"listOrderStatus\":\"EXECUTING\",\"listClientOrderId\":\"%s\",\"transactionTime\":%d,\"symbol\":\"%s\",\"orders\":["
                        + "{\"symbol\":\"%s\",\"orderId\":%d,\"clientOrderId\":\"%s\"},{\"symbol\":\"%s\",\"orderId\":%d,\"clientOrderId\":\"%s\"}]}",
                list, p.getOrDefault("listClientOrderId", "list" + list), a.now(), l.symbol(), l.symbol(), s.id, s.clientId, l.symbol(), t.id, t.clientId));
    }

    /** Matches open orders against the real trades of {@code minute}, oldest order first. */
    void matchMinute(ExchangeMarket m, int minute) {
        Listing l = a.listings.get(m.symbol().code());
        if (l == null) {
            return;
        }
        for (int i = m.tradeFrom(minute); i < m.tradeTo(minute); i++) {
            double px = r8(m.tape().price(i));
            double size = r8(m.tape().size(i));
            long t = m.tape().time(i);
            for (Ord o : List.copyOf(a.orders)) {
                if (!o.open() || !o.symbol.equals(l.symbol())) {
                    continue;
                }
                if (o.type.equals("STOP_LOSS")) {
                    if (o.buy() ? px >= o.stop : px <= o.stop) {
                        fill(o, l, r8(o.qty - o.executed), px, false, t);
                    }
                } else if (o.type.startsWith("LIMIT") && size > 0 && (o.buy() ? px <= o.price : px >= o.price)) {
                    double q = new BigDecimal(Double.toString(Math.min(r8(o.qty - o.executed), size)))
                            .divide(l.step(), 0, RoundingMode.DOWN).multiply(l.step()).doubleValue();
                    if (q > 0) {
                        fill(o, l, q, o.price, true, t);
                        size = r8(size - q);
                    }
                }
            }
        }
    }

    private void fill(Ord o, Listing l, double qty, double price, boolean maker, long time) {
        double[] base = bal(l.base());
        double[] quote = bal(l.quote());
        double notional = r8(qty * price);
        double commission;
        String commissionAsset;
        Ord holder = o.lockedQuote > 0 || o.lockedBase > 0 || o.sibling == null ? o : o.sibling;
        if (o.buy()) {
            double release = Math.min(holder.lockedQuote, r8(qty * Math.max(o.price, o.stop)));
            holder.lockedQuote = r8(holder.lockedQuote - release);
            quote[1] = r8(quote[1] - release);
            quote[0] = r8(quote[0] + release - notional);
            commission = r8(qty * LoopbackSpotAccount.FEE);
            commissionAsset = l.base();
            base[0] = r8(base[0] + qty - commission);
        } else {
            double fromLock = Math.min(holder.lockedBase, qty);
            holder.lockedBase = r8(holder.lockedBase - fromLock);
            base[1] = r8(base[1] - fromLock);
            base[0] = r8(base[0] - (qty - fromLock));
            commission = r8(notional * LoopbackSpotAccount.FEE);
            commissionAsset = l.quote();
            quote[0] = r8(quote[0] + notional - commission);
        }
        o.executed = r8(o.executed + qty);
        o.cumQuote = r8(o.cumQuote + notional);
        o.status = o.executed >= o.qty - 1e-12 ? "FILLED" : "PARTIALLY_FILLED";
        o.updateTime = time;
        Trade t = new Trade(o.symbol, a.nextTradeId++, o.id, price, qty, commission, commissionAsset, time, o.buy(), maker);
        a.trades.add(t);
        event(o, "TRADE", null, t);
        if (o.status.equals("FILLED")) {
            release(o, l);
            if (o.sibling != null && o.sibling.open()) {
                finish(o.sibling, "EXPIRED", null); // one-cancels-other
            }
        }
        position(l);
    }

    /** Ends an open order (CANCELED by the user, EXPIRED by the exchange) and frees what it held. */
    void finish(Ord o, String status, String cancelId) {
        Listing l = a.listings.get(o.symbol);
        o.status = status;
        o.updateTime = a.now();
        if (o.sibling == null || !o.sibling.open()) {
            release(o, l);
            if (o.sibling != null) {
                release(o.sibling, l);
            }
        } else if (o.lockedBase > 0 || o.lockedQuote > 0) {
            o.sibling.lockedBase += o.lockedBase; // the list's lock passes to the leg still working
            o.sibling.lockedQuote += o.lockedQuote;
            o.lockedBase = 0;
            o.lockedQuote = 0;
        }
        event(o, status, cancelId, null);
        position(l);
    }

    private void release(Ord o, Listing l) {
        if (o.lockedQuote > 0) {
            bal(l.quote())[1] = r8(bal(l.quote())[1] - o.lockedQuote);
            bal(l.quote())[0] = r8(bal(l.quote())[0] + o.lockedQuote);
            o.lockedQuote = 0;
        }
        if (o.lockedBase > 0) {
            bal(l.base())[1] = r8(bal(l.base())[1] - o.lockedBase);
            bal(l.base())[0] = r8(bal(l.base())[0] + o.lockedBase);
            o.lockedBase = 0;
        }
    }

    private void event(Ord o, String execType, String cancelId, Trade t) {
        String report = SpotPayloads.executionReport(o, execType, cancelId, t, t != null ? t.time() : a.now());
        o.reports.add(report);
        a.publish(report);
    }

    private void position(Listing l) {
        a.publish(SpotPayloads.accountPosition(a.balances, List.of(l.base(), l.quote()), a.now()));
    }
}
