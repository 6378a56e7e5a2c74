package org.concord.feed.binance;

import org.concord.data.DataProvider;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.feed.FeedState;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.Await;
import org.concord.testkit.exchange.BinanceJson;
import org.concord.testkit.exchange.Kline;
import org.concord.testkit.exchange.LoopbackBinance;
import org.concord.testkit.exchange.LoopbackBinance.StepFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.feed.binance.BinanceFeedEndToEndTest.assertSeriesEquals;
import static org.concord.feed.binance.BinanceFeedEndToEndTest.last;
import static org.concord.feed.binance.BinanceFeedEndToEndTest.lastClosedTime;
import static org.concord.feed.binance.BinanceFeedEndToEndTest.times;

/**
 * Duplicates, out-of-order, lost, malformed and invalid klines, and REST failures during a backfill: each is
 * counted by its rule, nothing corrupt reaches the store, close events stay exactly once and in order, and the
 * feed keeps running.
 */
class BinanceFeedBadInputTest {
    static final Symbol BTC = LoopbackBinance.BTCUSDT;
    static final Duration WAIT = Duration.ofSeconds(8);
    static final String WS = BinanceFeed.SOURCE_WS;
    static final String REST = BinanceFeed.SOURCE_REST;

    @TempDir
    Path dir;

    @Test
    void badKlinesAreCountedAndRepairedAndTheStoreStaysExact() {
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(4000);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve("x.db"));
             DataProvider provider = new DataProvider(new BarStore(db))) {
            List<Long> closes = new CopyOnWriteArrayList<>();
            provider.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> closes.add(t));
            BinanceConfig cfg = ex.feedConfig().interval(Timeframe.M1).initialBackfillBars(50).build();
            try (BinanceFeed feed = BinanceFeed.connect(cfg, provider)) {
                assertThat(ex.stream().awaitOpened(1, WAIT)).isTrue();
                long firstLive = ex.market(BTC).minuteTime(ex.cursor());
                ex.advance(3);
                awaitCaughtUp(ex, closes);

                // malformed: not JSON, a kline without its 'k' object, a symbol this feed did not subscribe
                ex.sendRaw("{not json");
                ex.sendRaw(BinanceJson.combined("btcusdt@kline_1m", "{\"e\":\"kline\",\"E\":1,\"s\":\"BTCUSDT\"}"));
                Kline real = ex.closedKlines(BTC, Timeframe.M1).get(10);
                ex.stream().sendRawToAll(BinanceJson.combined("ethusdt@kline_1m", BinanceJson.klineEvent(real, 1).replace("BTCUSDT", "ETHUSDT")));
                // duplicates: every closing kline of two steps sent twice
                ex.advance(2, StepFault.DUPLICATE_CLOSED);
                // out of order: an old closed bar again, and a stale forming update of it
                Kline old = ex.closedKlines(BTC, Timeframe.M1).get(30);
                ex.resendClosed(BTC, Timeframe.M1, old.openTime());
                ex.publish(old.asForming(), ex.now());
                // reordered: the next bar's forming kline before the closing one (the closing one comes as a duplicate)
                ex.advance(2, StepFault.FORMING_BEFORE_CLOSED);
                // invalid values in the closing kline: rejected, the real bar is fetched over REST
                ex.advance(1, StepFault.NAN_CLOSED);
                ex.advance(1, StepFault.NEGATIVE_CLOSED);
                ex.advance(1, StepFault.HIGH_BELOW_LOW_CLOSED);
                // lost messages, with REST answering 500 once during the repair
                ex.rest().failNext("/api/v3/klines", 1, 500, null);
                ex.advance(2, StepFault.DROP_CLOSED);
                ex.advance(3);
                awaitCaughtUp(ex, closes);

                InputQuality q = provider.quality();
                assertThat(q.count(WS, InputIssue.MALFORMED)).as(q.snapshot().toString()).isEqualTo(3);
                assertThat(q.count(WS, InputIssue.DUPLICATE)).as("2 doubled + 2 reordered closes").isEqualTo(4);
                assertThat(q.count(WS, InputIssue.OUT_OF_ORDER)).as("old close + stale forming").isEqualTo(2);
                assertThat(q.count(WS, InputIssue.INVALID_PRICE)).as("NaN + negative").isEqualTo(2);
                assertThat(q.count(WS, InputIssue.INCONSISTENT_OHLC)).isEqualTo(1);
                assertThat(q.total()).as("nothing else reported: " + q.snapshot()).isEqualTo(12);
                assertThat(feed.stats().restRetries()).isEqualTo(1);
                assertThat(feed.state()).isEqualTo(FeedState.RUNNING);

                provider.flush();
                List<Kline> expected = ex.closedKlines(BTC, Timeframe.M1).stream().filter(k -> k.openTime() >= firstLive - 50 * 60_000L).toList();
                assertThat(expected).hasSize(50 + 3 + 2 + 2 + 3 + 2 + 3);
                assertSeriesEquals(provider.store(), Timeframe.M1, expected);
                assertThat(closes).as("one close event per bar, in order").containsExactlyElementsOf(times(expected));
            }
        }
    }

    @Test
    void aBackfillThatKeepsFailingIsRetriedByTheNextKline() {
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(5000);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve("y.db"));
             DataProvider provider = new DataProvider(new BarStore(db))) {
            List<Long> closes = new CopyOnWriteArrayList<>();
            provider.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> closes.add(t));
            BinanceConfig cfg = ex.feedConfig().interval(Timeframe.M1).initialBackfillBars(20).build();
            try (BinanceFeed feed = BinanceFeed.connect(cfg, provider)) {
                assertThat(ex.stream().awaitOpened(1, WAIT)).isTrue();
                long firstLive = ex.market(BTC).minuteTime(ex.cursor());
                ex.advance(2);
                awaitCaughtUp(ex, closes);
                // a lost close, and REST down for longer than the retries (1 + restMaxRetries = 4 attempts)
                ex.rest().failNext("/api/v3/klines", 4, 503, null);
                ex.advance(1, StepFault.DROP_CLOSED);
                Await.until(WAIT, () -> provider.quality().count(REST, InputIssue.GAP) == 1, () -> "failed backfill reported as GAP");
                ex.advance(2);
                awaitCaughtUp(ex, closes);

                assertThat(feed.stats().restRetries()).isEqualTo(3);
                assertThat(provider.quality().total()).as(provider.quality().snapshot().toString()).isEqualTo(1);
                provider.flush();
                List<Kline> expected = ex.closedKlines(BTC, Timeframe.M1).stream().filter(k -> k.openTime() >= firstLive - 20 * 60_000L).toList();
                assertThat(expected).hasSize(20 + 2 + 1 + 2);
                assertSeriesEquals(provider.store(), Timeframe.M1, expected);
                assertThat(closes).containsExactlyElementsOf(times(expected));
            }
        }
    }

    static void awaitCaughtUp(LoopbackBinance ex, List<Long> closes) {
        long want = lastClosedTime(ex, Timeframe.M1);
        Await.until(WAIT, () -> !closes.isEmpty() && last(closes) == want, () -> "close at " + want);
    }
}
