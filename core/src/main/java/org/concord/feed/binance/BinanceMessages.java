package org.concord.feed.binance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.model.Timeframe;

import java.util.Locale;

/**
 * Parses Binance's public market-data JSON (spot API, as published in binance-spot-api-docs) into primitives
 * handed to a handler: the combined-stream wrapper {@code {"stream":..,"data":..}} around kline, aggTrade and
 * partial-depth payloads, and the REST klines array. Nothing here judges values (NaN, negative, high&lt;low are
 * passed on as parsed; the feed applies the rules); only the shape is checked, and a message of the wrong shape
 * is reported as malformed, never thrown. Prices and quantities arrive as JSON strings ("0.0010") and are parsed
 * with {@link Double#parseDouble}. Thread-safe (the mapper is shared and immutable in use).
 */
public final class BinanceMessages {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BinanceMessages() {
    }

    /** Receives the parsed stream messages. Stream symbols are the lower-case names from the stream. */
    public interface StreamHandler {
        /** A kline event ({@code e=kline}); {@code closed} is the {@code x} flag. */
        void onKline(String symbol, Timeframe tf, long eventTime, long openTime, long closeTime, double open, double high,
                     double low, double close, double volume, long trades, boolean closed);

        /** An aggregate trade ({@code e=aggTrade}); {@code buyerMaker} is the {@code m} flag. */
        void onAggTrade(String symbol, long eventTime, long aggId, double price, double quantity, long firstTradeId,
                        long lastTradeId, long tradeTime, boolean buyerMaker);

        /** A partial book snapshot ({@code <symbol>@depth<n>[@100ms]}); best levels first as sent. */
        void onDepth(String symbol, long lastUpdateId, double[] bidPrices, double[] bidSizes, double[] askPrices, double[] askSizes);

        /** A reply to a control request ({@code {"result":..,"id":..}}); not market data. */
        default void onControl(String text) {
        }

        /** The message could not be understood; {@code stream} is null when even that was unreadable. */
        void onMalformed(String stream, String detail);
    }

    /** Receives the rows of a REST klines response. */
    public interface KlineRowHandler {
        void onRow(int index, long openTime, double open, double high, double low, double close, double volume,
                   long closeTime, long trades);

        void onMalformedRow(int index, String detail);
    }

    /** Thrown for a REST body that is not the expected JSON at all (treated as a failed call). */
    public static final class MalformedBodyException extends RuntimeException {
        MalformedBodyException(String message) {
            super(message);
        }
    }

    /** Control-flow signal for a bad field; no stack trace (it is not an error of this program). */
    private static final class Bad extends Exception {
        Bad(String message) {
            super(message, null, false, false);
        }
    }

    // ------------------------------------------------------------------ streams

    /** Parses one WebSocket text message and calls exactly one handler method. */
    public static void parseStream(String text, StreamHandler h) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            h.onMalformed(null, "not JSON (" + firstLine(e.getOriginalMessage()) + "): '" + abbreviate(text) + "'");
            return;
        }
        if (root == null || !root.isObject()) {
            h.onMalformed(null, "not a JSON object: '" + abbreviate(text) + "'");
            return;
        }
        JsonNode streamNode = root.get("stream");
        JsonNode data = root.get("data");
        String stream;
        if (streamNode != null || data != null) {
            if (streamNode == null || !streamNode.isTextual() || data == null || !data.isObject()) {
                h.onMalformed(streamNode != null && streamNode.isTextual() ? streamNode.textValue() : null,
                        "combined-stream wrapper needs a string 'stream' and an object 'data': '" + abbreviate(text) + "'");
                return;
            }
            stream = streamNode.textValue();
        } else if (root.has("result") && root.has("id")) {
            h.onControl(text);
            return;
        } else if (root.has("e") && root.has("s")) {
            // raw stream (/ws/<name>): rebuild the stream name from the event itself
            data = root;
            String sym = root.get("s").asText().toLowerCase(Locale.ROOT);
            JsonNode k = root.get("k");
            String e = root.get("e").asText();
            stream = "kline".equals(e) && k != null && k.has("i") ? sym + "@kline_" + k.get("i").asText() : sym + "@" + e;
        } else {
            h.onMalformed(null, "neither a combined-stream message nor a known event: '" + abbreviate(text) + "'");
            return;
        }
        try {
            dispatch(stream, data, h);
        } catch (Bad b) {
            h.onMalformed(stream, b.getMessage() + ": '" + abbreviate(text) + "'");
        }
    }

    private static void dispatch(String stream, JsonNode data, StreamHandler h) throws Bad {
        int at = stream.indexOf('@');
        if (at <= 0 || at == stream.length() - 1) {
            throw new Bad("stream name '" + stream + "' is not <symbol>@<type>");
        }
        String symbol = stream.substring(0, at);
        String type = stream.substring(at + 1);
        if (type.startsWith("kline_")) {
            kline(symbol, type.substring(6), data, h);
        } else if (type.equals("aggTrade")) {
            aggTrade(symbol, data, h);
        } else if (type.startsWith("depth")) {
            depth(symbol, data, h);
        } else {
            throw new Bad("unsupported stream type '" + type + "'");
        }
    }

    private static void kline(String symbol, String interval, JsonNode data, StreamHandler h) throws Bad {
        expectEvent(data, "kline");
        Timeframe tf = interval0(interval);
        JsonNode k = data.get("k");
        if (k == null || !k.isObject()) {
            throw new Bad("kline event without 'k' object");
        }
        String ks = text(k, "s");
        if (!ks.equalsIgnoreCase(symbol)) {
            throw new Bad("kline symbol '" + ks + "' does not match stream symbol '" + symbol + "'");
        }
        if (!interval.equals(text(k, "i"))) {
            throw new Bad("kline interval '" + text(k, "i") + "' does not match stream interval '" + interval + "'");
        }
        JsonNode x = k.get("x");
        if (x == null || !x.isBoolean()) {
            throw new Bad("kline field 'x' missing or not a boolean");
        }
        JsonNode n = k.get("n");
        long trades = n != null && n.canConvertToLong() && n.isIntegralNumber() ? n.longValue() : -1;
        h.onKline(symbol, tf, longField(data, "E"), longField(k, "t"), longField(k, "T"), decimalField(k, "o"), decimalField(k, "h"),
                decimalField(k, "l"), decimalField(k, "c"), decimalField(k, "v"), trades, x.booleanValue());
    }

    private static void aggTrade(String symbol, JsonNode data, StreamHandler h) throws Bad {
        expectEvent(data, "aggTrade");
        String s = text(data, "s");
        if (!s.equalsIgnoreCase(symbol)) {
            throw new Bad("aggTrade symbol '" + s + "' does not match stream symbol '" + symbol + "'");
        }
        JsonNode m = data.get("m");
        if (m == null || !m.isBoolean()) {
            throw new Bad("aggTrade field 'm' missing or not a boolean");
        }
        h.onAggTrade(symbol, longField(data, "E"), longField(data, "a"), decimalField(data, "p"), decimalField(data, "q"),
                longField(data, "f"), longField(data, "l"), longField(data, "T"), m.booleanValue());
    }

    private static void depth(String symbol, JsonNode data, StreamHandler h) throws Bad {
        long id = longField(data, "lastUpdateId");
        JsonNode bids = data.get("bids");
        JsonNode asks = data.get("asks");
        if (bids == null || !bids.isArray() || asks == null || !asks.isArray()) {
            throw new Bad("depth needs 'bids' and 'asks' arrays");
        }
        double[] bp = new double[bids.size()];
        double[] bq = new double[bids.size()];
        double[] ap = new double[asks.size()];
        double[] aq = new double[asks.size()];
        levels("bids", bids, bp, bq);
        levels("asks", asks, ap, aq);
        h.onDepth(symbol, id, bp, bq, ap, aq);
    }

    private static void levels(String side, JsonNode arr, double[] px, double[] qty) throws Bad {
        for (int i = 0; i < arr.size(); i++) {
            JsonNode lv = arr.get(i);
            if (!lv.isArray() || lv.size() < 2) {
                throw new Bad(side + "[" + i + "] is not a [price, quantity] pair");
            }
            px[i] = decimal(lv.get(0), side + "[" + i + "].price");
            qty[i] = decimal(lv.get(1), side + "[" + i + "].quantity");
        }
    }

    private static void expectEvent(JsonNode data, String type) throws Bad {
        String e = text(data, "e");
        if (!type.equals(e)) {
            throw new Bad("event type '" + e + "' where '" + type + "' was expected");
        }
    }

    /** The {@link Timeframe} for a Binance interval code; Concord stores 1s,1m,5m,15m,1h,4h,1d. */
    public static Timeframe interval(String code) {
        for (Timeframe tf : Timeframe.values()) {
            if (tf.code().equals(code)) {
                return tf;
            }
        }
        throw new IllegalArgumentException("unsupported Binance interval '" + code + "'");
    }

    private static Timeframe interval0(String code) throws Bad {
        try {
            return interval(code);
        } catch (IllegalArgumentException e) {
            throw new Bad(e.getMessage());
        }
    }

    // ------------------------------------------------------------------ REST

    /**
     * Parses a {@code GET /api/v3/klines} body: an array of arrays
     * {@code [openTime, "open", "high", "low", "close", "volume", closeTime, "quoteVolume", trades, "takerBase",
     * "takerQuote", "ignore"]}. A row of the wrong shape goes to {@link KlineRowHandler#onMalformedRow} and the
     * others are still delivered.
     *
     * @return the number of rows (good and malformed)
     * @throws BinanceApiException     when the body is Binance's error object {@code {"code":..,"msg":..}}
     * @throws MalformedBodyException  when the body is not a JSON array at all
     */
    public static int parseKlines(String body, KlineRowHandler h) {
        JsonNode root = tree(body);
        if (!root.isArray()) {
            throw errorOrMalformed(root, body, 200);
        }
        for (int i = 0; i < root.size(); i++) {
            JsonNode row = root.get(i);
            try {
                if (!row.isArray() || row.size() < 7) {
                    throw new Bad("not an array of at least 7 fields");
                }
                JsonNode n = row.size() > 8 ? row.get(8) : null;
                long trades = n != null && n.isIntegralNumber() ? n.longValue() : -1;
                h.onRow(i, integral(row.get(0), "openTime"), decimal(row.get(1), "open"), decimal(row.get(2), "high"),
                        decimal(row.get(3), "low"), decimal(row.get(4), "close"), decimal(row.get(5), "volume"),
                        integral(row.get(6), "closeTime"), trades);
            } catch (Bad b) {
                h.onMalformedRow(i, b.getMessage() + ": " + abbreviate(row.toString()));
            }
        }
        return root.size();
    }

    /** Parses {@code GET /api/v3/time}: {@code {"serverTime":1499827319559}}. */
    public static long parseServerTime(String body) {
        JsonNode root = tree(body);
        JsonNode t = root.get("serverTime");
        if (t == null || !t.isIntegralNumber()) {
            throw errorOrMalformed(root, body, 200);
        }
        return t.longValue();
    }

    /** The exception for an error body ({@code {"code":-1121,"msg":"Invalid symbol."}}) with its HTTP status. */
    public static BinanceApiException apiError(int status, String body) {
        try {
            RuntimeException e = errorOrMalformed(tree(body), body, status);
            if (e instanceof BinanceApiException api) {
                return api;
            }
        } catch (MalformedBodyException e) {
            // fall through: no Binance error object in the body
        }
        return new BinanceApiException(status, 0, "HTTP " + status + ": " + abbreviate(body));
    }

    private static JsonNode tree(String body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null) {
                throw new MalformedBodyException("empty body");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new MalformedBodyException("not JSON (" + firstLine(e.getOriginalMessage()) + "): '" + abbreviate(body) + "'");
        }
    }

    private static RuntimeException errorOrMalformed(JsonNode root, String body, int status) {
        JsonNode code = root.get("code");
        JsonNode msg = root.get("msg");
        if (code != null && code.isIntegralNumber() && msg != null) {
            return new BinanceApiException(status, code.intValue(), "Binance error " + code.intValue() + ": " + msg.asText());
        }
        return new MalformedBodyException("unexpected JSON shape: '" + abbreviate(body) + "'");
    }

    // ------------------------------------------------------------------ fields

    private static String text(JsonNode obj, String field) throws Bad {
        JsonNode n = obj.get(field);
        if (n == null || !n.isTextual()) {
            throw new Bad("field '" + field + "' missing or not a string");
        }
        return n.textValue();
    }

    private static long longField(JsonNode obj, String field) throws Bad {
        return integral(obj.get(field), field);
    }

    private static long integral(JsonNode n, String what) throws Bad {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            throw new Bad("field '" + what + "' missing or not an integer");
        }
        return n.longValue();
    }

    private static double decimalField(JsonNode obj, String field) throws Bad {
        return decimal(obj.get(field), field);
    }

    /** Binance sends decimals as strings; a JSON number is accepted too. "NaN" parses (the feed rejects it). */
    private static double decimal(JsonNode n, String what) throws Bad {
        if (n == null) {
            throw new Bad("field '" + what + "' missing");
        }
        if (n.isTextual()) {
            try {
                return Double.parseDouble(n.textValue().trim());
            } catch (NumberFormatException e) {
                throw new Bad("field '" + what + "' is not a decimal: '" + abbreviate(n.textValue()) + "'");
            }
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        throw new Bad("field '" + what + "' is not a decimal");
    }

    static String abbreviate(String s) {
        if (s == null) {
            return "null";
        }
        String one = s.replace('\n', ' ').replace('\r', ' ');
        return one.length() <= 160 ? one : one.substring(0, 157) + "...";
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
