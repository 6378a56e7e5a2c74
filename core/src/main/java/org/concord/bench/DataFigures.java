package org.concord.bench;

import org.concord.data.BarListener;
import org.concord.data.DataProvider;
import org.concord.store.Direction;
import org.concord.quality.InputQuality;
import org.concord.data.TradeAggregator;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The data layer's measurement bodies, shared by the {@code DataBench} tests and {@code concord bench}: trades
 * aggregated per second into all 7 timeframes, 2,500-bar query latency from memory and SQLite, replay throughput.
 * Nothing here asserts a speed; a result that is wrong (memory and SQLite disagree) throws.
 */
public final class DataFigures {
    private DataFigures() {
    }

    /** Best trades/s over {@code runs} passes of {@code tape} through a fresh {@link TradeAggregator}. */
    public static double aggregationTradesPerSecond(TradeTape tape, int warmups, int runs) {
        long[] closes = new long[1];
        BarListener counting = (s, tf, t, o, h, l, c, v) -> closes[0]++;
        double tps = Bench.throughput(warmups, runs, tape.size(), () -> {
            TradeAggregator agg = new TradeAggregator(tape.symbol(), counting);
            for (int i = 0, n = tape.size(); i < n; i++) {
                agg.onTrade(tape.time(i), tape.price(i), tape.size(i));
            }
        });
        if (closes[0] == 0) {
            throw new IllegalStateException("aggregation closed no bar");
        }
        return tps;
    }

    /** Query latency figures (µs) over {@code bars} real 1s bars. */
    public record QueryLatency(int bars, int queries, double memoryP50, double memoryP99, double sqliteP50, double sqliteP99) {
    }

    /**
     * Replays the bundled trades into a store in {@code dir}, then times {@code queries} random "latest 2,500 bars
     * ending at an anchor" queries from a provider that holds everything in memory and from one that reads SQLite.
     */
    public static QueryLatency queryLatency(Path dir, int queries, long seed) throws InterruptedException {
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("bench-query.db"))) {
            DataProvider hot = new DataProvider(new BarStore(db), new InputQuality(), 1_000_000, 2_000_000);
            ReplayFeed feed = new ReplayFeed(BundledData.bitstampTrades(), hot, ReplayFeed.MAX_SPEED, false);
            feed.start();
            if (!feed.awaitFinished(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("replay did not finish in 120 s");
            }
            hot.flush();
            BarSeries all = hot.bars(BundledData.BTCUSD, Timeframe.S1, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000, Direction.LATEST);
            // a provider that holds just one bar in memory answers every older page from SQLite
            DataProvider cold = new DataProvider(new BarStore(db), new InputQuality(), 1, 2_000_000);
            SplittableRandom rnd = new SplittableRandom(seed);
            long[] memNanos = new long[queries];
            long[] sqlNanos = new long[queries];
            for (int round = 0; round < 2; round++) { // round 0 is warm-up
                for (int i = 0; i < queries; i++) {
                    long anchor = all.time(2_500 + rnd.nextInt(all.size() - 3_000));
                    long t0 = System.nanoTime();
                    BarSeries m = hot.bars(BundledData.BTCUSD, Timeframe.S1, Long.MIN_VALUE, anchor, 2_500, Direction.LATEST);
                    long t1 = System.nanoTime();
                    BarSeries s = cold.bars(BundledData.BTCUSD, Timeframe.S1, Long.MIN_VALUE, anchor, 2_500, Direction.LATEST);
                    long t2 = System.nanoTime();
                    memNanos[i] = t1 - t0;
                    sqlNanos[i] = t2 - t1;
                    if (m.size() != 2_500 || s.size() != 2_500 || m.lastTime() != s.lastTime()) {
                        throw new IllegalStateException("memory and SQLite answers differ at " + anchor);
                    }
                }
            }
            cold.close();
            hot.close();
            return new QueryLatency(all.size(), queries, Bench.percentileMicros(memNanos, 50), Bench.percentileMicros(memNanos, 99),
                    Bench.percentileMicros(sqlNanos, 50), Bench.percentileMicros(sqlNanos, 99));
        }
    }

    /** Replay figures: trades/s until the tape was played, and until every bar was durable in SQLite. */
    public record ReplayThroughput(int trades, double playedPerSecond, double durablePerSecond) {
    }

    /** Best of {@code runs} max-speed replays of {@code tape} into a fresh store under {@code dir}. */
    public static ReplayThroughput replayThroughput(Path dir, TradeTape tape, int runs) throws InterruptedException {
        double best = 0;
        double bestDurable = 0;
        for (int run = 0; run < runs; run++) {
            try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("bench-replay" + run + ".db"))) {
                DataProvider p = new DataProvider(new BarStore(db));
                ReplayFeed feed = new ReplayFeed(tape, p, ReplayFeed.MAX_SPEED, false);
                long t0 = System.nanoTime();
                feed.start();
                if (!feed.awaitFinished(300, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("replay did not finish in 300 s");
                }
                long played = System.nanoTime() - t0;
                p.flush();
                long durable = System.nanoTime() - t0;
                best = Math.max(best, tape.size() * 1e9 / played);
                bestDurable = Math.max(bestDurable, tape.size() * 1e9 / durable);
                p.close();
            }
        }
        return new ReplayThroughput(tape.size(), best, bestDurable);
    }
}
