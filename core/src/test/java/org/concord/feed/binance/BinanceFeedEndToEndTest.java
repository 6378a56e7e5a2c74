package org.concord.feed.binance;

import org.concord.data.DataProvider;
import org.concord.store.Direction;
import org.concord.feed.FeedState;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.Await;
import org.concord.testkit.exchange.Kline;
import org.concord.testkit.exchange.LoopbackBinance;
import org.concord.testkit.exchange.LoopbackRestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed against the loopback exchange into a real DataProvider over a real SQLite file: REST backfill with
 * paging, live klines over the WebSocket, a forced disconnect while the exchange keeps producing bars, reconnect
 * with backoff, the gap backfilled over REST; the stored series must equal the exchange's exactly.
 */
class BinanceFeedEndToEndTest {
    static final Symbol BTC = LoopbackBinance.BTCUSDT;
    static final Duration WAIT = Duration.ofSeconds(8);

    @TempDir
    Path dir;

    @Test
    void storedSeriesEqualsTheExchangeAcrossAForcedDisconnect() {
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(3000);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve("x.db"));
             DataProvider provider = new DataProvider(new BarStore(db))) {
            Map<Timeframe, List<Long>> closes = new EnumMap<>(Timeframe.class);
            closes.put(Timeframe.M1, new CopyOnWriteArrayList<>());
            closes.put(Timeframe.M5, new CopyOnWriteArrayList<>());
            provider.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> closes.get(tf).add(t));

            BinanceConfig cfg = ex.feedConfig().intervals(Timeframe.M1, Timeframe.M5).initialBackfillBars(2500).build();
            try (BinanceFeed feed = BinanceFeed.connect(cfg, provider)) {
                assertThat(ex.stream().awaitOpened(1, WAIT)).as("feed connected").isTrue();
                long firstLive = ex.market(BTC).minuteTime(ex.cursor());

                // live: the first kline triggers the paged initial backfill (2,500 bars = 3 REST pages), then 30 live bars
                ex.advance(30);
                awaitLastClose(ex, closes, Timeframe.M1);
                assertThat(feed.state()).isEqualTo(FeedState.RUNNING);
                List<LoopbackRestServer.Served> initialPages = ex.rest().served("/api/v3/klines").stream()
                        .filter(s -> s.query().contains("interval=1m")).toList();
                assertThat(initialPages).hasSize(3);
                assertThat(initialPages).allSatisfy(s -> assertThat(s.query()).contains("limit=1000"));
                long lastBeforeDrop = last(closes.get(Timeframe.M1));

                // forced disconnect: the socket dies, the exchange is unreachable for a while and keeps producing bars
                ex.stream().setAccepting(false);
                ex.stream().dropAll();
                ex.advance(150);
                Await.until(WAIT, () -> ex.stream().refusedAtNanos().size() >= 3, () -> "3 refused reconnect attempts");
                Await.until(WAIT, () -> feed.state() == FeedState.RECONNECTING, () -> "feed state RECONNECTING, is " + feed.state());
                ex.stream().setAccepting(true);
                assertThat(ex.stream().awaitOpened(2, WAIT)).as("feed reconnected").isTrue();
                ex.advance(20);
                awaitLastClose(ex, closes, Timeframe.M1);
                awaitLastClose(ex, closes, Timeframe.M5);

                // the gap was fetched over REST, starting right after the last bar seen before the drop
                assertThat(ex.rest().served("/api/v3/klines")).anySatisfy(s -> assertThat(s.query())
                        .contains("interval=1m").contains("startTime=" + (lastBeforeDrop + 60_000L)));
                BinanceFeed.Stats st = feed.stats();
                assertThat(st.disconnects()).isEqualTo(1);
                assertThat(st.connectionFailures()).isGreaterThanOrEqualTo(4); // the drop + 3 refused handshakes
                assertThat(st.connects()).isEqualTo(2);
                assertThat(st.backfilledBars()).isGreaterThanOrEqualTo(2500 + 150);

                provider.flush();
                BarStore store = provider.store();
                List<Kline> m1 = ex.closedKlines(BTC, Timeframe.M1).stream()
                        .filter(k -> k.openTime() >= firstLive - 2500 * 60_000L).toList();
                assertThat(m1).hasSize(2500 + 30 + 150 + 20);
                assertSeriesEquals(store, Timeframe.M1, m1);
                assertThat(closes.get(Timeframe.M1)).as("one close event per bar, in order").containsExactlyElementsOf(times(m1));

                List<Kline> m5 = ex.closedKlines(BTC, Timeframe.M5); // the initial backfill reached the start of the data
                assertSeriesEquals(store, Timeframe.M5, m5);
                assertThat(closes.get(Timeframe.M5)).containsExactlyElementsOf(times(m5));

                assertThat(provider.quality().total()).as("a clean exchange gives no bad-input reports: " + provider.quality().snapshot())
                        .isZero();
            }
        }
    }

    @Test
    void restartResumesAfterTheStoredBarsAndBackfillsOnlyWhatIsMissing() {
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(2000);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve("resume.db"))) {
            BinanceConfig cfg = ex.feedConfig().interval(Timeframe.M1).initialBackfillBars(100).build();
            try (DataProvider provider = new DataProvider(new BarStore(db)); BinanceFeed feed = BinanceFeed.connect(cfg, provider)) {
                assertThat(ex.stream().awaitOpened(1, WAIT)).isTrue();
                ex.advance(5);
                Await.until(WAIT, () -> provider.latest(BTC, Timeframe.M1).map(b -> b.openTime()).orElse(0L) == lastClosedTime(ex, Timeframe.M1),
                        () -> "first session caught up");
                provider.flush();
            }
            ex.advance(40); // the app is closed while the market goes on
            int before = ex.rest().served("/api/v3/klines").size();
            List<Long> closes = new CopyOnWriteArrayList<>();
            try (DataProvider provider = new DataProvider(new BarStore(db))) {
                provider.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> closes.add(t));
                try (BinanceFeed feed = BinanceFeed.connect(cfg, provider)) {
                    assertThat(ex.stream().awaitOpened(2, WAIT)).isTrue();
                    ex.advance(3);
                    Await.until(WAIT, () -> !closes.isEmpty() && last(closes) == lastClosedTime(ex, Timeframe.M1), () -> "second session caught up");
                    provider.flush();
                    List<Kline> expected = ex.closedKlines(BTC, Timeframe.M1).stream()
                            .filter(k -> k.openTime() >= ex.market(BTC).minuteTime(2000) - 100 * 60_000L).toList();
                    assertSeriesEquals(provider.store(), Timeframe.M1, expected);
                    assertThat(closes).as("only the 43 missed bars are new").hasSize(43);
                    assertThat(ex.rest().served("/api/v3/klines").subList(before, ex.rest().served("/api/v3/klines").size()))
                            .singleElement().satisfies(s -> assertThat(s.query()).contains("startTime=" + closes.get(0)));
                    assertThat(provider.quality().total()).isZero();
                }
            }
        }
    }

    static void awaitLastClose(LoopbackBinance ex, Map<Timeframe, List<Long>> closes, Timeframe tf) {
        long want = lastClosedTime(ex, tf);
        Await.until(WAIT, () -> !closes.get(tf).isEmpty() && last(closes.get(tf)) == want,
                () -> tf + " close at " + want + ", last seen " + (closes.get(tf).isEmpty() ? "none" : last(closes.get(tf))));
    }

    static long lastClosedTime(LoopbackBinance ex, Timeframe tf) {
        List<Kline> all = ex.closedKlines(BTC, tf);
        return all.get(all.size() - 1).openTime();
    }

    static long last(List<Long> l) {
        return l.get(l.size() - 1);
    }

    static List<Long> times(List<Kline> ks) {
        List<Long> out = new ArrayList<>();
        ks.forEach(k -> out.add(k.openTime()));
        return out;
    }

    /** The stored series holds exactly these bars: same count, same times, same values (exact doubles). */
    static void assertSeriesEquals(BarStore store, Timeframe tf, List<Kline> expected) {
        BarSeries s = store.query(BTC, tf, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000, Direction.AFTER);
        assertThat(store.count(BTC, tf)).as(tf + " stored bar count").isEqualTo(expected.size());
        assertThat(s.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Kline k = expected.get(i);
            int at = i;
            assertThat(new double[] {s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i)})
                    .as(() -> tf + " bar " + at + " @" + k.openTime())
                    .containsExactly(k.openTime(), k.open(), k.high(), k.low(), k.close(), k.volume());
        }
    }
}
