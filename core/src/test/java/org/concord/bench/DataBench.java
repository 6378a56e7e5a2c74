package org.concord.bench;

import org.concord.feed.BundledData;
import org.concord.model.TradeTape;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
        double tps = DataFigures.aggregationTradesPerSecond(tape, 3, 5);
        Bench.report("TradeAggregator", "trades/s into 7 timeframes (target >= 10M)", tps, "trades/s");
        assertThat(tps).isPositive();
    }

    @Test
    void queryLatencyFromMemoryAndSqlite() throws Exception {
        DataFigures.QueryLatency q = DataFigures.queryLatency(dir, 2_000, 42);
        Bench.note("query input: " + q.bars() + " real 1s bars of BTCUSD; each query = latest 2500 bars ending at a random anchor");
        Bench.report("DataProvider.bars memory", "2500 bars p50", q.memoryP50(), "us");
        Bench.report("DataProvider.bars memory", "2500 bars p99 (target <= 1 ms)", q.memoryP99(), "us");
        Bench.report("DataProvider.bars SQLite", "2500 bars p50", q.sqliteP50(), "us");
        Bench.report("DataProvider.bars SQLite", "2500 bars p99 (target <= 25 ms)", q.sqliteP99(), "us");
    }

    @Test
    void replayThroughputAtMaxSpeed() throws Exception {
        TradeTape tape = BundledData.bitstampTrades().repeated(10); // 1,000,000 trades
        DataFigures.ReplayThroughput r = DataFigures.replayThroughput(dir, tape, 3);
        Bench.report("ReplayFeed -> DataProvider", "trades/s at max speed (bars cached + stored)", r.playedPerSecond(), "trades/s");
        Bench.report("ReplayFeed -> DataProvider", "same, until every bar durable in SQLite", r.durablePerSecond(), "trades/s");
    }
}
