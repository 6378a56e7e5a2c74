package org.concord.bench;

import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.data.Direction;
import org.concord.data.InputQuality;
import org.concord.data.TradeAggregator;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue "Foundation and the unified DataProvider", figures: trades aggregated per second into all 7 timeframes;
 * 2500-bar query latency from memory and from SQLite (p50/p99); replay throughput at max speed.
 * Input: the 100,000 real Bitstamp trades, repeated back to back ({@link TradeTape#repeated}) where more are needed.
 */
@Tag("benchmark")
class DataBench {
    @TempDir
    Path dir;

    @Test
    void aggregationThroughput() {
        TradeTape tape = BundledData.bitstampTrades().repeated(100); // 10,000,000 trades
        Bench.note("machine: " + Bench.machine());
        Bench.note("aggregation input: bundled Bitstamp trades repeated 100x = " + tape.size() + " trades, all 7 timeframes");
        long[] closes = new long[1];
        BarListener counting = (s, tf, t, o, h, l, c, v) -> closes[0]++;
        double tps = Bench.throughput(3, 5, tape.size(), () -> {
            TradeAggregator agg = new TradeAggregator(tape.symbol(), counting);
            for (int i = 0, n = tape.size(); i < n; i++) {
                agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
            }
        });
        Bench.report("TradeAggregator", "trades/s into 7 timeframes (target >= 10M)", tps, "trades/s");
        assertThat(closes[0]).isPositive();
    }

    @Test
    void queryLatencyFromMemoryAndSqlite() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("bench.db"))) {
            DataProvider hot = new DataProvider(new BarStore(db), new InputQuality(), 1_000_000, 2_000_000);
            ReplayFeed feed = new ReplayFeed(BundledData.bitstampTrades(), hot, ReplayFeed.MAX_SPEED, false);
            feed.start();
            assertThat(feed.awaitFinished(60, TimeUnit.SECONDS)).isTrue();
            hot.flush();
            BarSeries all = hot.bars(BundledData.BTCUSD, Timeframe.S1, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000, Direction.LATEST);
            Bench.note("query input: " + all.size() + " real 1s bars of BTCUSD; each query = latest 2500 bars ending at a random anchor");
            // a provider that holds just one bar in memory answers every older page from SQLite
            DataProvider cold = new DataProvider(new BarStore(db), new InputQuality(), 1, 2_000_000);
            SplittableRandom rnd = new SplittableRandom(42);
            int n = 2_000;
            long[] memNanos = new long[n];
            long[] sqlNanos = new long[n];
            for (int round = 0; round < 2; round++) { // round 0 is warm-up
                for (int i = 0; i < n; i++) {
                    long anchor = all.time(2_500 + rnd.nextInt(all.size() - 3_000));
                    long t0 = System.nanoTime();
                    BarSeries m = hot.bars(BundledData.BTCUSD, Timeframe.S1, Long.MIN_VALUE, anchor, 2_500, Direction.LATEST);
                    long t1 = System.nanoTime();
                    BarSeries s = cold.bars(BundledData.BTCUSD, Timeframe.S1, Long.MIN_VALUE, anchor, 2_500, Direction.LATEST);
                    long t2 = System.nanoTime();
                    memNanos[i] = t1 - t0;
                    sqlNanos[i] = t2 - t1;
                    if (m.size() != 2_500 || s.size() != 2_500 || m.lastTime() != s.lastTime()) {
                        throw new AssertionError("memory and SQLite answers differ at " + anchor);
                    }
                }
            }
            Bench.report("DataProvider.bars memory", "2500 bars p50", Bench.percentileMicros(memNanos, 50), "us");
            Bench.report("DataProvider.bars memory", "2500 bars p99 (target <= 1 ms)", Bench.percentileMicros(memNanos, 99), "us");
            Bench.report("DataProvider.bars SQLite", "2500 bars p50", Bench.percentileMicros(sqlNanos, 50), "us");
            Bench.report("DataProvider.bars SQLite", "2500 bars p99 (target <= 25 ms)", Bench.percentileMicros(sqlNanos, 99), "us");
            cold.close();
            hot.close();
        }
    }

    @Test
    void replayThroughputAtMaxSpeed() throws Exception {
        TradeTape tape = BundledData.bitstampTrades().repeated(10); // 1,000,000 trades
        double best = 0;
        for (int run = 0; run < 3; run++) {
            try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("replay" + run + ".db"))) {
                DataProvider p = new DataProvider(new BarStore(db));
                ReplayFeed feed = new ReplayFeed(tape, p, ReplayFeed.MAX_SPEED, false);
                long t0 = System.nanoTime();
                feed.start();
                assertThat(feed.awaitFinished(120, TimeUnit.SECONDS)).isTrue();
                long played = System.nanoTime() - t0;
                p.flush();
                long durable = System.nanoTime() - t0;
                best = Math.max(best, tape.size() * 1e9 / played);
                if (run == 2) {
                    Bench.report("ReplayFeed -> DataProvider", "trades/s at max speed (bars cached + stored)", best, "trades/s");
                    Bench.report("ReplayFeed -> DataProvider", "same, until every bar durable in SQLite", tape.size() * 1e9 / durable, "trades/s");
                }
                p.close();
            }
        }
    }
}
