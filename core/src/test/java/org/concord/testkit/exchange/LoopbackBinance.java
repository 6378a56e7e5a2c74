package org.concord.testkit.exchange;

import org.concord.feed.BundledData;
import org.concord.feed.binance.BinanceConfig;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small Binance on 127.0.0.1 for tests: the public REST market data ({@code /api/v3/ping}, {@code /api/v3/time},
 * {@code /api/v3/klines}, {@code /api/v3/exchangeInfo}) on a real HTTP server and the market streams ({@code <symbol>@kline_<interval>},
 * {@code <symbol>@aggTrade}, {@code <symbol>@depth20@100ms}) on a real WebSocket server, in Binance's formats,
 * over real market data (by default the bundled Bitstamp trades listed as BTCUSDT).
 *
 * <p>The exchange's clock is a minute cursor the test moves with {@link #advance}: minutes before it are
 * closed, the cursor minute is forming (it shows its first trade). Each step publishes, to whoever is
 * subscribed, the minute's trades, the klines that close, the newly forming klines and a book; REST answers
 * from the same state, so a client that misses messages can recover everything over REST.
 *
 * <p>Faults: a {@link StepFault} on a step (drop/duplicate/reorder/corrupt the closing klines), stale klines
 * ({@link #resendClosed}), any raw text ({@link #sendRaw}), abrupt disconnects and refused connections
 * ({@link #stream()}), REST errors and Retry-After ({@link #rest()}). Later work adds routes with
 * {@link LoopbackRestServer#route}.
 */
public final class LoopbackBinance implements AutoCloseable {
    public static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
    /** Intervals the loopback serves (all Concord timeframes built from minutes; not 1s). */
    public static final List<Timeframe> INTERVALS = List.of(Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1);
    private static final int DEPTH_LEVELS = 20;

    /** What goes wrong with the klines that close during a step. */
    public enum StepFault {
        NONE,
        /** The closing klines are not sent at all (lost messages). */
        DROP_CLOSED,
        /** The closing klines are sent twice. */
        DUPLICATE_CLOSED,
        /** The newly forming klines are sent before the closing ones (out of order). */
        FORMING_BEFORE_CLOSED,
        /** The closing klines carry "NaN" as close price instead of the real ones. */
        NAN_CLOSED,
        /** The closing klines carry negative prices instead of the real ones. */
        NEGATIVE_CLOSED,
        /** The closing klines carry a high below their low instead of the real values. */
        HIGH_BELOW_LOW_CLOSED
    }

    private final Map<String, ExchangeMarket> markets = new LinkedHashMap<>();
    /** What exchangeInfo lists: every market, with Binance's BTCUSDT filters (tick 0.01, step 0.00001, min notional 10). */
    private final Map<String, LoopbackSpotAccount.Listing> listings = new java.util.concurrent.ConcurrentHashMap<>();
    private final LoopbackRestServer rest;
    private final LoopbackStreamServer stream;
    private volatile int cursor;
    private final List<java.util.function.IntConsumer> stepListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long bookUpdateId = 1_000_000;

    /** The exchange over {@code markets} (same minute grid expected), with minute {@code startMinute} forming. */
    public LoopbackBinance(List<ExchangeMarket> markets, int startMinute) {
        if (markets.isEmpty()) {
            throw new IllegalArgumentException("at least one market");
        }
        for (ExchangeMarket m : markets) {
            if (startMinute < 0 || startMinute >= m.minutes()) {
                throw new IllegalArgumentException("start minute " + startMinute + " outside " + m.symbol() + "'s " + m.minutes() + " minutes");
            }
            this.markets.put(m.symbol().code(), m);
            String code = m.symbol().code();
            String quote = code.endsWith("USDT") ? "USDT" : "USD";
            listings.put(code, new LoopbackSpotAccount.Listing(code, code.substring(0, code.length() - quote.length()), quote,
                    new java.math.BigDecimal("0.01"), new java.math.BigDecimal("0.00001"), new java.math.BigDecimal("10")));
        }
        this.cursor = startMinute;
        this.rest = new LoopbackRestServer();
        this.stream = new LoopbackStreamServer().startAndWait();
        new MarketDataRoutes(this).install(rest);
    }

    /** BTCUSDT over the bundled Bitstamp trades (about 9,600 minutes from 2013-11-25), minute {@code startMinute} forming. */
    public static LoopbackBinance withBitstampBtcusdt(int startMinute) {
        return new LoopbackBinance(List.of(bitstampMarket()), startMinute);
    }

    private static volatile ExchangeMarket bitstamp;

    /** The bundled Bitstamp trades as the BTCUSDT market (built once per JVM; immutable). */
    public static ExchangeMarket bitstampMarket() {
        ExchangeMarket m = bitstamp;
        if (m == null) {
            m = ExchangeMarket.fromTrades(BTCUSDT, BundledData.bitstampTrades());
            bitstamp = m;
        }
        return m;
    }

    public URI restUrl() {
        return rest.baseUrl();
    }

    public URI wsUrl() {
        return stream.baseUrl();
    }

    /**
     * A feed configuration pointed at this exchange, with test-speed timings (reconnect backoff 50..400 ms, REST
     * retries from 20 ms, idle timeout 5 s); every symbol of the exchange, no streams chosen yet.
     */
    public BinanceConfig.Builder feedConfig() {
        BinanceConfig.Builder b = BinanceConfig.builder().restUrl(restUrl()).wsUrl(wsUrl())
                .reconnectBackoff(Duration.ofMillis(50), Duration.ofMillis(400)).reconnectJitter(0.2)
                .restRetryInitial(Duration.ofMillis(20)).restMaxRetries(3).restTimeout(Duration.ofSeconds(5))
                .connectTimeout(Duration.ofSeconds(2)).idleTimeout(Duration.ofSeconds(5)).aggTrades(false).depth(false);
        markets.values().forEach(m -> b.symbol(m.symbol()));
        return b;
    }

    /** The listings exchangeInfo serves, by symbol (a test may change a listing's filters before a client starts). */
    public Map<String, LoopbackSpotAccount.Listing> listings() {
        return listings;
    }

    public LoopbackRestServer rest() {
        return rest;
    }

    public LoopbackStreamServer stream() {
        return stream;
    }

    public ExchangeMarket market(Symbol symbol) {
        ExchangeMarket m = markets.get(symbol.code());
        if (m == null) {
            throw new IllegalArgumentException("no market " + symbol);
        }
        return m;
    }

    ExchangeMarket marketOrNull(String code) {
        return markets.get(code);
    }

    /** Index of the forming minute. */
    public int cursor() {
        return cursor;
    }

    /** The exchange clock: 30 s into the forming minute. */
    public long now() {
        return markets.values().iterator().next().minuteTime(cursor) + 30_000L;
    }

    /** Every closed kline of {@code tf} so far, oldest first: what a complete client must hold. */
    public List<Kline> closedKlines(Symbol symbol, Timeframe tf) {
        List<Kline> all = market(symbol).klines(tf, cursor);
        return all.stream().filter(Kline::closed).toList();
    }

    // ---------------------------------------------------------------- producing

    /**
     * Called after each step with the index of the minute that just traded (its trades are final); the spot account
     * matches working orders against them.
     */
    public void addStepListener(java.util.function.IntConsumer listener) {
        stepListeners.add(listener);
    }

    /** The last price: the forming minute's first trade (or the previous close when it has none). */
    public double lastPrice(Symbol symbol) {
        ExchangeMarket m = market(symbol);
        return m.kline(Timeframe.M1, m.minuteTime(cursor), cursor).close();
    }

    /** Moves the clock {@code minutes} minutes forward, publishing each step normally. */
    public void advance(int minutes) {
        advance(minutes, StepFault.NONE);
    }

    /** Moves the clock {@code minutes} minutes forward; {@code fault} applies to every one of these steps. */
    public synchronized void advance(int minutes, StepFault fault) {
        for (int s = 0; s < minutes; s++) {
            for (ExchangeMarket m : markets.values()) {
                if (cursor + 1 >= m.minutes()) {
                    throw new IllegalStateException("the market data ends at minute " + (m.minutes() - 1));
                }
            }
            step(fault);
            for (java.util.function.IntConsumer l : stepListeners) {
                l.accept(cursor - 1);
            }
        }
    }

    private void step(StepFault fault) {
        int k = cursor;
        List<Runnable> closing = new ArrayList<>();
        List<Runnable> forming = new ArrayList<>();
        for (ExchangeMarket m : markets.values()) {
            String lower = m.symbol().lower();
            long closeAt = m.minuteTime(k) + 60_000L;
            String aggStream = lower + "@aggTrade";
            if (stream.hasSubscriber(aggStream)) {
                for (int i = m.tradeFrom(k); i < m.tradeTo(k); i++) {
                    stream.publish(aggStream, BinanceJson.aggTrade(m.symbol().code(), i, ExchangeMarket.round8(m.tape().price(i)),
                            ExchangeMarket.round8(m.tape().size(i)), m.tape().time(i), m.tape().buyerMaker(i)));
                }
            }
            for (Timeframe tf : INTERVALS) {
                String name = lower + "@kline_" + tf.code();
                if (!stream.hasSubscriber(name)) {
                    continue;
                }
                long barOpen = tf.floor(m.minuteTime(k));
                if (barOpen + tf.millis() == closeAt) {
                    Kline closed = corrupt(m.kline(tf, barOpen, k + 1), fault);
                    if (closed != null) {
                        closing.add(() -> stream.publish(name, BinanceJson.klineEvent(closed, closeAt)));
                        if (fault == StepFault.DUPLICATE_CLOSED) {
                            closing.add(() -> stream.publish(name, BinanceJson.klineEvent(closed, closeAt)));
                        }
                    }
                }
                Kline next = m.kline(tf, tf.floor(closeAt), k + 1);
                forming.add(() -> stream.publish(name, BinanceJson.klineEvent(next, closeAt + 1)));
            }
        }
        cursor = k + 1;
        if (fault == StepFault.FORMING_BEFORE_CLOSED) {
            forming.forEach(Runnable::run);
            closing.forEach(Runnable::run);
        } else {
            closing.forEach(Runnable::run);
            forming.forEach(Runnable::run);
        }
        for (ExchangeMarket m : markets.values()) {
            String depthStream = m.symbol().lower() + "@depth20@100ms";
            if (stream.hasSubscriber(depthStream)) {
                stream.publish(depthStream, book(m, k));
            }
        }
    }

    private static Kline corrupt(Kline k, StepFault fault) {
        return switch (fault) {
            case DROP_CLOSED -> null;
            case NAN_CLOSED -> k.withPrices(k.open(), k.high(), k.low(), Double.NaN);
            case NEGATIVE_CLOSED -> k.withPrices(-k.open(), -k.high(), -k.low(), -k.close());
            case HIGH_BELOW_LOW_CLOSED -> k.withPrices(k.open(), k.low() - 1, k.high() + 1, k.close());
            default -> k;
        };
    }

    /** A 20-level book around minute {@code k}'s close (the data has no book: levels one cent apart, sizes from its trades). */
    private String book(ExchangeMarket m, int k) {
        double p = m.kline(Timeframe.M1, m.minuteTime(k), k + 1).close();
        double[] bp = new double[DEPTH_LEVELS];
        double[] bq = new double[DEPTH_LEVELS];
        double[] ap = new double[DEPTH_LEVELS];
        double[] aq = new double[DEPTH_LEVELS];
        int from = m.tradeFrom(k);
        int n = m.tradeTo(k) - from;
        for (int i = 0; i < DEPTH_LEVELS; i++) {
            bp[i] = ExchangeMarket.round8(p - 0.01 * (i + 1));
            ap[i] = ExchangeMarket.round8(p + 0.01 * (i + 1));
            bq[i] = n > 0 ? ExchangeMarket.round8(m.tape().size(from + (2 * i) % n)) : 0.5;
            aq[i] = n > 0 ? ExchangeMarket.round8(m.tape().size(from + (2 * i + 1) % n)) : 0.5;
        }
        return BinanceJson.depth(++bookUpdateId, bp, bq, ap, aq);
    }

    /** Sends the closed kline of {@code tf} at {@code openTime} again (a stale or duplicate message). */
    public synchronized void resendClosed(Symbol symbol, Timeframe tf, long openTime) {
        Kline k = market(symbol).kline(tf, openTime, cursor);
        if (k == null || !k.closed()) {
            throw new IllegalArgumentException(symbol + " " + tf + " @" + openTime + " is not closed yet");
        }
        stream.publish(symbol.lower() + "@kline_" + tf.code(), BinanceJson.klineEvent(k, now()));
    }

    /** Publishes {@code kline} on its stream as given (any values, any flag). */
    public void publish(Kline kline, long eventTime) {
        stream.publish(kline.symbol().lower() + "@kline_" + kline.tf().code(), BinanceJson.klineEvent(kline, eventTime));
    }

    /**
     * Publishes a well-formed closed kline of {@code tf} dated {@code ahead} after the forming minute (a bad source's
     * clock), with the exchange's current event time, or with an event time as far ahead when {@code eventTimeAhead}.
     * The prices are those of the last closed kline, so nothing but the time is wrong.
     */
    public synchronized Kline publishFutureDated(Symbol symbol, Timeframe tf, java.time.Duration ahead, boolean eventTimeAhead) {
        List<Kline> closed = closedKlines(symbol, tf);
        Kline k = closed.get(closed.size() - 1);
        long open = tf.floor(now() + ahead.toMillis());
        Kline future = new Kline(symbol, tf, open, k.open(), k.high(), k.low(), k.close(), k.volume(), k.trades(), k.firstTradeId(),
                k.lastTradeId(), true);
        publish(future, eventTimeAhead ? future.closeTime() + 1 : now());
        return future;
    }

    /** Publishes an aggregate trade dated {@code ahead} after the exchange's clock, with an id far beyond the real ones. */
    public synchronized void publishFutureTrade(Symbol symbol, java.time.Duration ahead) {
        long t = now() + ahead.toMillis();
        stream.publish(symbol.lower() + "@aggTrade", BinanceJson.aggTrade(symbol.code(), Long.MAX_VALUE / 2, lastPrice(symbol), 1.0, t, false));
    }

    /** Sends {@code text} as is to every connection (malformed messages). */
    public void sendRaw(String text) {
        stream.sendRawToAll(text);
    }

    @Override
    public void close() {
        stream.close();
        rest.close();
    }
}
