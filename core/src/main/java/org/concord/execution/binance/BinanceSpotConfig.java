package org.concord.execution.binance;

import org.concord.feed.binance.BinanceConfig;
import org.concord.instrument.InstrumentRegistry;
import org.concord.model.Symbol;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Where and how the Binance spot adapter trades. Start from {@link #testnet()} (https://testnet.binance.vision,
 * wss://stream.testnet.binance.vision: play money) or {@link #live()} (https://api.binance.com,
 * wss://stream.binance.com:9443: real money), or {@link #custom} (tests point it at a loopback exchange). Immutable.
 *
 * <p>{@code venue} names the credentials ({@code binance}, {@code binance-testnet}: see
 * {@link org.concord.secrets.ApiCredentials}) and the adapter's state folder under the data directory, so testnet
 * and live never share ids or journals.
 */
public final class BinanceSpotConfig {
    public static final URI TESTNET_REST = URI.create("https://testnet.binance.vision");
    public static final URI TESTNET_WS = URI.create("wss://stream.testnet.binance.vision");
    public static final URI LIVE_REST = URI.create("https://api.binance.com");
    public static final URI LIVE_WS = URI.create("wss://stream.binance.com:9443");
    /** Binance refuses a recvWindow above 60 s. */
    public static final Duration MAX_RECV_WINDOW = Duration.ofSeconds(60);

    /** Real money or not: the UI shows LIVE in red. */
    public enum Environment { TESTNET, LIVE, CUSTOM }

    private final Environment environment;
    private final String venue;
    private final URI restUrl;
    private final URI wsUrl;
    private final List<Symbol> symbols;
    private final String quoteAsset;
    private final Duration recvWindow;
    private final Duration connectTimeout;
    private final Duration restTimeout;
    private final int restMaxRetries;
    private final Duration restRetryInitial;
    private final Duration maxRetryAfter;
    private final Duration keepAliveInterval;
    private final Duration reconnectInitial;
    private final Duration reconnectMax;
    private final Duration streamIdleTimeout;
    private final Duration unknownOutcomeGrace;
    private final String clientIdPrefix;
    private final InstrumentRegistry instruments;
    private final LongSupplier clock;

    private BinanceSpotConfig(Builder b) {
        environment = b.environment;
        venue = b.venue;
        restUrl = strip(b.restUrl);
        wsUrl = strip(b.wsUrl);
        symbols = List.copyOf(b.symbols);
        quoteAsset = b.quoteAsset;
        recvWindow = b.recvWindow;
        connectTimeout = b.connectTimeout;
        restTimeout = b.restTimeout;
        restMaxRetries = b.restMaxRetries;
        restRetryInitial = b.restRetryInitial;
        maxRetryAfter = b.maxRetryAfter;
        keepAliveInterval = b.keepAliveInterval;
        reconnectInitial = b.reconnectInitial;
        reconnectMax = b.reconnectMax;
        streamIdleTimeout = b.streamIdleTimeout;
        unknownOutcomeGrace = b.unknownOutcomeGrace;
        clientIdPrefix = b.clientIdPrefix;
        instruments = b.instruments;
        clock = b.clock;
    }

    private static URI strip(URI u) {
        String s = u.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : u;
    }

    /** Binance's spot testnet (play money; keys from testnet.binance.vision). */
    public static Builder testnet() {
        return new Builder(Environment.TESTNET, "binance-testnet", TESTNET_REST, TESTNET_WS);
    }

    /** Binance spot with real money. */
    public static Builder live() {
        return new Builder(Environment.LIVE, "binance", LIVE_REST, LIVE_WS);
    }

    /** Any endpoint speaking Binance's protocol (a loopback exchange in tests). */
    public static Builder custom(String venue, URI restUrl, URI wsUrl) {
        return new Builder(Environment.CUSTOM, venue, restUrl, wsUrl);
    }

    public Environment environment() {
        return environment;
    }

    public boolean isLive() {
        return environment == Environment.LIVE;
    }

    public String venue() {
        return venue;
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

    /** The asset counted as cash (the quote asset of the traded symbols, e.g. USDT). */
    public String quoteAsset() {
        return quoteAsset;
    }

    public Duration recvWindow() {
        return recvWindow;
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration restTimeout() {
        return restTimeout;
    }

    /** Retries of requests that are safe to repeat (queries; a new order only after a 429/418, which the exchange did not process). */
    public int restMaxRetries() {
        return restMaxRetries;
    }

    public Duration restRetryInitial() {
        return restRetryInitial;
    }

    /** The longest Retry-After the adapter waits; a longer ask fails the call at once. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** How often the listenKey is kept alive (Binance: valid 60 minutes, ping about every 30). */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    public Duration reconnectInitial() {
        return reconnectInitial;
    }

    public Duration reconnectMax() {
        return reconnectMax;
    }

    /** A user-data connection with no frame (message or ping) for this long is replaced. */
    public Duration streamIdleTimeout() {
        return streamIdleTimeout;
    }

    /** Extra wait past timestamp + recvWindow before an order of unknown outcome that the exchange does not know is declared not placed. */
    public Duration unknownOutcomeGrace() {
        return unknownOutcomeGrace;
    }

    public String clientIdPrefix() {
        return clientIdPrefix;
    }

    /**
     * Our symbols' listings (default: the shipped concord.yaml's): an order on our symbol (the desk's BTCUSD) is sent
     * as the venue's (BTCUSDT); the adapter refreshes the grid from exchangeInfo at start.
     */
    public InstrumentRegistry instruments() {
        return instruments;
    }

    /** The clock that stamps signed requests (epoch ms); keep the machine's clock NTP-synchronised. */
    public LongSupplier clock() {
        return clock;
    }

    /** The stream client's settings (reusing the feed's reconnect/backoff machinery). */
    BinanceConfig streamConfig() {
        BinanceConfig.Builder b = BinanceConfig.builder().restUrl(restUrl).wsUrl(wsUrl)
                .reconnectBackoff(reconnectInitial, reconnectMax).idleTimeout(streamIdleTimeout)
                .connectTimeout(connectTimeout).restTimeout(restTimeout);
        symbols.forEach(b::symbol);
        return b.build();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "BinanceSpotConfig[%s venue=%s rest=%s ws=%s symbols=%s quote=%s recvWindow=%dms]",
                environment, venue, restUrl, wsUrl, symbols, quoteAsset, recvWindow.toMillis());
    }

    /** Builder; {@link #build()} checks every value. */
    public static final class Builder {
        private final Environment environment;
        private final String venue;
        private URI restUrl;
        private URI wsUrl;
        private final Set<Symbol> symbols = new LinkedHashSet<>();
        private String quoteAsset = "USDT";
        private Duration recvWindow = Duration.ofSeconds(5);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration restTimeout = Duration.ofSeconds(10);
        private int restMaxRetries = 3;
        private Duration restRetryInitial = Duration.ofMillis(500);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Duration keepAliveInterval = Duration.ofMinutes(30);
        private Duration reconnectInitial = Duration.ofSeconds(1);
        private Duration reconnectMax = Duration.ofSeconds(60);
        private Duration streamIdleTimeout = Duration.ofMinutes(5);
        private Duration unknownOutcomeGrace = Duration.ofSeconds(2);
        private String clientIdPrefix = "cc";
        private InstrumentRegistry instruments;
        private LongSupplier clock = System::currentTimeMillis;

        private Builder(Environment environment, String venue, URI restUrl, URI wsUrl) {
            if (venue == null || !venue.matches("[a-z0-9][a-z0-9.-]{0,40}")) {
                throw new IllegalArgumentException("venue must be lower-case letters, digits, '.' or '-', got '" + venue + "'");
            }
            this.environment = environment;
            this.venue = venue;
            this.restUrl = restUrl;
            this.wsUrl = wsUrl;
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

        public Builder quoteAsset(String asset) {
            this.quoteAsset = asset;
            return this;
        }

        public Builder recvWindow(Duration d) {
            this.recvWindow = d;
            return this;
        }

        public Builder timeouts(Duration connect, Duration rest) {
            this.connectTimeout = connect;
            this.restTimeout = rest;
            return this;
        }

        public Builder retries(int maxRetries, Duration initial, Duration maxRetryAfter) {
            this.restMaxRetries = maxRetries;
            this.restRetryInitial = initial;
            this.maxRetryAfter = maxRetryAfter;
            return this;
        }

        public Builder keepAlive(Duration every) {
            this.keepAliveInterval = every;
            return this;
        }

        public Builder reconnect(Duration initial, Duration max, Duration idleTimeout) {
            this.reconnectInitial = initial;
            this.reconnectMax = max;
            this.streamIdleTimeout = idleTimeout;
            return this;
        }

        public Builder unknownOutcomeGrace(Duration d) {
            this.unknownOutcomeGrace = d;
            return this;
        }

        /** The listings (desk symbol to venue symbol, tick and step sizes): the configuration file's, required. */
        public Builder instruments(InstrumentRegistry r) {
            if (r == null) {
                throw new IllegalArgumentException("instruments is null");
            }
            this.instruments = r;
            return this;
        }

        public Builder clientIdPrefix(String p) {
            this.clientIdPrefix = p;
            return this;
        }

        public Builder clock(LongSupplier c) {
            this.clock = c;
            return this;
        }

        public BinanceSpotConfig build() {
            for (URI u : new URI[] {restUrl, wsUrl}) {
                if (u == null || u.getScheme() == null || u.getHost() == null) {
                    throw new IllegalArgumentException("rest and ws URLs must be absolute, got " + u);
                }
            }
            if (!restUrl.getScheme().matches("https?") || !wsUrl.getScheme().matches("wss?")) {
                throw new IllegalArgumentException("restUrl must be http(s) and wsUrl ws(s), got " + restUrl + " / " + wsUrl);
            }
            if (symbols.isEmpty()) {
                throw new IllegalArgumentException("binance spot config needs at least one symbol");
            }
            if (instruments == null) {
                // the listings come from the configuration file (ConcordConfig.instruments()): a default here would
                // ignore the user's own instruments section
                throw new IllegalArgumentException("binance spot config needs the instrument listings of the configuration");
            }
            if (quoteAsset == null || !quoteAsset.matches("[A-Z0-9]{2,12}")) {
                throw new IllegalArgumentException("quoteAsset must be an asset code like USDT, got " + quoteAsset);
            }
            for (Symbol s : symbols) {
                if (!s.code().endsWith(quoteAsset) || s.code().length() == quoteAsset.length()) {
                    throw new IllegalArgumentException("symbol " + s + " is not quoted in " + quoteAsset + " (one cash asset per adapter)");
                }
            }
            positive(recvWindow, "recvWindow");
            if (recvWindow.compareTo(MAX_RECV_WINDOW) > 0) {
                throw new IllegalArgumentException("recvWindow cannot exceed 60 s (Binance's limit), got " + recvWindow);
            }
            positive(connectTimeout, "connectTimeout");
            positive(restTimeout, "restTimeout");
            positive(restRetryInitial, "restRetryInitial");
            positive(maxRetryAfter, "maxRetryAfter");
            positive(keepAliveInterval, "keepAliveInterval");
            if (keepAliveInterval.compareTo(Duration.ofMinutes(59)) > 0) {
                throw new IllegalArgumentException("keepAliveInterval must be under the listenKey's 60 minutes, got " + keepAliveInterval);
            }
            positive(reconnectInitial, "reconnectInitial");
            positive(reconnectMax, "reconnectMax");
            positive(streamIdleTimeout, "streamIdleTimeout");
            if (unknownOutcomeGrace == null || unknownOutcomeGrace.isNegative()) {
                throw new IllegalArgumentException("unknownOutcomeGrace must be >= 0, got " + unknownOutcomeGrace);
            }
            if (restMaxRetries < 0 || restMaxRetries > 20) {
                throw new IllegalArgumentException("restMaxRetries must be in [0, 20], got " + restMaxRetries);
            }
            if (clientIdPrefix == null || !clientIdPrefix.matches("[A-Za-z0-9]{1,8}")) {
                throw new IllegalArgumentException("clientIdPrefix must be 1-8 letters/digits, got '" + clientIdPrefix + "'");
            }
            if (clock == null) {
                throw new IllegalArgumentException("clock is required");
            }
            return new BinanceSpotConfig(this);
        }

        private static void positive(Duration d, String name) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
            }
        }
    }
}
