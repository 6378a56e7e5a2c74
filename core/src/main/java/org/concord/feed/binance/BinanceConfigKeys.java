package org.concord.feed.binance;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The configuration keys of the Binance feed (the {@code binance:} section of concord.yaml, listed in
 * docs/binance-feed.md) read onto a {@link BinanceConfig.Builder}: names, value types and their errors. Unknown keys are
 * an error, so a typo does not silently fall back to a default. Durations are milliseconds.
 */
public final class BinanceConfigKeys {
    private BinanceConfigKeys() {
    }

    /**
     * A builder with a configuration section's values applied (symbols and intervals may be left for the caller to
     * add, as the live feed does with the chosen symbol). Unknown keys and bad values fail with the key named.
     */
    public static BinanceConfig.Builder builderFrom(Map<String, ?> section) {
        if (section == null) {
            throw new IllegalArgumentException("binance config section is null");
        }
        BinanceConfig.Builder b = BinanceConfig.builder();
        for (Map.Entry<String, ?> e : section.entrySet()) {
            apply(b, e.getKey(), e.getValue());
        }
        return b;
    }

    /** Applies one configuration key to {@code b}; an unknown key or a bad value is an IllegalArgumentException naming it. */
    public static void apply(BinanceConfig.Builder b, String key, Object v) {
        switch (key) {
            case "restUrl" -> b.restUrl(uri(key, v));
            case "wsUrl" -> b.wsUrl(uri(key, v));
            case "symbols" -> list(key, v).forEach(s -> b.symbol(Symbol.of(s)));
            case "intervals" -> list(key, v).forEach(s -> b.interval(Timeframe.ofCode(s)));
            case "aggTrades" -> b.aggTrades(bool(key, v));
            case "depth" -> b.depth(bool(key, v));
            case "initialBackfillBars" -> b.initialBackfillBars(integer(key, v));
            case "maxBackfillBars" -> b.maxBackfillBars(integer(key, v));
            case "pageSize" -> b.pageSize(integer(key, v));
            case "reconnectInitialMs" -> b.reconnectBackoff(Duration.ofMillis(integer(key, v)), b.reconnectMax);
            case "reconnectMaxMs" -> b.reconnectBackoff(b.reconnectInitial, Duration.ofMillis(integer(key, v)));
            case "reconnectJitter" -> b.reconnectJitter(number(key, v));
            case "idleTimeoutMs" -> b.idleTimeout(Duration.ofMillis(integer(key, v)));
            case "connectTimeoutMs" -> b.connectTimeout(Duration.ofMillis(integer(key, v)));
            case "restTimeoutMs" -> b.restTimeout(Duration.ofMillis(integer(key, v)));
            case "restMaxRetries" -> b.restMaxRetries(integer(key, v));
            case "restRetryInitialMs" -> b.restRetryInitial(Duration.ofMillis(integer(key, v)));
            case "maxRetryAfterMs" -> b.maxRetryAfter(Duration.ofMillis(integer(key, v)));
            case "queueCapacity" -> b.queueCapacity(integer(key, v));
            default -> throw new IllegalArgumentException("unknown binance config key '" + key + "' (known: restUrl, wsUrl, symbols, intervals, "
                    + "aggTrades, depth, initialBackfillBars, maxBackfillBars, pageSize, reconnectInitialMs, reconnectMaxMs, reconnectJitter, "
                    + "idleTimeoutMs, connectTimeoutMs, restTimeoutMs, restMaxRetries, restRetryInitialMs, maxRetryAfterMs, queueCapacity)");
        }
    }

    private static URI uri(String key, Object v) {
        String s = str(key, v);
        try {
            return URI.create(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("binance config '" + key + "' is not a URL: " + s);
        }
    }

    private static String str(String key, Object v) {
        if (!(v instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("binance config '" + key + "' must be a non-empty string, got " + v);
        }
        return s.trim();
    }

    private static List<String> list(String key, Object v) {
        if (v instanceof String s) {
            List<String> out = new ArrayList<>();
            for (String part : s.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<String> out = new ArrayList<>();
            for (Object o : c) {
                out.add(str(key, o));
            }
            return out;
        }
        throw new IllegalArgumentException("binance config '" + key + "' must be a list or a comma-separated string, got " + v);
    }

    private static boolean bool(String key, Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException("binance config '" + key + "' must be true or false, got " + v);
    }

    private static int integer(String key, Object v) {
        double d = number(key, v);
        if (d != Math.rint(d) || d > Integer.MAX_VALUE || d < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("binance config '" + key + "' must be a whole number, got " + v);
        }
        return (int) d;
    }

    private static double number(String key, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException("binance config '" + key + "' must be a number, got " + v);
    }

}
