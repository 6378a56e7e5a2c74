package org.concord.execution.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.execution.Balance;
import org.concord.model.Symbol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the spot API's JSON (binance-spot-api-docs): orders, trades, account balances, exchangeInfo filters and
 * the user-data stream events {@code executionReport} and {@code outboundAccountPosition}. Decimals arrive as
 * strings. A body of the wrong shape is a {@link MalformedException} naming what was wrong.
 */
final class SpotJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private SpotJson() {
    }

    static final class MalformedException extends RuntimeException {
        MalformedException(String message) {
            super(message);
        }
    }

    /** An order as {@code GET /api/v3/order}, {@code openOrders} and {@code DELETE /api/v3/order} return it. */
    record ExchangeOrder(Symbol symbol, long orderId, String clientOrderId, double price, double origQty, double executedQty,
                         double cumulativeQuote, String status, String type, String side, double stopPrice, long time,
                         long updateTime, long orderListId) {
    }

    /** One of the account's trades ({@code GET /api/v3/myTrades}). */
    record AccountTrade(Symbol symbol, long id, long orderId, double price, double qty, double commission,
                        String commissionAsset, long time, boolean buyer, boolean maker) {
    }

    /** An {@code executionReport} event. */
    record ExecutionReport(long eventTime, Symbol symbol, String clientOrderId, String originalClientOrderId, String side,
                           String type, double quantity, double price, double stopPrice, String executionType,
                           String status, String rejectReason, long orderId, double lastQty, double cumulativeQty,
                           double lastPrice, double commission, String commissionAsset, long transactTime, long tradeId,
                           boolean maker, long orderListId) {
    }

    /** An {@code outboundAccountPosition} event: the balances that changed. */
    record AccountPosition(long eventTime, List<Balance> balances) {
    }

    static JsonNode tree(String body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null) {
                throw new MalformedException("empty body");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new MalformedException("not JSON: " + abbreviate(body));
        }
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    static ExchangeOrder order(JsonNode n) {
        return new ExchangeOrder(Symbol.of(text(n, "symbol")), n.path("orderId").asLong(), text(n, "clientOrderId"),
                dec(n, "price"), dec(n, "origQty"), dec(n, "executedQty"), dec(n, "cummulativeQuoteQty"), text(n, "status"),
                text(n, "type"), text(n, "side"), dec(n, "stopPrice"), n.path("time").asLong(n.path("transactTime").asLong()),
                n.path("updateTime").asLong(n.path("transactTime").asLong()), n.path("orderListId").asLong(-1));
    }

    static List<ExchangeOrder> orders(JsonNode arr) {
        if (!arr.isArray()) {
            throw new MalformedException("expected an array of orders, got " + abbreviate(arr.toString()));
        }
        List<ExchangeOrder> out = new ArrayList<>();
        arr.forEach(n -> out.add(order(n)));
        return out;
    }

    static List<AccountTrade> trades(JsonNode arr) {
        if (!arr.isArray()) {
            throw new MalformedException("expected an array of trades, got " + abbreviate(arr.toString()));
        }
        List<AccountTrade> out = new ArrayList<>();
        for (JsonNode n : arr) {
            out.add(new AccountTrade(Symbol.of(text(n, "symbol")), n.path("id").asLong(), n.path("orderId").asLong(), dec(n, "price"),
                    dec(n, "qty"), dec(n, "commission"), n.path("commissionAsset").asText(""), n.path("time").asLong(),
                    n.path("isBuyer").asBoolean(), n.path("isMaker").asBoolean()));
        }
        return out;
    }

    /** {@code GET /api/v3/account}'s balances (total = free + locked). */
    static List<Balance> accountBalances(JsonNode n) {
        JsonNode arr = n.get("balances");
        if (arr == null || !arr.isArray()) {
            throw new MalformedException("account without balances: " + abbreviate(n.toString()));
        }
        List<Balance> out = new ArrayList<>();
        for (JsonNode b : arr) {
            double free = dec(b, "free");
            double locked = dec(b, "locked");
            out.add(new Balance(text(b, "asset"), free + locked, locked));
        }
        return out;
    }

    /** {@code {"symbol":"BTCUSDT","price":"4.00000200"}}: the price, which must be positive. */
    static double tickerPrice(JsonNode n) {
        double p = dec(n, "price");
        if (!(p > 0)) {
            throw new MalformedException("ticker price is not positive in " + abbreviate(n.toString()));
        }
        return p;
    }

    static List<SymbolRules> exchangeInfo(JsonNode n) {
        JsonNode arr = n.get("symbols");
        if (arr == null || !arr.isArray()) {
            throw new MalformedException("exchangeInfo without symbols: " + abbreviate(n.toString()));
        }
        List<SymbolRules> out = new ArrayList<>();
        for (JsonNode s : arr) {
            BigDecimal minPrice = null, maxPrice = null, tick = null, minQty = null, maxQty = null, step = null, minNotional = null;
            boolean toMarket = true;
            for (JsonNode f : s.path("filters")) {
                switch (f.path("filterType").asText()) {
                    case "PRICE_FILTER" -> {
                        minPrice = big(f, "minPrice");
                        maxPrice = big(f, "maxPrice");
                        tick = big(f, "tickSize");
                    }
                    case "LOT_SIZE" -> {
                        minQty = big(f, "minQty");
                        maxQty = big(f, "maxQty");
                        step = big(f, "stepSize");
                    }
                    case "MIN_NOTIONAL" -> {
                        minNotional = big(f, "minNotional");
                        toMarket = f.path("applyToMarket").asBoolean(true);
                    }
                    case "NOTIONAL" -> {
                        minNotional = big(f, "minNotional");
                        toMarket = f.path("applyMinToMarket").asBoolean(true);
                    }
                    default -> { } // other filters (PERCENT_PRICE_BY_SIDE, MAX_NUM_ORDERS...) are left to the exchange
                }
            }
            out.add(new SymbolRules(Symbol.of(text(s, "symbol")), text(s, "baseAsset"), text(s, "quoteAsset"), s.path("status").asText("TRADING"),
                    minPrice, maxPrice, tick, minQty, maxQty, step, minNotional, toMarket));
        }
        return out;
    }

    /** The event type of a user-data message ("executionReport", ...), unwrapping a combined-stream wrapper. */
    static JsonNode event(String text) {
        JsonNode n = tree(text);
        if (n.has("stream") && n.has("data")) {
            n = n.get("data");
        }
        if (!n.has("e")) {
            throw new MalformedException("user-data message without an event type: " + abbreviate(text));
        }
        return n;
    }

    static ExecutionReport executionReport(JsonNode n) {
        return new ExecutionReport(n.path("E").asLong(), Symbol.of(text(n, "s")), text(n, "c"), n.path("C").asText(""), text(n, "S"),
                text(n, "o"), dec(n, "q"), dec(n, "p"), dec(n, "P"), text(n, "x"), text(n, "X"), n.path("r").asText("NONE"),
                n.path("i").asLong(), dec(n, "l"), dec(n, "z"), dec(n, "L"), dec(n, "n"), n.path("N").isNull() ? "" : n.path("N").asText(""),
                n.path("T").asLong(), n.path("t").asLong(-1), n.path("m").asBoolean(), n.path("g").asLong(-1));
    }

    static AccountPosition accountPosition(JsonNode n) {
        List<Balance> out = new ArrayList<>();
        for (JsonNode b : n.path("B")) {
            double free = dec(b, "f");
            double locked = dec(b, "l");
            out.add(new Balance(text(b, "a"), free + locked, locked));
        }
        return new AccountPosition(n.path("E").asLong(), out);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            throw new MalformedException("field '" + field + "' missing in " + abbreviate(n.toString()));
        }
        return v.asText();
    }

    private static double dec(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return 0;
        }
        try {
            double d = v.isNumber() ? v.doubleValue() : Double.parseDouble(v.asText());
            if (!Double.isFinite(d)) {
                throw new MalformedException("field '" + field + "' is not finite: " + v);
            }
            return d;
        } catch (NumberFormatException e) {
            throw new MalformedException("field '" + field + "' is not a decimal: " + v);
        }
    }

    private static BigDecimal big(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        try {
            return new BigDecimal(v.asText());
        } catch (NumberFormatException e) {
            throw new MalformedException("filter field '" + field + "' is not a decimal: " + v);
        }
    }
}
