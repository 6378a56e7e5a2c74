package org.concord.feed.binance;

import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.data.MarketDataSink;
import org.concord.model.BarChecks;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * The feed's rules for each stream message, applied on the worker thread. Every rejected message is counted in
 * the {@link InputQuality} under {@value BinanceFeed#SOURCE_WS} (REST under {@value BinanceRestClient#SOURCE})
 * with its position {@code conn#N msg#M <stream>}, and logged once; the feed keeps running.
 *
 * <ul>
 *   <li><b>Malformed</b> (not JSON, wrong shape, missing or ill-typed field, unknown stream or symbol, a kline open
 *       time off its interval's boundary): dropped, MALFORMED (through {@link MarketDataSink#onMalformed}).</li>
 *   <li><b>Kline with invalid values</b> (NaN/infinite/zero/negative price, negative volume, high &lt; low,
 *       open/close outside [low, high]): dropped, INVALID_PRICE or INCONSISTENT_OHLC. If it was a closed bar, the
 *       next kline shows that bar missing and it is fetched over REST (repair).</li>
 *   <li><b>Kline or trade dated in the future</b>: a kline whose open time is beyond the exchange's clock plus one
 *       interval, or a trade beyond it plus {@value ExchangeClock#TRADE_TOLERANCE_MS} ms ({@link ExchangeClock}:
 *       server time carried forward, asked again once when in doubt): dropped, FUTURE. It never becomes the last
 *       closed bar, so the series goes on with the next good kline.</li>
 *   <li><b>Kline at or before the last closed bar</b> of its series: a closed one is a DUPLICATE (same open time)
 *       or OUT_OF_ORDER (older), a forming one is OUT_OF_ORDER (stale update); dropped: the bar is already
 *       delivered, from the stream or from REST.</li>
 *   <li><b>Kline after a gap</b> (its open time is more than one interval after the last closed bar): the missing
 *       bars are fetched over REST and delivered first (see {@link BinanceFeed}); at most
 *       {@link BinanceConfig#maxBackfillBars()} newest ones, the older rest counted as GAP. If REST fails after its
 *       retries, the kline is dropped, GAP is counted and the next kline retries the backfill.</li>
 *   <li><b>Aggregate trade</b>: invalid price or quantity: INVALID_PRICE; id not above the last one: DUPLICATE
 *       (equal) or OUT_OF_ORDER; trade time before the last one: OUT_OF_ORDER; all dropped. Ids skipped (a
 *       disconnect) are counted as GAP: trades are not backfilled.</li>
 *   <li><b>Partial book</b>: {@code lastUpdateId} not above the last one: DUPLICATE or OUT_OF_ORDER; a level with
 *       an invalid price/size, unsorted levels or a crossed book: INVALID_PRICE; dropped. The payload has no
 *       timestamp: a book is stamped with the latest exchange time an accepted kline or trade of its symbol proved
 *       (the local clock before any).</li>
 * </ul>
 */
final class StreamRules implements BinanceMessages.StreamHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StreamRules.class);

    private final BinanceFeed feed;
    private final MarketDataSink sink;
    private final InputQuality quality;
    private final BinanceConfig config;
    private final ExchangeClock clock;
    private int connection;
    private long seq;

    StreamRules(BinanceFeed feed) {
        this.feed = feed;
        this.sink = feed.sink();
        this.quality = feed.quality();
        this.config = feed.config();
        this.clock = feed.clock();
    }

    void connected(int conn) {
        this.connection = conn;
        this.seq = 0;
    }

    void message(int conn, String text) {
        if (conn != connection) {
            connected(conn);
        }
        seq++;
        BinanceMessages.parseStream(text, this);
    }

    private String pos(String stream) {
        return "conn#" + connection + " msg#" + seq + (stream == null ? "" : " " + stream);
    }

    private void reject(InputIssue issue, String stream, String detail) {
        quality.report(BinanceFeed.SOURCE_WS, pos(stream), issue, detail);
    }

    @Override
    public void onMalformed(String stream, String detail) {
        sink.onMalformed(BinanceFeed.SOURCE_WS, pos(stream), detail + ": dropped");
    }

    @Override
    public void onControl(String text) {
        LOG.debug("binance control reply {}: {}", pos(null), text);
    }

    // ---------------------------------------------------------------- klines

    @Override
    public void onKline(String symbol, Timeframe tf, long eventTime, long t, long closeTime, double o, double h, double l,
                        double c, double v, long trades, boolean closed) {
        SymbolTrack tr = feed.track(symbol);
        if (tr == null || !tr.subscribed(tf)) {
            onMalformed(symbol + "@kline_" + tf, "kline for a series this feed did not subscribe");
            return;
        }
        if (tf.floor(t) != t) {
            onMalformed(symbol + "@kline_" + tf, "open time " + t + " not on a " + tf + " boundary");
            return;
        }
        String problem = BarChecks.problem(o, h, l, c, v);
        if (problem != null) {
            reject(problem.startsWith("prices") || problem.startsWith("volume") ? InputIssue.INVALID_PRICE : InputIssue.INCONSISTENT_OHLC,
                    symbol + "@kline_" + tf, tr.symbol + " " + tf + " @" + t + (closed ? " closed" : " forming") + " kline " + problem
                            + ": dropped" + (closed ? " (the bar is fetched over REST when the next kline shows it missing)" : ""));
            return;
        }
        long step = tf.millis();
        if (!clock.admits(t, step)) {
            reject(InputIssue.FUTURE, symbol + "@kline_" + tf, tr.symbol + " " + tf + " @" + Instant.ofEpochMilli(t) + (closed ? " closed" : " forming")
                    + " kline is beyond the exchange's clock " + Instant.ofEpochMilli(clock.now()) + " + one interval: dropped");
            return;
        }
        long last = tr.lastClosed(tf);
        if (last == SymbolTrack.NONE) {
            int n = config.initialBackfillBars();
            if (n == 0) {
                tr.lastClosed(tf, t - step);
            } else if (!backfill(tr, tf, t - n * step, t - step, true, symbol + "@kline_" + tf)) {
                return;
            }
        } else if (t <= last) {
            InputIssue issue = closed && t == last ? InputIssue.DUPLICATE : InputIssue.OUT_OF_ORDER;
            reject(issue, symbol + "@kline_" + tf, tr.symbol + " " + tf + " @" + t + (closed ? " closed" : " forming")
                    + " kline not after the last closed bar " + last + ": dropped");
            return;
        } else if (t - step > last && !backfill(tr, tf, last + step, t - step, false, symbol + "@kline_" + tf)) {
            return;
        }
        sink.onBar(tr.symbol, tf, t, o, h, l, c, v, closed, BinanceFeed.SOURCE_WS);
        proven(tr, Math.min(eventTime, t + step)); // the event time proves the clock only as far as the kline itself
        if (closed) {
            tr.lastClosed(tf, t);
            feed.counters().liveClosedBars.incrementAndGet();
        } else {
            feed.counters().formingUpdates.incrementAndGet();
        }
    }

    /**
     * Delivers the closed bars with open time in {@code [from, to]} from REST, oldest first.
     *
     * @return true when the exchange answered for the whole range (the series is then settled up to {@code to})
     */
    private boolean backfill(SymbolTrack tr, Timeframe tf, long from, long to, boolean initial, String stream) {
        long step = tf.millis();
        long wanted = (to - from) / step + 1;
        long fetchFrom = from;
        if (wanted > config.maxBackfillBars()) {
            fetchFrom = to - (config.maxBackfillBars() - 1L) * step;
            quality.report(BinanceFeed.SOURCE_REST, pos(stream), InputIssue.GAP, tr.symbol + " " + tf + " " + (wanted - config.maxBackfillBars())
                    + " bars in [" + from + ", " + (fetchFrom - step) + "] not backfilled: the gap exceeds maxBackfillBars " + config.maxBackfillBars());
        }
        feed.counters().backfills.incrementAndGet();
        long[] got = {0};
        try {
            feed.rest().klines(tr.symbol, tf, Math.max(0, fetchFrom), to, (bt, o, h, l, c, v) -> {
                sink.onBar(tr.symbol, tf, bt, o, h, l, c, v, true, BinanceFeed.SOURCE_REST);
                tr.lastClosed(tf, bt); // progress survives a failure on a later page
                got[0]++;
            });
        } catch (BinanceApiException e) {
            feed.counters().backfilledBars.addAndGet(got[0]);
            quality.report(BinanceFeed.SOURCE_REST, pos(stream), InputIssue.GAP, tr.symbol + " " + tf + " backfill of [" + fetchFrom + ", " + to
                    + "] stopped after " + got[0] + " bars (" + e.getMessage() + "): live kline dropped, the next kline retries");
            return false;
        }
        feed.counters().backfilledBars.addAndGet(got[0]);
        tr.lastClosed(tf, to);
        LOG.info("binance {} {} {}backfill: {} of {} bars over REST for [{}, {}] before live kline at {}", tr.symbol, tf,
                initial ? "initial " : "gap ", got[0], (to - fetchFrom) / step + 1, fetchFrom, to, to + step);
        return true;
    }

    private void proven(SymbolTrack tr, long time) {
        tr.sawEvent(time);
        clock.prove(time);
    }

    // ---------------------------------------------------------------- trades

    @Override
    public void onAggTrade(String symbol, long eventTime, long aggId, double price, double qty, long firstId, long lastId,
                           long tradeTime, boolean buyerMaker) {
        SymbolTrack tr = feed.track(symbol);
        String stream = symbol + "@aggTrade";
        if (tr == null) {
            onMalformed(stream, "aggTrade for a symbol this feed did not subscribe");
            return;
        }
        if (!BarChecks.finitePositive(price) || !(qty >= 0) || Double.isInfinite(qty)) {
            reject(InputIssue.INVALID_PRICE, stream, tr.symbol + " aggTrade " + aggId + " price=" + price + " qty=" + qty + ": dropped");
            return;
        }
        if (tr.lastAggId != SymbolTrack.NONE && aggId <= tr.lastAggId) {
            reject(aggId == tr.lastAggId ? InputIssue.DUPLICATE : InputIssue.OUT_OF_ORDER, stream,
                    tr.symbol + " aggTrade id " + aggId + " not after " + tr.lastAggId + ": dropped");
            return;
        }
        if (!clock.admits(tradeTime, ExchangeClock.TRADE_TOLERANCE_MS)) {
            reject(InputIssue.FUTURE, stream, tr.symbol + " aggTrade " + aggId + " time " + Instant.ofEpochMilli(tradeTime)
                    + " is beyond the exchange's clock " + Instant.ofEpochMilli(clock.now()) + ": dropped");
            return;
        }
        if (tr.lastTradeTime != SymbolTrack.NONE && tradeTime < tr.lastTradeTime) {
            reject(InputIssue.OUT_OF_ORDER, stream, tr.symbol + " aggTrade " + aggId + " time " + tradeTime + " before " + tr.lastTradeTime + ": dropped");
            return;
        }
        if (tr.lastAggId != SymbolTrack.NONE && aggId > tr.lastAggId + 1) {
            reject(InputIssue.GAP, stream, tr.symbol + " " + (aggId - tr.lastAggId - 1) + " aggregate trades after id " + tr.lastAggId
                    + " never arrived (trades are not backfilled)");
        }
        tr.lastAggId = aggId;
        tr.lastTradeTime = tradeTime;
        proven(tr, Math.min(eventTime, tradeTime));
        sink.onTrade(tr.symbol, tradeTime, price, qty, buyerMaker, BinanceFeed.SOURCE_WS);
        feed.counters().trades.incrementAndGet();
    }

    // ---------------------------------------------------------------- books

    @Override
    public void onDepth(String symbol, long lastUpdateId, double[] bidPrices, double[] bidSizes, double[] askPrices, double[] askSizes) {
        SymbolTrack tr = feed.track(symbol);
        String stream = symbol + "@depth";
        if (tr == null) {
            onMalformed(stream, "depth for a symbol this feed did not subscribe");
            return;
        }
        if (tr.lastBookId != SymbolTrack.NONE && lastUpdateId <= tr.lastBookId) {
            reject(lastUpdateId == tr.lastBookId ? InputIssue.DUPLICATE : InputIssue.OUT_OF_ORDER, stream,
                    tr.symbol + " book lastUpdateId " + lastUpdateId + " not after " + tr.lastBookId + ": dropped");
            return;
        }
        long time = tr.lastEventTime != SymbolTrack.NONE ? tr.lastEventTime : System.currentTimeMillis();
        OrderBookSnapshot book;
        try {
            book = new OrderBookSnapshot(tr.symbol, time, bidPrices, bidSizes, askPrices, askSizes);
        } catch (IllegalArgumentException e) {
            reject(InputIssue.INVALID_PRICE, stream, tr.symbol + " book " + lastUpdateId + " " + e.getMessage() + ": dropped");
            return;
        }
        tr.lastBookId = lastUpdateId;
        sink.onBook(book, BinanceFeed.SOURCE_WS);
        feed.counters().books.incrementAndGet();
    }
}
