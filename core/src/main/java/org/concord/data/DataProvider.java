package org.concord.data;

import org.concord.bus.Subscription;
import org.concord.model.Bar;
import org.concord.model.BarChecks;
import org.concord.model.BarSeries;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.store.BarStore;
import org.concord.store.Direction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The single source of market data for everyone: feeds push into it ({@link MarketDataSink}); the orchestrator,
 * the UI and the trainers query it and subscribe to it.
 *
 * <p><b>Time and lookahead.</b> Each symbol has a session clock: the latest event time ingested. Queries never
 * return a bar that has not closed by that clock, so a store pre-filled by an earlier run cannot leak the future
 * into a replay. {@link #multiTimeframe} windows only hold bars closed at or before {@code at}.
 *
 * <p><b>Threads.</b> Ingest may come from several feed threads (serialized per symbol). Listeners run on an
 * ingest thread after the symbol's lock is released ({@link SymbolEvents}: a symbol's events reach them in ingest order,
 * one thread at a time), so a listener may query the DataProvider or wait for room in its own queue without
 * stalling the symbol's readers; it should still be quick (hand work to its own thread). Queries are safe from any thread but may
 * block on SQLite or a history backfill: never call them on the UI thread.
 *
 * <p><b>Storage.</b> Closed bars are cached in memory and written behind to SQLite ({@link #flush()} makes them
 * durable; a backtest's {@link #transientSession} writes a series only from its first eviction). Bars from trades:
 * see {@link TradeAggregator}. Bars from feeds: validated; a repeated bar is a duplicate (dropped), different values
 * for a stored time are an exchange correction (replace), a late bar for a missing time fills a gap (inserted in
 * order); only bars at the live edge are published to listeners.
 *
 * <p><b>Clock sanity.</b> No input may be dated in the future: a bar whose open time is beyond the wall clock plus
 * one interval, or a trade, book or clock tick beyond the wall clock plus {@value #FUTURE_TOLERANCE_MS} ms, is
 * rejected as {@link InputIssue#FUTURE} (it never becomes a series' last bar nor moves a session clock). A store
 * that already holds such bars is repaired when the DataProvider opens: they are moved to the store's quarantine
 * table ({@link BarStore#quarantineBeyond}), counted and logged once.
 */
public final class DataProvider implements MarketDataSink, AutoCloseable {
    public static final int DEFAULT_LIMIT = 2500;
    /** How far ahead of the wall clock a trade, book or clock tick may be (exchange clocks drift a little). */
    public static final long FUTURE_TOLERANCE_MS = 60_000;
    private static final Logger LOG = LoggerFactory.getLogger(DataProvider.class);
    private static final Timeframe[] TFS = Timeframe.all();

    private final BarStore store;
    private final StoreWriter writer;
    private final HistoryBackfill backfill;
    private final InputQuality quality;
    private final SeriesCaches caches;
    private final LongSupplier wallClock;
    private final FutureInput future;
    private final Map<Symbol, SymbolState> symbols = new ConcurrentHashMap<>();
    private final Listeners listeners = new Listeners();
    private final Map<Symbol, OrderBookSnapshot> books = new ConcurrentHashMap<>();
    private volatile HistorySource history;

    /** Bars per series a kept session loads on first use: a live chart's reload ({@code 100,000} bars) is then in memory. */
    public static final int SEED_BARS = 100_000;
    /**
     * Bars per series a kept session holds in memory; beyond it the oldest quarter leaves memory (the store keeps it).
     * The desk runs all day in a 512 MB heap: with 2,000,000, as before, a max-speed replay filled it in minutes.
     */
    public static final int MAX_CACHED_BARS = 150_000;

    public DataProvider(BarStore store) {
        this(store, new InputQuality(), SEED_BARS, MAX_CACHED_BARS);
    }

    /**
     * @param seedBars      how many stored bars per series are loaded into memory on first use
     * @param maxCachedBars per series; beyond it the oldest quarter is dropped from memory (the store keeps it)
     */
    public DataProvider(BarStore store, InputQuality quality, int seedBars, int maxCachedBars) {
        this(store, quality, seedBars, maxCachedBars, System::currentTimeMillis);
    }

    /**
     * @param wallClock epoch ms now: the upper bound of every time that enters (tests pass a fixed clock); the store's
     *                  bars beyond it plus their interval are quarantined here, before any query
     */
    public DataProvider(BarStore store, InputQuality quality, int seedBars, int maxCachedBars, LongSupplier wallClock) {
        this(store, quality, seedBars, maxCachedBars, wallClock, false);
    }

    /**
     * For a session deleted when it ends (a backtest): closed bars stay in memory, and a series reaches {@code store}
     * only once its cache evicts bars (written whole, then behind); {@link #flush()} makes nothing else durable.
     */
    public static DataProvider transientSession(BarStore store) {
        return new DataProvider(store, new InputQuality(), 200_000, 2_000_000, System::currentTimeMillis, true);
    }

    DataProvider(BarStore store, InputQuality quality, int seedBars, int maxCachedBars, LongSupplier wallClock,
                 boolean transientSession) {
        if (store == null || quality == null || seedBars < 1 || maxCachedBars < seedBars || wallClock == null) {
            throw new IllegalArgumentException("store, quality and wall clock required; 1 <= seedBars <= maxCachedBars");
        }
        this.store = store;
        this.quality = quality;
        this.wallClock = wallClock;
        this.future = new FutureInput(wallClock, quality);
        store.quarantineBeyond(wallClock.getAsLong());
        this.writer = new StoreWriter(store, 200, 2_000);
        this.caches = new SeriesCaches(store, writer, seedBars, maxCachedBars, !transientSession);
        this.backfill = new HistoryBackfill(store, writer, quality);
    }

    /** The wall clock every incoming time is checked against (epoch ms). */
    public long wallClock() {
        return wallClock.getAsLong();
    }

    /** Where bad input is counted and reported. */
    public InputQuality quality() {
        return quality;
    }

    public BarStore store() {
        return store;
    }

    public void setHistorySource(HistorySource source) {
        this.history = source;
    }

    /** Declares that {@code symbol}'s bars come from its feed (klines), so its trades are not aggregated. */
    public void declareFeedBars(Symbol symbol) {
        state(symbol).feedBars = true;
    }

    // ---------------------------------------------------------------- ingest

    /** Bars of {@code symbol}'s {@code tf} series held in memory now (the memory bound's test reads it). */
    int cachedBars(Symbol symbol, Timeframe tf) {
        SymbolState st = state(symbol);
        synchronized (st) {
            return caches.of(st, tf).size();
        }
    }

    private SymbolState state(Symbol symbol) {
        if (symbol == null) {
            throw new IllegalArgumentException("symbol is null");
        }
        SymbolState st = symbols.get(symbol); // the common case without a capturing lambda per event
        return st != null ? st : symbols.computeIfAbsent(symbol, s -> new SymbolState(s, this));
    }

    @Override
    public void onTrade(Symbol symbol, long time, double price, double size, boolean buyerMaker, String source) {
        SymbolState st = state(symbol);
        synchronized (st) {
            ingestTrade(st, time, price, size, buyerMaker, source);
        }
        listeners.deliver(st);
    }

    private void ingestTrade(SymbolState st, long time, double price, double size, boolean buyerMaker, String source) {
        Symbol symbol = st.symbol;
        if (!BarChecks.finitePositive(price) || !(size >= 0) || Double.isInfinite(size)) {
            quality.report(source, "t=" + time, InputIssue.INVALID_PRICE, symbol + " trade price=" + price + " size=" + size + ": rejected");
            return;
        }
        if (future.beyond(time, FUTURE_TOLERANCE_MS)) {
            future.reject(source, "t=" + time, time, FUTURE_TOLERANCE_MS, symbol + " trade");
            return;
        }
        if (!st.feedBars) {
            if (!st.aggregator.onTrade(time, price, size)) {
                quality.report(source, "t=" + time, InputIssue.OUT_OF_ORDER, symbol + " trade before clock " + st.aggregator.clock() + ": rejected");
                return;
            }
        }
        st.clock = Math.max(st.clock, time);
        if (!listeners.trades.isEmpty()) {
            st.events.trade(time, price, size, buyerMaker);
        }
    }

    @Override
    public void onBar(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close,
                      double volume, boolean closed, String source) {
        if (tf == null) {
            throw new IllegalArgumentException("timeframe is null");
        }
        SymbolState st = state(symbol);
        synchronized (st) {
            ingestBar(st, tf, openTime, open, high, low, close, volume, closed, source);
        }
        listeners.deliver(st);
    }

    private void ingestBar(SymbolState st, Timeframe tf, long openTime, double open, double high, double low, double close, double volume,
                           boolean closed, String source) {
        Symbol symbol = st.symbol;
        String problem = BarChecks.problem(open, high, low, close, volume);
        if (problem != null) {
            quality.report(source, symbol + " " + tf + " @" + openTime, problem.startsWith("prices") || problem.startsWith("volume")
                    ? InputIssue.INVALID_PRICE : InputIssue.INCONSISTENT_OHLC, problem + ": rejected");
            return;
        }
        if (tf.floor(openTime) != openTime) {
            quality.report(source, symbol + " " + tf + " @" + openTime, InputIssue.MALFORMED, "open time not on a " + tf + " boundary: rejected");
            return;
        }
        if (future.beyond(openTime, tf.millis())) {
            future.reject(source, symbol + " " + tf + " @" + openTime, openTime, tf.millis(), symbol + " " + tf + (closed ? " closed" : " forming") + " bar");
            return;
        }
        if (!closed) {
            st.forming[tf.ordinal()] = new Bar(symbol, tf, openTime, open, high, low, close, volume, false);
            st.clock = Math.max(st.clock, openTime);
            if (!listeners.updates.isEmpty()) {
                st.events.bar(SymbolEvents.UPDATE, tf, openTime, open, high, low, close, volume);
            }
            return;
        }
        SeriesCache cache = caches.of(st, tf);
        SeriesCache.Put put = cache.put(openTime, open, high, low, close, volume);
        long lastBefore = cache.lastBeforePut();
        switch (put) {
            case DUPLICATE -> {
                quality.report(source, symbol + " " + tf + " @" + openTime, InputIssue.DUPLICATE, "same bar again: dropped");
                return;
            }
            case CORRECTED -> quality.report(source, symbol + " " + tf + " @" + openTime, InputIssue.CORRECTION, "new values replace stored bar");
            case INSERTED -> quality.report(source, symbol + " " + tf + " @" + openTime, InputIssue.GAP_FILLED, "late bar inserted in order");
            case APPENDED -> {
                long missing = lastBefore == Long.MIN_VALUE ? 0 : st.gaps.missing(tf, lastBefore, openTime);
                if (missing > 0) {
                    quality.report(source, symbol + " " + tf + " @" + openTime, InputIssue.GAP, missing + " bars missing since " + lastBefore);
                }
            }
        }
        st.gaps.saw(openTime);
        Bar f = st.forming[tf.ordinal()];
        if (f != null && f.openTime() <= openTime) {
            st.forming[tf.ordinal()] = null;
        }
        if (put == SeriesCache.Put.APPENDED) {
            st.clock = Math.max(st.clock, tf.closeTime(openTime));
            if (!listeners.closes.isEmpty()) {
                st.events.bar(SymbolEvents.CLOSE, tf, openTime, open, high, low, close, volume);
            }
        }
    }

    /** Called by the per-symbol aggregator (inside the symbol's lock) when a trade-built bar closes. */
    void onAggregatedClose(SymbolState st, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
        caches.of(st, tf).put(openTime, o, h, l, c, v);
        if (!listeners.closes.isEmpty()) {
            st.events.bar(SymbolEvents.CLOSE, tf, openTime, o, h, l, c, v);
        }
    }

    /** Called by the per-symbol aggregator (inside the symbol's lock) for a forming bar while update listeners exist. */
    void onAggregatedUpdate(SymbolState st, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
        if (!listeners.updates.isEmpty()) {
            st.events.bar(SymbolEvents.UPDATE, tf, openTime, o, h, l, c, v);
        }
    }

    @Override
    public void onBook(OrderBookSnapshot book, String source) {
        if (book == null) {
            throw new IllegalArgumentException("book is null");
        }
        SymbolState st = state(book.symbol());
        synchronized (st) {
            if (future.beyond(book.time(), FUTURE_TOLERANCE_MS)) {
                future.reject(source, book.symbol() + " book @" + book.time(), book.time(), FUTURE_TOLERANCE_MS, book.symbol() + " book");
                return;
            }
            OrderBookSnapshot prev = books.get(book.symbol());
            if (prev != null && book.time() < prev.time()) {
                quality.report(source, book.symbol() + " book @" + book.time(), InputIssue.OUT_OF_ORDER, "older than " + prev.time() + ": rejected");
                return;
            }
            books.put(book.symbol(), book);
            st.clock = Math.max(st.clock, book.time());
            if (!listeners.books.isEmpty()) {
                st.events.book(book);
            }
        }
        listeners.deliver(st);
    }

    @Override
    public void onClock(Symbol symbol, long time) {
        SymbolState st = state(symbol);
        synchronized (st) {
            if (future.beyond(time, FUTURE_TOLERANCE_MS)) {
                future.reject("clock", symbol + " @" + time, time, FUTURE_TOLERANCE_MS, symbol + " clock tick");
                return;
            }
            if (!st.feedBars) {
                st.aggregator.advanceTo(time);
            }
            st.clock = Math.max(st.clock, time);
        }
        listeners.deliver(st);
    }

    @Override
    public void resetSession(Symbol symbol, long time) {
        SymbolState st = state(symbol);
        synchronized (st) {
            for (Timeframe tf : TFS) {
                caches.of(st, tf).truncateFrom(tf.floor(time));
                st.forming[tf.ordinal()] = null;
            }
            st.newAggregator();
            st.clock = time;
            st.events.reset(time);
            LOG.info("{} session restarts at {}", symbol, Instant.ofEpochMilli(time));
        }
        listeners.deliver(st);
    }

    /**
     * Resumes a trade-built session where the store says it left off ({@link #resumePoint}): the bars that were
     * forming then are rebuilt from the stored bars inside them, so a restarted replay builds no bar twice and starts
     * none half empty; nothing stored is touched.
     */
    @Override
    public void resumeSession(Symbol symbol, long time) {
        SymbolState st = state(symbol);
        synchronized (st) {
            List<Bar> forming = SessionResume.formingAt(store, symbol, time);
            st.newAggregator();
            st.aggregator.resume(time, forming);
            st.clock = time;
            LOG.info("{} session resumes at {} ({} forming bars rebuilt from the store)", symbol, Instant.ofEpochMilli(time), forming.size());
        }
    }

    /** Close time of {@code symbol}'s newest stored 1s bar: where a trade-built session left off (MIN_VALUE: none). */
    public long resumePoint(Symbol symbol) {
        return SessionResume.lastClose(store, symbol);
    }

    @Override
    public void onMalformed(String source, String position, String detail) {
        quality.report(source, position, InputIssue.MALFORMED, detail);
    }

    // ---------------------------------------------------------------- queries

    /** The latest {@value #DEFAULT_LIMIT} closed bars with open time in {@code [from, to]}. */
    public BarSeries bars(Symbol symbol, Timeframe tf, long from, long to) {
        return bars(symbol, tf, from, to, DEFAULT_LIMIT, Direction.LATEST);
    }

    /**
     * Closed bars, oldest first, chosen by {@code direction} (see {@link Direction}); never a bar that has not
     * closed by the symbol's session clock. Asks the history source for a range older than anything stored.
     */
    public BarSeries bars(Symbol symbol, Timeframe tf, long from, long to, int limit, Direction direction) {
        if (tf == null || direction == null) {
            throw new IllegalArgumentException("timeframe and direction are required");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        if (from > to) {
            throw new IllegalArgumentException("from " + from + " after to " + to);
        }
        SymbolState st = state(symbol);
        SeriesCache cache;
        long cap;
        synchronized (st) {
            cache = caches.of(st, tf);
            cap = st.clock == Long.MIN_VALUE ? Long.MAX_VALUE : st.clock - tf.millis();
        }
        long effTo = Math.min(to, cap);
        if (direction == Direction.BEFORE && to > cap) {
            effTo = cap == Long.MAX_VALUE ? cap : cap + 1; // BEFORE is exclusive of `to`
        }
        if (effTo < from) {
            return new BarSeries(symbol, tf, 1);
        }
        BarSeries fromMemory = cache.query(from, effTo, limit, direction);
        boolean mayBackfill = history != null && from != Long.MIN_VALUE
                && (fromMemory == null || fromMemory.isEmpty() || fromMemory.time(0) > from + tf.millis());
        if (mayBackfill && backfill.fill(history, st, tf, cache, from, effTo)) {
            fromMemory = cache.query(from, effTo, limit, direction);
        }
        return fromMemory != null ? fromMemory : store.query(symbol, tf, from, effTo, limit, direction);
    }

    /**
     * Aligned windows ending at the same instant: for each timeframe the latest {@code limit} bars that closed at
     * or before {@code at} (never one that closes after it).
     */
    public Map<Timeframe, BarSeries> multiTimeframe(Symbol symbol, List<Timeframe> timeframes, long at, int limit) {
        if (timeframes == null || timeframes.isEmpty()) {
            throw new IllegalArgumentException("at least one timeframe is required");
        }
        Map<Timeframe, BarSeries> out = new LinkedHashMap<>();
        for (Timeframe tf : timeframes) {
            out.put(tf, bars(symbol, tf, Long.MIN_VALUE, at - tf.millis(), limit, Direction.LATEST));
        }
        return out;
    }

    /** The latest closed bar, if any. */
    public Optional<Bar> latest(Symbol symbol, Timeframe tf) {
        BarSeries s = bars(symbol, tf, Long.MIN_VALUE, Long.MAX_VALUE, 1, Direction.LATEST);
        return s.isEmpty() ? Optional.empty() : Optional.of(s.bar(0, true));
    }

    /** The still-forming bar, if any. */
    public Optional<Bar> forming(Symbol symbol, Timeframe tf) {
        SymbolState st = state(symbol);
        synchronized (st) {
            Bar b = st.feedBars ? st.forming[tf.ordinal()] : st.aggregator.formingBar(tf);
            return Optional.ofNullable(b);
        }
    }

    public Optional<OrderBookSnapshot> latestBook(Symbol symbol) {
        return Optional.ofNullable(books.get(symbol));
    }

    /** The symbol's session clock (latest event time), or Long.MIN_VALUE before any event. */
    public long clock(Symbol symbol) {
        SymbolState st = state(symbol);
        synchronized (st) {
            return st.clock;
        }
    }

    public Set<Symbol> symbols() {
        Set<Symbol> out = new TreeSet<>(symbols.keySet());
        out.addAll(store.symbols());
        return out;
    }

    // ---------------------------------------------------------------- subscriptions

    public Subscription subscribeBarCloses(BarListener l) {
        return listeners.closes.add(l);
    }

    /** Forming-bar updates; while any exist, trade aggregation publishes an update per trade and timeframe. */
    public Subscription subscribeBarUpdates(BarListener l) {
        Subscription s = listeners.updates.add(l);
        refreshAggregatorUpdates();
        return () -> {
            s.close();
            refreshAggregatorUpdates();
        };
    }

    public Subscription subscribeTrades(TradeListener l) {
        return listeners.trades.add(l);
    }

    public Subscription subscribeBooks(BookListener l) {
        return listeners.books.add(l);
    }

    Set<Timeframe> updateTimeframes() {
        return listeners.updates.isEmpty() ? EnumSet.noneOf(Timeframe.class) : EnumSet.allOf(Timeframe.class);
    }

    private void refreshAggregatorUpdates() {
        for (SymbolState st : symbols.values()) {
            synchronized (st) {
                st.aggregator.publishUpdates(updateTimeframes());
            }
        }
    }

    /** Blocks until every closed bar ingested so far is durable in SQLite. */
    public void flush() {
        writer.flush();
    }

    @Override
    public void close() {
        writer.close();
    }
}
