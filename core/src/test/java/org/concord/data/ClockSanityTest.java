package org.concord.data;

import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.model.BarSeries;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No time enters from the future: a bar, trade, book or clock tick dated beyond the wall clock (plus one interval,
 * or a minute) is rejected as FUTURE from any source, and a store that already holds such bars is repaired when it
 * is opened (moved to the quarantine table, not deleted), so the series goes on.
 */
class ClockSanityTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");
    static final long YEAR_2100 = Instant.parse("2100-01-01T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    @Test
    void aStoreHoldingFutureBarsIsRepairedWhenOpenedAndTheSeriesGoesOn() {
        long now = Timeframe.M1.floor(System.currentTimeMillis());
        long lastGood = now - 10 * 60_000L;
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("x.db"))) {
            BarStore store = new BarStore(db);
            BarSeries s = new BarSeries(BTC, Timeframe.M1, 8);
            for (long t = lastGood - 4 * 60_000L; t <= lastGood; t += 60_000L) {
                s.append(t, 100, 101, 99, 100, 1);
            }
            s.append(YEAR_2100, 100, 101, 99, 100, 1);          // written by an older build or a bad source
            s.append(YEAR_2100 + 60_000L, 100, 101, 99, 100, 1);
            store.upsert(s);
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("x.db"));
             DataProvider p = new DataProvider(new BarStore(db))) {
            assertThat(p.store().range(BTC, Timeframe.M1)).containsExactly(lastGood - 4 * 60_000L, lastGood);
            assertThat(p.store().quarantined()).as("moved, not deleted").isEqualTo(2);
            List<Long> closes = new CopyOnWriteArrayList<>();
            p.subscribeBarCloses((sym, tf, t, o, h, l, c, v) -> closes.add(t));
            p.declareFeedBars(BTC);
            p.onBar(BTC, Timeframe.M1, lastGood + 60_000L, 100, 102, 99, 101, 2, true, "binance-ws");
            assertThat(closes).as("the next real bar is the live edge again").containsExactly(lastGood + 60_000L);
            assertThat(p.latest(BTC, Timeframe.M1).orElseThrow().openTime()).isEqualTo(lastGood + 60_000L);
        }
    }

    @Test
    void inputDatedInTheFutureIsRejectedFromAnySourceAndMovesNoClock() {
        long now = Instant.parse("2024-03-01T12:00:30Z").toEpochMilli();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("y.db"));
             DataProvider p = new DataProvider(new BarStore(db), new InputQuality(), 1000, 10_000, () -> now)) {
            p.declareFeedBars(BTC);
            long m = Timeframe.M1.floor(now);
            p.onBar(BTC, Timeframe.M1, m - 60_000L, 100, 101, 99, 100, 1, true, "src");
            long clock = p.clock(BTC);
            p.onBar(BTC, Timeframe.M1, m + 2 * 60_000L, 100, 101, 99, 100, 1, true, "src");    // two minutes ahead: beyond one interval
            p.onBar(BTC, Timeframe.M1, m + 2 * 60_000L, 100, 101, 99, 100, 1, false, "src");   // forming, same
            p.onTrade(BTC, now + 120_000L, 100, 1, false, "src");
            p.onBook(new OrderBookSnapshot(BTC, YEAR_2100, new double[] {99}, new double[] {1}, new double[] {101}, new double[] {1}), "src");
            p.onClock(BTC, YEAR_2100);
            assertThat(p.quality().count("src", InputIssue.FUTURE)).isEqualTo(4);
            assertThat(p.quality().count("clock", InputIssue.FUTURE)).isEqualTo(1);
            assertThat(p.clock(BTC)).as("nothing from the future moved the session clock").isEqualTo(clock);
            p.onBar(BTC, Timeframe.M1, m + 60_000L, 100, 101, 99, 100, 1, false, "src");        // the forming minute after this one: within one interval
            assertThat(p.quality().count("src", InputIssue.FUTURE)).isEqualTo(4);
            p.onBar(BTC, Timeframe.M1, m, 100, 101, 99, 100, 1, true, "src");
            assertThat(p.latest(BTC, Timeframe.M1).orElseThrow().openTime()).isEqualTo(m);
        }
    }

    /**
     * A replay of history asks the rule once per input but reads the clock only when an input is not behind the last
     * reading (a read costs about 30 ns on a VM); a future input after a million past ones is still refused.
     */
    @Test
    void pastInputReadsTheClockOnceAndTheFutureIsStillRefused() {
        long now = Instant.parse("2024-03-01T12:00:30Z").toEpochMilli();
        AtomicLong reads = new AtomicLong();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("z.db"));
             DataProvider p = new DataProvider(new BarStore(db), new InputQuality(), 1000, 10_000, () -> {
                 reads.incrementAndGet();
                 return now;
             })) {
            long readsAtOpen = reads.get();
            long start = Timeframe.M1.floor(now) - 5_000 * 60_000L;
            for (int i = 0; i < 5_000; i++) {
                p.onBar(BTC, Timeframe.M1, start + i * 60_000L, 100, 101, 99, 100, 1, true, "replay");
            }
            assertThat(reads.get() - readsAtOpen).as("clock reads for 5,000 bars of the past").isEqualTo(1);
            p.onBar(BTC, Timeframe.M1, Timeframe.M1.floor(now) + 2 * 60_000L, 100, 101, 99, 100, 1, true, "replay");
            assertThat(p.quality().count("replay", InputIssue.FUTURE)).isEqualTo(1);
            assertThat(reads.get() - readsAtOpen).as("the future bar read the clock afresh").isEqualTo(2);
        }
    }
}
