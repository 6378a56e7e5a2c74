package org.concord.feed.binance;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the Binance feed connects to and how it behaves. Immutable; build with {@link #builder()} or read a
 * configuration section with {@link #fromMap(Map)} (keys: {@link BinanceConfigKeys}, listed in docs/binance-feed.md). Defaults are the real
 * public endpoints, so only tests (a loopback exchange) and other venues (the testnet) override the URLs.
 */
public final class BinanceConfig {
    public static final URI DEFAULT_REST_URL = URI.create("https://api.binance.com");
    public static final URI DEFAULT_WS_URL = URI.create("wss://stream.binance.com:9443");
    /** Binance serves at most 1000 klines per REST call. */
    public static final int MAX_PAGE_SIZE = 1000;

    private final URI restUrl;
    private final URI wsUrl;
    private final List<Symbol> symbols;
    private final List<Timeframe> intervals;
    private final boolean aggTrades;
    private final boolean depth;
    private final int initialBackfillBars;
    private final int maxBackfillBars;
    private final int pageSize;
    private final Duration reconnectInitial;
    private final Duration reconnectMax;
    private final double reconnectJitter;
    private final Duration idleTimeout;
    private final Duration connectTimeout;
    private final Duration restTimeout;
    private final int restMaxRetries;
    private final Duration restRetryInitial;
    private final Duration maxRetryAfter;
    private final int queueCapacity;

    private BinanceConfig(Builder b) {
        this.restUrl = stripSlash(b.restUrl);
        this.wsUrl = stripSlash(b.wsUrl);
        this.symbols = List.copyOf(b.symbols);
        this.intervals = List.copyOf(b.intervals);
        this.aggTrades = b.aggTrades;
        this.depth = b.depth;
        this.initialBackfillBars = b.initialBackfillBars;
        this.maxBackfillBars = b.maxBackfillBars;
        this.pageSize = b.pageSize;
        this.reconnectInitial = b.reconnectInitial;
        this.reconnectMax = b.reconnectMax;
        this.reconnectJitter = b.reconnectJitter;
        this.idleTimeout = b.idleTimeout;
        this.connectTimeout = b.connectTimeout;
        this.restTimeout = b.restTimeout;
        this.restMaxRetries = b.restMaxRetries;
        this.restRetryInitial = b.restRetryInitial;
        this.maxRetryAfter = b.maxRetryAfter;
        this.queueCapacity = b.queueCapacity;
    }

    private static URI stripSlash(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this configuration's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.restUrl = restUrl;
        b.wsUrl = wsUrl;
        b.symbols.addAll(symbols);
        b.intervals.addAll(intervals);
        b.aggTrades = aggTrades;
        b.depth = depth;
        b.initialBackfillBars = initialBackfillBars;
        b.maxBackfillBars = maxBackfillBars;
        b.pageSize = pageSize;
        b.reconnectInitial = reconnectInitial;
        b.reconnectMax = reconnectMax;
        b.reconnectJitter = reconnectJitter;
        b.idleTimeout = idleTimeout;
        b.connectTimeout = connectTimeout;
        b.restTimeout = restTimeout;
        b.restMaxRetries = restMaxRetries;
        b.restRetryInitial = restRetryInitial;
        b.maxRetryAfter = maxRetryAfter;
        b.queueCapacity = queueCapacity;
        return b;
    }

    /** Reads a configuration section; see {@link BinanceConfigKeys#builderFrom}. */
    public static BinanceConfig fromMap(Map<String, ?> section) {
        return BinanceConfigKeys.builderFrom(section).build();
    }

    public URI restUrl() {
        return restUrl;
    }

    public URI wsUrl() {
        return wsUrl;
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    public List<Timeframe> intervals() {
        return intervals;
    }

    public boolean aggTrades() {
        return aggTrades;
    }

    public boolean depth() {
        return depth;
    }

    /** Closed bars loaded over REST before the first live bar when nothing is known of a series. */
    public int initialBackfillBars() {
        return initialBackfillBars;
    }

    /** The most bars one gap backfill loads (the newest ones); older missing bars are reported as a gap. */
    public int maxBackfillBars() {
        return maxBackfillBars;
    }

    public int pageSize() {
        return pageSize;
    }

    public Duration reconnectInitial() {
        return reconnectInitial;
    }

    public Duration reconnectMax() {
        return reconnectMax;
    }

    public double reconnectJitter() {
        return reconnectJitter;
    }

    /** A connection with no message for this long is presumed dead and replaced. */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration restTimeout() {
        return restTimeout;
    }

    public int restMaxRetries() {
        return restMaxRetries;
    }

    public Duration restRetryInitial() {
        return restRetryInitial;
    }

    /** Upper bound on a server's Retry-After we are willing to sleep; longer asks fail the request. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    public int queueCapacity() {
        return queueCapacity;
    }

    /** Stream names of the combined stream, e.g. {@code btcusdt@kline_1m}. */
    public List<String> streamNames() {
        List<String> out = new ArrayList<>();
        for (Symbol s : symbols) {
            for (Timeframe tf : intervals) {
                out.add(s.lower() + "@kline_" + tf.code());
            }
            if (aggTrades) {
                out.add(s.lower() + "@aggTrade");
            }
            if (depth) {
                out.add(s.lower() + "@depth20@100ms");
            }
        }
        return out;
    }

    /** The combined-stream URL: {@code <ws>/stream?streams=a/b/c}. */
    public URI combinedStreamUri() {
        return URI.create(wsUrl + "/stream?streams=" + String.join("/", streamNames()));
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BinanceConfig[rest=%s ws=%s symbols=%s intervals=%s aggTrades=%s depth=%s]",
                restUrl, wsUrl, symbols, intervals, aggTrades, depth);
    }

    /** Builder; {@link #build()} checks every value. */
    public static final class Builder {
        private URI restUrl = DEFAULT_REST_URL;
        private URI wsUrl = DEFAULT_WS_URL;
        private final Set<Symbol> symbols = new LinkedHashSet<>();
        private final Set<Timeframe> intervals = new LinkedHashSet<>();
        private boolean aggTrades = true;
        private boolean depth = true;
        private int initialBackfillBars = 1000;
        private int maxBackfillBars = 100_000;
        private int pageSize = MAX_PAGE_SIZE;
        Duration reconnectInitial = Duration.ofSeconds(1); // read by BinanceConfigKeys: one backoff key keeps the other bound
        Duration reconnectMax = Duration.ofSeconds(60);
        private double reconnectJitter = 0.2;
        private Duration idleTimeout = Duration.ofSeconds(30);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration restTimeout = Duration.ofSeconds(10);
        private int restMaxRetries = 5;
        private Duration restRetryInitial = Duration.ofMillis(500);
        private Duration maxRetryAfter = Duration.ofMinutes(5);
        private int queueCapacity = 100_000;

        private Builder() {
        }

        public Builder restUrl(URI u) {
            this.restUrl = requireUri(u, "restUrl", "http", "https");
            return this;
        }

        public Builder wsUrl(URI u) {
            this.wsUrl = requireUri(u, "wsUrl", "ws", "wss");
            return this;
        }

        private static URI requireUri(URI u, String name, String... schemes) {
            if (u == null || u.getScheme() == null || u.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an absolute URL, got " + u);
            }
            for (String s : schemes) {
                if (s.equalsIgnoreCase(u.getScheme())) {
                    return u;
                }
            }
            throw new IllegalArgumentException(name + " must use " + String.join(" or ", schemes) + ", got " + u);
        }

        public Builder symbol(Symbol s) {
            if (s == null) {
                throw new IllegalArgumentException("symbol is null");
            }
            symbols.add(s);
            return this;
        }

        public Builder symbols(Symbol... ss) {
            for (Symbol s : ss) {
                symbol(s);
            }
            return this;
        }

        public Builder interval(Timeframe tf) {
            if (tf == null) {
                throw new IllegalArgumentException("interval is null");
            }
            intervals.add(tf);
            return this;
        }

        public Builder intervals(Timeframe... tfs) {
            for (Timeframe tf : tfs) {
                interval(tf);
            }
            return this;
        }

        public Builder aggTrades(boolean on) {
            this.aggTrades = on;
            return this;
        }

        public Builder depth(boolean on) {
            this.depth = on;
            return this;
        }

        public Builder initialBackfillBars(int n) {
            this.initialBackfillBars = n;
            return this;
        }

        public Builder maxBackfillBars(int n) {
            this.maxBackfillBars = n;
            return this;
        }

        public Builder pageSize(int n) {
            this.pageSize = n;
            return this;
        }

        public Builder reconnectBackoff(Duration initial, Duration max) {
            this.reconnectInitial = initial;
            this.reconnectMax = max;
            return this;
        }

        public Builder reconnectJitter(double j) {
            this.reconnectJitter = j;
            return this;
        }

        public Builder idleTimeout(Duration d) {
            this.idleTimeout = d;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder restTimeout(Duration d) {
            this.restTimeout = d;
            return this;
        }

        public Builder restMaxRetries(int n) {
            this.restMaxRetries = n;
            return this;
        }

        public Builder restRetryInitial(Duration d) {
            this.restRetryInitial = d;
            return this;
        }

        public Builder maxRetryAfter(Duration d) {
            this.maxRetryAfter = d;
            return this;
        }

        public Builder queueCapacity(int n) {
            this.queueCapacity = n;
            return this;
        }

        public BinanceConfig build() {
            if (symbols.isEmpty()) {
                throw new IllegalArgumentException("binance config needs at least one symbol");
            }
            if (intervals.isEmpty() && !aggTrades && !depth) {
                throw new IllegalArgumentException("binance config subscribes to nothing: give intervals, aggTrades or depth");
            }
            if (initialBackfillBars < 0 || maxBackfillBars < 1 || initialBackfillBars > maxBackfillBars) {
                throw new IllegalArgumentException("need 0 <= initialBackfillBars (" + initialBackfillBars + ") <= maxBackfillBars ("
                        + maxBackfillBars + "), maxBackfillBars >= 1");
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw new IllegalArgumentException("pageSize must be in [1, " + MAX_PAGE_SIZE + "], got " + pageSize);
            }
            positive(reconnectInitial, "reconnectInitial");
            positive(reconnectMax, "reconnectMax");
            if (reconnectMax.compareTo(reconnectInitial) < 0) {
                throw new IllegalArgumentException("reconnectMax " + reconnectMax + " below reconnectInitial " + reconnectInitial);
            }
            if (!(reconnectJitter >= 0 && reconnectJitter <= 1)) {
                throw new IllegalArgumentException("reconnectJitter must be in [0, 1], got " + reconnectJitter);
            }
            positive(idleTimeout, "idleTimeout");
            positive(connectTimeout, "connectTimeout");
            positive(restTimeout, "restTimeout");
            positive(restRetryInitial, "restRetryInitial");
            positive(maxRetryAfter, "maxRetryAfter");
            if (restMaxRetries < 0) {
                throw new IllegalArgumentException("restMaxRetries must be >= 0, got " + restMaxRetries);
            }
            if (queueCapacity < 16) {
                throw new IllegalArgumentException("queueCapacity must be >= 16, got " + queueCapacity);
            }
            return new BinanceConfig(this);
        }

        private static void positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
            }
        }
    }
}
