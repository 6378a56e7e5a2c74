package org.concord.data;

import org.concord.store.Direction;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.Bar;
import org.concord.model.BarSeries;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataProviderTest {
    private static final Symbol BTC = BundledData.BTCUSD;
    private static final List<Timeframe> MTF = List.of(Timeframe.S1, Timeframe.M1, Timeframe.H1, Timeframe.D1);

    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private DataProvider provider(String file, int seedBars) {
        SqliteDatabase db = SqliteDatabase.open(dir.resolve(file));
        DataProvider p = new DataProvider(new BarStore(db), new InputQuality(), seedBars, 2_000_000);
        open.add(db);
        open.add(p);
        return p;
    }

    private static void replayAll(TradeTape tape, DataProvider p) throws InterruptedException {
        ReplayFeed feed = new ReplayFeed(tape, p, ReplayFeed.MAX_SPEED, false);
        feed.start();
        assertThat(feed.awaitFinished(60, TimeUnit.SECONDS)).isTrue();
        assertThat(feed.delivered()).isEqualTo(tape.size());
        p.flush();
    }

    @Test
    void replayedRealTradesGiveTheSameBarsFromMemoryAndFromSqlite() throws Exception {
        DataProvider p = provider("a.db", 200_000);
        AtomicInteger trades = new AtomicInteger();
        List<Long> closes1m = new ArrayList<>();
        p.subscribeTrades((s, t, px, q, bm) -> trades.incrementAndGet());
        p.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> {
            if (tf == Timeframe.M1) {
                closes1m.add(t);
            }
        });
        replayAll(BundledData.bitstampTrades(), p);
        assertThat(trades.get()).isEqualTo(100_000);
        BarSeries expected = RealBars.bitstamp(Timeframe.M1);
        assertThat(closes1m).hasSize(expected.size()).doesNotHaveDuplicates().isSorted();

        BarSeries mem = p.bars(BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000, Direction.LATEST);
        assertSameBars(mem, expected);
        assertThat(p.store().count(BTC, Timeframe.M1)).isEqualTo(expected.size());

        // a second provider that seeds only 100 bars must answer older pages from SQLite, identically
        DataProvider cold = provider("a.db", 100);
        long mid = expected.time(expected.size() / 2);
        for (Direction d : Direction.values()) {
            BarSeries fromStore = cold.bars(BTC, Timeframe.M1, d == Direction.AFTER ? mid : Long.MIN_VALUE,
                    d == Direction.AFTER ? Long.MAX_VALUE : mid, 2_500, d);
            BarSeries fromMem = p.bars(BTC, Timeframe.M1, d == Direction.AFTER ? mid : Long.MIN_VALUE,
                    d == Direction.AFTER ? Long.MAX_VALUE : mid, 2_500, d);
            assertThat(fromStore.size()).as(d.name()).isEqualTo(2_500);
            assertSameBars(fromStore, fromMem);
        }
        BarSeries latest = cold.bars(BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(latest.size()).isEqualTo(DataProvider.DEFAULT_LIMIT);
        assertThat(latest.lastTime()).isEqualTo(expected.lastTime());
        assertThat(p.latest(BTC, Timeframe.D1).orElseThrow().closed()).isTrue();
        Bar forming = p.forming(BTC, Timeframe.D1).orElseThrow();
        assertThat(forming.closed()).isFalse();
        assertThat(forming.close()).isEqualTo(BundledData.bitstampTrades().price(99_999));
    }

    static void assertSameBars(BarSeries a, BarSeries b) {
        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.time(i)).isEqualTo(b.time(i));
            assertThat(a.close(i)).isEqualTo(b.close(i));
            assertThat(a.high(i)).isEqualTo(b.high(i));
            assertThat(a.low(i)).isEqualTo(b.low(i));
            assertThat(a.open(i)).isEqualTo(b.open(i));
            assertThat(a.volume(i)).isEqualTo(b.volume(i));
        }
    }

    /** Perturb the future: the same trades up to a cut, different prices after it. Windows at the cut are unchanged. */
    @Test
    void multiTimeframeWindowsNeverSeeTheFuture() throws Exception {
        TradeTape real = BundledData.bitstampTrades();
        int cut = 60_000;
        long[] t = new long[real.size()];
        double[] px = new double[real.size()];
        double[] sz = new double[real.size()];
        boolean[] bm = new boolean[real.size()];
        for (int i = 0; i < real.size(); i++) {
            t[i] = real.time(i);
            px[i] = i < cut ? real.price(i) : real.price(i) * 1.37;
            sz[i] = i < cut ? real.size(i) : real.size(i) * 3;
            bm[i] = real.buyerMaker(i);
        }
        TradeTape perturbed = new TradeTape(BTC, t, px, sz, bm);
        DataProvider a = provider("real.db", 200_000);
        DataProvider b = provider("perturbed.db", 200_000);
        replayAll(real, a);
        replayAll(perturbed, b);

        long cutTime = real.time(cut) - 1; // the last instant before any perturbed trade
        for (long at : new long[] {cutTime, cutTime - 1, cutTime - 61_000, Timeframe.H1.floor(cutTime), real.time(5_000)}) {
            Map<Timeframe, BarSeries> wa = a.multiTimeframe(BTC, MTF, at, 120);
            Map<Timeframe, BarSeries> wb = b.multiTimeframe(BTC, MTF, at, 120);
            for (Timeframe tf : MTF) {
                BarSeries sa = wa.get(tf);
                assertSameBars(sa, wb.get(tf));
                if (!sa.isEmpty()) {
                    assertThat(tf.closeTime(sa.lastTime())).as("%s window at %d", tf, at).isLessThanOrEqualTo(at);
                }
            }
            assertThat(wa.get(Timeframe.M1).size()).isEqualTo(120);
            assertThat(wa.get(Timeframe.S1).size()).isEqualTo(120);
        }
        // and the perturbation is real: after the cut the series differ
        assertThat(a.latest(BTC, Timeframe.M1).orElseThrow().close()).isNotEqualTo(b.latest(BTC, Timeframe.M1).orElseThrow().close());
    }

    @Test
    void badBarsAreRejectedOrRepairedByRuleCountedAndNeverStored() {
        DataProvider p = provider("bad.db", 1_000);
        Symbol eth = Symbol.of("ETHUSDT");
        p.declareFeedBars(eth);
        List<Long> published = new ArrayList<>();
        p.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> published.add(t));
        long m = 60_000;
        // a Tuesday: not a day the market is closed (1970-01-01, time 0, was New Year's Day: no gap is missing then)
        long t0 = 1_385_424_000_000L; // 2013-11-26 00:00 UTC
        String src = "test-feed";
        p.onBar(eth, Timeframe.M1, t0, 10, 11, 9, 10, 1, true, src);
        p.onBar(eth, Timeframe.M1, t0 + m, Double.NaN, 11, 9, 10, 1, true, src);      // NaN
        p.onBar(eth, Timeframe.M1, t0 + m, -10, 11, 9, 10, 1, true, src);             // negative
        p.onBar(eth, Timeframe.M1, t0 + m, 0, 11, 9, 10, 1, true, src);               // zero
        p.onBar(eth, Timeframe.M1, t0 + m, 10, 9, 11, 10, 1, true, src);              // high < low
        p.onBar(eth, Timeframe.M1, t0 + m, 10, 11, 9, 10, -1, true, src);             // negative volume
        p.onBar(eth, Timeframe.M1, t0 + m + 7, 10, 11, 9, 10, 1, true, src);          // not on a boundary
        p.onBar(eth, Timeframe.M1, t0 + m, 10, 12, 9, 11, 2, true, src);              // good
        p.onBar(eth, Timeframe.M1, t0 + m, 10, 12, 9, 11, 2, true, src);              // duplicate
        p.onBar(eth, Timeframe.M1, t0 + 4 * m, 11, 12, 10, 12, 1, true, src);         // gap of two bars
        p.onBar(eth, Timeframe.M1, t0 + 2 * m, 11, 12, 10, 11.5, 1, true, src);       // late: fills the gap
        p.onBar(eth, Timeframe.M1, t0 + m, 10, 12.5, 9, 11, 2, true, src);            // correction of a stored bar
        p.onMalformed(src, "msg 12", "unparseable");
        p.flush();

        InputQuality q = p.quality();
        assertThat(q.count(src, InputIssue.INVALID_PRICE)).isEqualTo(4);
        assertThat(q.count(src, InputIssue.INCONSISTENT_OHLC)).isEqualTo(1);
        assertThat(q.count(src, InputIssue.MALFORMED)).isEqualTo(2);
        assertThat(q.count(src, InputIssue.DUPLICATE)).isEqualTo(1);
        assertThat(q.count(src, InputIssue.GAP)).isEqualTo(1);
        assertThat(q.count(src, InputIssue.GAP_FILLED)).isEqualTo(1);
        assertThat(q.count(src, InputIssue.CORRECTION)).isEqualTo(1);
        assertThat(q.total()).isEqualTo(11);
        assertThat(published).as("only live-edge bars are published, once each").containsExactly(t0, t0 + m, t0 + 4 * m);

        BarSeries stored = p.store().query(eth, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 100, Direction.LATEST);
        assertThat(stored.size()).isEqualTo(4);
        assertThat(stored.time(1)).isEqualTo(t0 + m);
        assertThat(stored.high(1)).isEqualTo(12.5);
        assertThat(stored.time(2)).isEqualTo(t0 + 2 * m);
        BarSeries mem = p.bars(eth, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 100, Direction.LATEST);
        assertSameBars(mem, stored);
    }

    @Test
    void lateTradesAndBadTradesAreCountedAndBooksKeepTheNewest() {
        DataProvider p = provider("t.db", 1_000);
        p.onTrade(BTC, 10_000, 100, 1, false, "x");
        p.onTrade(BTC, 9_000, 100, 1, false, "x");
        p.onTrade(BTC, 10_001, Double.NaN, 1, false, "x");
        p.onTrade(BTC, 10_001, 100, Double.NEGATIVE_INFINITY, false, "x");
        assertThat(p.quality().count("x", InputIssue.OUT_OF_ORDER)).isEqualTo(1);
        assertThat(p.quality().count("x", InputIssue.INVALID_PRICE)).isEqualTo(2);
        OrderBookSnapshot b1 = new OrderBookSnapshot(BTC, 20, new double[] {99}, new double[] {1}, new double[] {101}, new double[] {1});
        OrderBookSnapshot b0 = new OrderBookSnapshot(BTC, 10, new double[] {98}, new double[] {1}, new double[] {102}, new double[] {1});
        List<OrderBookSnapshot> seen = new ArrayList<>();
        p.subscribeBooks(seen::add);
        p.onBook(b1, "x");
        p.onBook(b0, "x");
        assertThat(p.latestBook(BTC)).contains(b1);
        assertThat(seen).containsExactly(b1);
        assertThatThrownBy(() -> p.bars(BTC, Timeframe.M1, 5, 1, 10, Direction.LATEST)).hasMessageContaining("after");
        assertThatThrownBy(() -> p.bars(BTC, null, 0, 1, 10, Direction.LATEST)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A store filled by an earlier full run must not leak bars from after the replay clock. */
    @Test
    void aPrefilledStoreNeverLeaksBarsAfterTheSessionClock() throws Exception {
        DataProvider first = provider("shared.db", 200_000);
        replayAll(BundledData.bitstampTrades(), first);
        first.close();
        open.remove(first);

        DataProvider p = provider("shared.db", 200_000);
        TradeTape tape = BundledData.bitstampTrades();
        ReplayFeed feed = new ReplayFeed(tape, p, ReplayFeed.MAX_SPEED, false);
        long target = tape.time(20_000);
        feed.pause();
        feed.start();
        feed.seek(target);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (feed.dataTime() < target && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(feed.dataTime()).isEqualTo(target);
        for (Timeframe tf : Timeframe.values()) {
            BarSeries s = p.bars(BTC, tf, Long.MIN_VALUE, Long.MAX_VALUE, 100_000, Direction.LATEST);
            if (!s.isEmpty()) {
                assertThat(tf.closeTime(s.lastTime())).as(tf.code()).isLessThanOrEqualTo(p.clock(BTC));
            }
            assertThat(p.latest(BTC, tf).map(b -> b.closeTime() <= target).orElse(true)).isTrue();
        }
        feed.stop();
    }

    @Test
    void aRangeOlderThanTheStoreIsBackfilledOnceFromTheHistorySource() {
        DataProvider p = provider("bf.db", 1_000);
        BarSeries real = RealBars.bitstamp(Timeframe.M5);
        AtomicInteger calls = new AtomicInteger();
        p.setHistorySource((s, tf, from, to) -> {
            calls.incrementAndGet();
            int lo = real.lowerBound(from);
            int hi = real.lowerBound(to + 1);
            return real.copyRange(lo, hi);
        });
        long from = real.time(10);
        long to = real.time(400);
        BarSeries got = p.bars(BTC, Timeframe.M5, from, to, 10_000, Direction.LATEST);
        assertSameBars(got, real.copyRange(10, 401));
        assertThat(p.store().count(BTC, Timeframe.M5)).isEqualTo(391);
        p.bars(BTC, Timeframe.M5, from, to, 10_000, Direction.LATEST);
        assertThat(calls.get()).isEqualTo(1);
    }

    /** The store already holds recent bars; a query for an older range must still reach the history source. */
    @Test
    void aRangeBeforeTheStoredBarsIsBackfilledToo() {
        DataProvider p = provider("bf2.db", 200_000);
        BarSeries real = RealBars.bitstamp(Timeframe.M5);
        p.store().upsert(real, 1_000, real.size());
        AtomicInteger calls = new AtomicInteger();
        p.setHistorySource((s, tf, from, to) -> {
            calls.incrementAndGet();
            return real.copyRange(real.lowerBound(from), real.lowerBound(to + 1));
        });
        BarSeries recent = p.bars(BTC, Timeframe.M5, real.time(1_500), real.time(1_600), 10_000, Direction.LATEST);
        assertThat(recent.size()).isEqualTo(101);
        assertThat(calls.get()).as("a range the store holds needs no backfill").isZero();
        BarSeries older = p.bars(BTC, Timeframe.M5, real.time(500), real.time(1_100), 10_000, Direction.LATEST);
        assertSameBars(older, real.copyRange(500, 1_101));
        assertThat(calls.get()).isEqualTo(1);
        assertThat(p.store().count(BTC, Timeframe.M5)).isEqualTo(real.size() - 500);
    }
}
