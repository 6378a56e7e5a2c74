package org.concord.data;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.quality.InputQuality;
import org.concord.store.BarStore;
import org.concord.store.Direction;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backtest's provider keeps its session in memory: nothing is written to the store until a series' cache evicts
 * bars; then the whole series is written before they leave memory (and every later bar behind), so every query still
 * sees every bar.
 */
class TransientSessionTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    @TempDir
    Path dir;

    private static void ingest(DataProvider data, BarSeries bars) {
        for (int i = 0; i < bars.size(); i++) {
            data.onBar(BTC, bars.timeframe(), bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i), true, "test");
        }
    }

    @Test
    void aSessionThatFitsInMemoryWritesNothingAndAnswersEveryQuery() {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("t.db"))) {
            BarStore store = new BarStore(db);
            try (DataProvider data = DataProvider.transientSession(store)) {
                ingest(data, m1);
                data.flush();
                BarSeries all = data.bars(BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Direction.LATEST);
                assertThat(all.size()).isEqualTo(m1.size());
                assertThat(all.lastClose()).isEqualTo(m1.lastClose());
            }
            assertThat(store.count(BTC, Timeframe.M1)).as("nothing written: the session dies with the run").isZero();
        }
    }

    @Test
    void aSeriesIsWrittenWholeBeforeItsFirstEvictionAndEveryQuerySeesEveryBar() {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        int max = 2_000;
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("e.db"));
             DataProvider data = new DataProvider(new BarStore(db), new InputQuality(), 100, max, System::currentTimeMillis, true)) {
            ingest(data, m1.copyRange(0, max));
            assertThat(data.store().count(BTC, Timeframe.M1)).as("within the cache: nothing written").isZero();
            ingest(data, m1.copyRange(max, m1.size()));
            data.flush();
            assertThat(data.store().count(BTC, Timeframe.M1)).as("from the first eviction on, every bar").isEqualTo(m1.size());
            assertThat(data.store().count(BTC, Timeframe.M5)).as("a series never evicted: none").isZero();
            // the oldest bars are only in the store now, and a query over everything still returns them all, in order
            BarSeries all = data.bars(BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE, Direction.LATEST);
            assertThat(all.size()).isEqualTo(m1.size());
            for (int i = 0; i < m1.size(); i += 97) {
                assertThat(all.time(i)).isEqualTo(m1.time(i));
                assertThat(all.close(i)).isEqualTo(m1.close(i));
            }
            BarSeries oldest = data.bars(BTC, Timeframe.M1, m1.time(0), m1.time(9), 10, Direction.LATEST);
            assertThat(oldest.size()).isEqualTo(10);
            assertThat(oldest.time(0)).isEqualTo(m1.time(0));
        }
    }
}
