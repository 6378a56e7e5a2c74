package org.concord.testkit.exchange;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.exchange.LoopbackRestServer.Response;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The loopback exchange's public market-data REST routes, with Binance's parameter rules and error codes:
 * {@code GET /api/v3/ping}, {@code GET /api/v3/time} and {@code GET /api/v3/klines} (symbol, interval,
 * optional startTime/endTime on the open time, limit default 500 and at most 1000; with a startTime the oldest
 * matching klines come first, otherwise the newest; the forming kline is included, as on Binance) and
 * {@code GET /api/v3/ticker/price} (symbol=X; the close of the forming minute) and
 * {@code GET /api/v3/exchangeInfo} (every listing, or those of {@code symbol=X} / {@code symbols=["X","Y"]}; an
 * unknown symbol is -1121 as on Binance).
 */
final class MarketDataRoutes {
    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 1000;

    private final LoopbackBinance exchange;

    MarketDataRoutes(LoopbackBinance exchange) {
        this.exchange = exchange;
    }

    void install(LoopbackRestServer rest) {
        rest.route("GET", "/api/v3/ping", r -> Response.ok("{}"));
        rest.route("GET", "/api/v3/time", r -> Response.ok("{\"serverTime\":" + exchange.now() + "}"));
        rest.route("GET", "/api/v3/klines", this::klines);
        rest.route("GET", "/api/v3/exchangeInfo", this::exchangeInfo);
        rest.route("GET", "/api/v3/ticker/price", this::tickerPrice);
    }

    /** The last price of {@code symbol} (the close of the forming minute), as Binance's {@code ticker/price}. */
    private Response tickerPrice(LoopbackRestServer.Request r) {
        String symbol = r.param("symbol");
        if (symbol == null || symbol.isEmpty()) {
            return Response.error(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        if (exchange.marketOrNull(symbol) == null) {
            return Response.error(400, -1121, "Invalid symbol.");
        }
        return Response.ok("{\"symbol\":\"" + symbol + "\",\"price\":\""
                + BigDecimal.valueOf(exchange.lastPrice(Symbol.of(symbol))).toPlainString() + "\"}");
    }

    private Response exchangeInfo(LoopbackRestServer.Request r) {
        List<String> asked = new ArrayList<>();
        if (r.param("symbol") != null) {
            asked.add(r.param("symbol"));
        } else if (r.param("symbols") != null) {
            for (String s : r.param("symbols").replaceAll("[\\[\\]\" ]", "").split(",")) {
                asked.add(s);
            }
        }
        Map<String, LoopbackSpotAccount.Listing> all = exchange.listings();
        List<LoopbackSpotAccount.Listing> out = new ArrayList<>();
        for (String s : asked.isEmpty() ? List.copyOf(all.keySet()) : asked) {
            LoopbackSpotAccount.Listing l = all.get(s);
            if (l == null) {
                return Response.error(400, -1121, "Invalid symbol.");
            }
            out.add(l);
        }
        return Response.ok(SpotPayloads.exchangeInfo(exchange.now(), out));
    }

    private Response klines(LoopbackRestServer.Request r) {
        String symbol = r.param("symbol");
        if (symbol == null || symbol.isEmpty()) {
            return Response.error(400, -1102, "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
        }
        ExchangeMarket m = exchange.marketOrNull(symbol);
        if (m == null) {
            return Response.error(400, -1121, "Invalid symbol.");
        }
        Timeframe tf = LoopbackBinance.INTERVALS.stream().filter(t -> t.code().equals(r.param("interval"))).findFirst().orElse(null);
        if (tf == null) {
            return Response.error(400, -1120, "Invalid interval.");
        }
        long start;
        long end;
        int limit;
        try {
            start = r.param("startTime") == null ? Long.MIN_VALUE : Long.parseLong(r.param("startTime"));
            end = r.param("endTime") == null ? Long.MAX_VALUE : Long.parseLong(r.param("endTime"));
            limit = r.param("limit") == null ? DEFAULT_LIMIT : Integer.parseInt(r.param("limit"));
        } catch (NumberFormatException e) {
            return Response.error(400, -1100, "Illegal characters found in a parameter.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return Response.error(400, -1130, "Data sent for parameter 'limit' is not valid.");
        }
        if (start > end) {
            return Response.error(400, -1023, "Start time is greater than end time.");
        }
        List<Kline> all = m.klines(tf, exchange.cursor());
        long s = start;
        long e = end;
        List<Kline> in = all.stream().filter(k -> k.openTime() >= s && k.openTime() <= e).toList();
        if (in.size() > limit) {
            in = start != Long.MIN_VALUE ? in.subList(0, limit) : in.subList(in.size() - limit, in.size());
        }
        return Response.ok(BinanceJson.restKlines(in));
    }
}
