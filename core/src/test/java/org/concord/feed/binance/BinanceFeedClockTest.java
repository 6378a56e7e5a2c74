package org.concord.feed.binance;

import org.concord.data.DataProvider;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.exchange.Kline;
import org.concord.testkit.exchange.LoopbackBinance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.feed.binance.BinanceFeedBadInputTest.awaitCaughtUp;
import static org.concord.feed.binance.BinanceFeedEndToEndTest.assertSeriesEquals;
import static org.concord.feed.binance.BinanceFeedEndToEndTest.times;

/**
 * Klines and trades dated in the future (a year ahead of the exchange's clock, with a plausible or an equally
 * forged event time) are refused as FUTURE; the series goes on with the next real kline, also after a restart.
 * Before the clock check one such kline became the last closed bar and every real kline after it was dropped as
 * OUT_OF_ORDER, for good.
 */
class BinanceFeedClockTest {
    static final Symbol BTC = LoopbackBinance.BTCUSDT;
    static final String WS = BinanceFeed.SOURCE_WS;

    @TempDir
    Path dir;

    @Test
    void aFutureDatedKlineIsRefusedAndTheSeriesGoesOnAlsoAfterARestart() {
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(4000);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve("x.db"));
             DataProvider provider = new DataProvider(new BarStore(db))) {
            List<Long> closes = new CopyOnWriteArrayList<>();
            AtomicLong trades = new AtomicLong();
            provider.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> {
                if (tf == Timeframe.M1) {
                    closes.add(t);
                }
            });
            provider.subscribeTrades((s, t, p, q, m) -> trades.incrementAndGet());
            BinanceConfig cfg = ex.feedConfig().interval(Timeframe.M1).interval(Timeframe.M5).initialBackfillBars(20).aggTrades(true).build();
            long firstLive = ex.market(BTC).minuteTime(ex.cursor());
            try (BinanceFeed feed = BinanceFeed.connect(cfg, provider)) {
                assertThat(ex.stream().awaitOpened(1, BinanceFeedBadInputTest.WAIT)).isTrue();
                ex.advance(3);
                awaitCaughtUp(ex, closes);

                Kline plausible = ex.publishFutureDated(BTC, Timeframe.M1, Duration.ofDays(365), false);
                Kline forged = ex.publishFutureDated(BTC, Timeframe.M5, Duration.ofDays(365), true);
                ex.publishFutureTrade(BTC, Duration.ofDays(365));
                long tradesBefore = trades.get();
                ex.advance(7);
                awaitCaughtUp(ex, closes);

                InputQuality q = provider.quality();
                assertThat(q.count(WS, InputIssue.FUTURE)).as(q.snapshot().toString()).isEqualTo(3);
                assertThat(q.count(InputIssue.OUT_OF_ORDER)).as("the real klines after it are not dropped").isZero();
                assertThat(trades.get()).as("trades go on after the future one").isGreaterThan(tradesBefore);
                provider.flush();
                assertThat(provider.store().range(BTC, Timeframe.M1)[1]).isLessThan(plausible.openTime());
                assertThat(provider.store().range(BTC, Timeframe.M5)[1]).isLessThan(forged.openTime());
            }
            // a restart resumes from the store: nothing in the future there, so new bars are stored again
            try (BinanceFeed feed = BinanceFeed.connect(cfg, provider)) {
                assertThat(ex.stream().awaitOpened(2, BinanceFeedBadInputTest.WAIT)).isTrue();
                ex.advance(4);
                awaitCaughtUp(ex, closes);
            }
            provider.flush();
            List<Kline> expected = ex.closedKlines(BTC, Timeframe.M1).stream().filter(k -> k.openTime() >= firstLive - 20 * 60_000L).toList();
            assertThat(expected).hasSize(20 + 3 + 7 + 4);
            assertSeriesEquals(provider.store(), Timeframe.M1, expected);
            assertThat(closes).as("one close event per bar, in order").containsExactlyElementsOf(times(expected));
        }
    }

    @Test
    void theClockFollowsProvenTimesAsksTheExchangeWhenInDoubtAndPausesAfterARefusal() {
        long[] server = {1_000_000_000L};
        long[] nanos = {0};
        long[] asked = {0};
        ExchangeClock c = new ExchangeClock(() -> {
            asked[0]++;
            return server[0];
        }, () -> 5_000_000_000L, () -> nanos[0]);
        assertThat(c.admits(server[0] - 60_000, 60_000)).as("first use asks the exchange").isTrue();
        assertThat(asked[0]).isEqualTo(1);
        nanos[0] += 10_000_000_000L; // 10 s later the estimate has moved on with the local clock
        assertThat(c.now()).isEqualTo(server[0] + 10_000);
        c.prove(server[0] + 3_600_000);  // a fast (loopback) exchange proved an hour more
        assertThat(c.admits(server[0] + 3_600_000 + 60_000, 60_000)).isTrue();
        assertThat(asked[0]).as("proven times need no request").isEqualTo(1);
        server[0] += 86_400_000L;       // the exchange jumped a day (a reconnect after a long outage)
        assertThat(c.admits(server[0], 60_000)).as("in doubt: asks, then admits").isTrue();
        assertThat(asked[0]).isEqualTo(2);
        long year = 365L * 86_400_000L;
        assertThat(c.admits(server[0] + year, 60_000)).isFalse();
        assertThat(asked[0]).isEqualTo(3);
        assertThat(c.admits(server[0] + year, 60_000)).as("within a second of a refusal: no request").isFalse();
        assertThat(asked[0]).isEqualTo(3);
        nanos[0] += ExchangeClock.PAUSE_MS * 1_000_000L;
        assertThat(c.admits(server[0] + year, 60_000)).isFalse();
        assertThat(asked[0]).isEqualTo(4);
    }

    @Test
    void withoutTheServerTimeTheLocalClockStandsIn() {
        ExchangeClock c = new ExchangeClock(() -> {
            throw new BinanceApiException(503, 0, "GET /api/v3/time failed");
        }, () -> 1_700_000_000_000L, () -> 0L);
        assertThat(c.admits(1_700_000_000_000L, 60_000)).isTrue();
        assertThat(c.admits(1_700_000_000_000L + 3_600_000, 60_000)).isFalse();
    }
}
