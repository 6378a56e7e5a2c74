package org.concord.feed.binance;

import org.concord.data.DataProvider;
import org.concord.data.HistorySource;
import org.concord.data.MarketDataSink;
import org.concord.feed.FeedState;
import org.concord.feed.MarketFeed;
import org.concord.instrument.Instrument;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binance public market data (no keys) into a {@link MarketDataSink}: klines as the bars, aggregate trades as
 * trades, the 20-level partial book as book snapshots; and, as a {@link HistorySource}, closed klines over REST.
 *
 * <p><b>Ordering rule (no missing, no duplicate closed bar).</b> For each symbol × interval the feed remembers
 * the open time of the last closed bar it delivered. A live kline at open time {@code t} (forming or closed)
 * proves that every bar before {@code t} has closed on the exchange; if bars between the last delivered one
 * and {@code t} are missing (first connect, a reconnect after a disconnect, a lost or rejected message), they
 * are fetched over REST and delivered, oldest first, <i>before</i> the live kline. So closed bars reach the sink
 * strictly in order, each once, whatever happened to the connection. On the very first kline of a series with
 * nothing known, the {@link BinanceConfig#initialBackfillBars()} bars before it are loaded the same way.
 * The feed's stated rules for bad input are in {@link StreamRules}; they are counted in the {@link InputQuality}
 * under {@value #SOURCE_WS} / {@value BinanceRestClient#SOURCE}.
 *
 * <p><b>Threads.</b> WebSocket callbacks only enqueue; one worker thread parses, applies the rules, backfills
 * and calls the sink, so the sink sees a single writer per feed. A full queue (the sink too slow) drops the
 * connection: the reconnect backfill repairs the bars; trades and books of that time are lost (counted as GAP).
 */
public final class BinanceFeed implements MarketFeed, HistorySource {
    public static final String SOURCE_WS = "binance-ws";
    public static final String SOURCE_REST = BinanceRestClient.SOURCE;
    private static final Logger LOG = LoggerFactory.getLogger(BinanceFeed.class);
    private static final int CONNECTED = 0;
    private static final int MESSAGE = 1;
    private static final int DISCONNECTED = 2;

    private final BinanceConfig config;
    private final MarketDataSink sink;
    private final InputQuality quality;
    private final BinanceRestClient rest;
    private final HttpClient http;
    private final Map<String, SymbolTrack> tracks = new HashMap<>();
    private final BlockingQueue<Event> queue;
    private final ScheduledExecutorService timer;
    private final ExchangeClock clock;
    private final StreamRules rules;
    private final Counters counters = new Counters();
    private volatile FeedState state = FeedState.IDLE;
    private volatile List<Instrument> instruments = List.of();
    private volatile boolean stopping;
    private BinanceStreamClient stream;
    private Thread worker;

    private record Event(int kind, int connection, String text) {
    }

    /** Feed-wide counters, readable from any thread. */
    static final class Counters {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong liveClosedBars = new AtomicLong();
        final AtomicLong formingUpdates = new AtomicLong();
        final AtomicLong backfills = new AtomicLong();
        final AtomicLong backfilledBars = new AtomicLong();
        final AtomicLong trades = new AtomicLong();
        final AtomicLong books = new AtomicLong();
        final AtomicLong disconnects = new AtomicLong();
        final AtomicLong queueOverflows = new AtomicLong();
    }

    /** A snapshot of the feed's counters. */
    public record Stats(long connects, long connectionFailures, long disconnects, long messages, long liveClosedBars,
                        long formingUpdates, long backfills, long backfilledBars, long trades, long books,
                        long restRequests, long restRetries, long restRateLimited, long queueOverflows) {
    }

    public BinanceFeed(BinanceConfig config, MarketDataSink sink, InputQuality quality) {
        this(config, sink, quality, config == null ? null : BinanceRestClient.newHttpClient(config));
    }

    public BinanceFeed(BinanceConfig config, MarketDataSink sink, InputQuality quality, HttpClient http) {
        if (config == null || sink == null || quality == null || http == null) {
            throw new IllegalArgumentException("config, sink, quality and http client are required");
        }
        this.config = config;
        this.sink = sink;
        this.quality = quality;
        this.http = http;
        this.rest = new BinanceRestClient(config, quality, http);
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        for (Symbol s : config.symbols()) {
            SymbolTrack t = new SymbolTrack(s);
            config.intervals().forEach(t::subscribe);
            tracks.put(s.lower(), t);
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(Daemons.named("binance-timer"));
        this.clock = new ExchangeClock(rest::serverTime, System::currentTimeMillis, System::nanoTime);
        this.rules = new StreamRules(this);
    }

    /**
     * The usual way to go live: declares the symbols' bars as feed bars (klines, not re-aggregated trades), makes
     * this feed the provider's history source, resumes every series after the newest bar already stored (so a
     * restart backfills exactly the bars it missed) and starts. First it reads the symbols' listings
     * ({@code exchangeInfo}): a symbol Binance does not list fails here, naming it, instead of a stream that never
     * delivers; the listings are kept as {@link #instruments()} (the exchange's tick, step and minimums).
     */
    public static BinanceFeed connect(BinanceConfig config, DataProvider provider) {
        if (config == null || provider == null) {
            throw new IllegalArgumentException("config and provider are required");
        }
        BinanceFeed feed = new BinanceFeed(config, provider, provider.quality());
        try {
            feed.instruments = feed.rest.exchangeInfo(config.symbols());
        } catch (BinanceApiException e) {
            throw new IllegalArgumentException("binance feed: cannot list " + config.symbols() + " on " + config.restUrl()
                    + " (exchangeInfo): " + e.getMessage(), e);
        }
        LOG.info("binance listings: {}", feed.instruments);
        for (Symbol s : config.symbols()) {
            provider.declareFeedBars(s);
            for (Timeframe tf : config.intervals()) {
                long[] range = provider.store().range(s, tf);
                if (range != null) {
                    feed.resumeAfter(s, tf, range[1]);
                }
            }
        }
        provider.setHistorySource(feed);
        feed.start();
        return feed;
    }

    /**
     * Declares that the sink already holds every closed bar of the series up to {@code lastClosedOpenTime}; the
     * feed then backfills from the next bar on. Call before {@link #start()}.
     */
    public synchronized void resumeAfter(Symbol symbol, Timeframe tf, long lastClosedOpenTime) {
        if (worker != null) {
            throw new IllegalStateException("resumeAfter must be called before start()");
        }
        SymbolTrack t = symbol == null ? null : tracks.get(symbol.lower());
        if (t == null || tf == null || !t.subscribed(tf)) {
            throw new IllegalArgumentException(symbol + " " + tf + " is not a configured series of this feed");
        }
        if (tf.floor(lastClosedOpenTime) != lastClosedOpenTime) {
            throw new IllegalArgumentException("open time " + lastClosedOpenTime + " is not on a " + tf + " boundary");
        }
        t.lastClosed(tf, lastClosedOpenTime);
    }

    @Override
    public String name() {
        return "Binance " + config.symbols() + " " + config.intervals();
    }

    @Override
    public FeedState state() {
        return state;
    }

    public BinanceConfig config() {
        return config;
    }

    /** The symbols' listings read by {@link #connect} (venue binance, under Binance's symbols); empty before. */
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public synchronized void start() {
        if (worker != null || stopping) {
            throw new IllegalStateException("binance feed already started" + (stopping ? " and stopped (create a new one)" : ""));
        }
        state = FeedState.CONNECTING;
        worker = Daemons.start(this::work, "binance-feed");
        stream = new BinanceStreamClient(config, http, new BinanceStreamClient.Listener() {
            @Override
            public void onConnected(int connection) {
                enqueue(new Event(CONNECTED, connection, null));
            }

            @Override
            public void onMessage(int connection, String text) {
                enqueue(new Event(MESSAGE, connection, text));
            }

            @Override
            public void onDisconnected(int connection, String reason) {
                enqueue(new Event(DISCONNECTED, connection, reason));
            }
        }, timer);
        stream.start();
        LOG.info("binance feed started: {}", config);
    }

    private void enqueue(Event e) {
        if (!queue.offer(e)) {
            counters.queueOverflows.incrementAndGet();
            quality.report(SOURCE_WS, "conn#" + e.connection(), InputIssue.GAP,
                    "feed queue full (" + config.queueCapacity() + "): connection dropped; bars are backfilled on reconnect, trades/books of the outage are lost");
            stream.abort("consumer queue full");
        }
    }

    @Override
    public void stop() {
        Thread w;
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            w = worker;
        }
        if (stream != null) {
            stream.stop();
        }
        if (w != null) {
            w.interrupt();
            try {
                w.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        state = FeedState.STOPPED;
        LOG.info("binance feed stopped: {}", stats());
    }

    private void work() {
        while (!stopping) {
            Event e;
            try {
                e = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                break;
            }
            if (e == null) {
                continue;
            }
            try {
                handle(e);
            } catch (RuntimeException ex) {
                // a defect here must not end the feed: log it with the position and go on with the next message
                LOG.error("binance feed failed on conn#{} event {}: {}", e.connection(), e.kind(), ex.toString(), ex);
            }
        }
    }

    private void handle(Event e) {
        switch (e.kind()) {
            case CONNECTED -> {
                state = FeedState.RUNNING;
                rules.connected(e.connection());
            }
            case DISCONNECTED -> {
                counters.disconnects.incrementAndGet();
                if (!stopping) {
                    state = FeedState.RECONNECTING;
                }
            }
            default -> {
                counters.messages.incrementAndGet();
                rules.message(e.connection(), e.text());
            }
        }
    }

    // ---------------------------------------------------------------- used by StreamRules (worker thread)

    MarketDataSink sink() {
        return sink;
    }

    InputQuality quality() {
        return quality;
    }

    BinanceRestClient rest() {
        return rest;
    }

    ExchangeClock clock() {
        return clock;
    }

    SymbolTrack track(String lowerSymbol) {
        return tracks.get(lowerSymbol);
    }

    Counters counters() {
        return counters;
    }

    boolean stopping() {
        return stopping;
    }

    // ---------------------------------------------------------------- HistorySource

    /**
     * Closed klines with open time in {@code [from, to]} over REST (paged). Bars that have not closed by the
     * exchange's clock ({@code GET /api/v3/time}) are left out. May block on I/O and retries.
     *
     * @throws BinanceApiException when the exchange cannot be reached or refuses the request
     */
    @Override
    public BarSeries fetch(Symbol symbol, Timeframe tf, long from, long to) {
        if (symbol == null || tf == null) {
            throw new IllegalArgumentException("symbol and timeframe are required");
        }
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " after to " + to);
        }
        long lastClosedOpen = tf.floor(rest.serverTime()) - tf.millis();
        return rest.klines(symbol, tf, Math.max(from, 0), Math.min(to, lastClosedOpen));
    }

    /** The REST side on its own (same retries and bad-row rules), e.g. for a one-off download. */
    public BinanceRestClient restClient() {
        return rest;
    }

    public Stats stats() {
        BinanceStreamClient s = stream;
        return new Stats(s == null ? 0 : s.connects(), s == null ? 0 : s.failures(), counters.disconnects.get(),
                counters.messages.get(), counters.liveClosedBars.get(), counters.formingUpdates.get(), counters.backfills.get(),
                counters.backfilledBars.get(), counters.trades.get(), counters.books.get(), rest.requests(), rest.retries(),
                rest.rateLimited(), counters.queueOverflows.get());
    }
}
