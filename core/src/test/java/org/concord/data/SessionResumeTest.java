package org.concord.data;

import org.concord.store.Direction;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A replay stopped part-way and restarted on the same data dir continues where it left off: every stored bar of every
 * timeframe equals the bars of one uninterrupted replay, no bar is built twice (no duplicates or corrections are
 * reported), and no bar after the restart starts half empty. Before, a restart replayed the tape from its start over
 * the stored bars.
 */
class SessionResumeTest {
    private static final Symbol BTC = BundledData.BTCUSD;

    @TempDir
    Path dir;

    @Test
    void aRestartedReplayContinuesWhereTheLastRunLeftOffAndBuildsTheSameBars() throws Exception {
        TradeTape full = BundledData.bitstampTrades();
        int n = 30_000;
        TradeTape tape = full.between(full.firstTime(), full.time(n - 1));
        // where the first run stops: mid-hour, mid-minute, mid-second of the real tape
        long stopAt = tape.time(tape.size() / 2) + 37_500;

        List<BarSeries> reference = replay(dir.resolve("reference.db"), tape, Long.MIN_VALUE, Long.MAX_VALUE);

        Path db = dir.resolve("restarted.db");
        replay(db, tape, Long.MIN_VALUE, stopAt); // the first run, stopped (closed) part-way
        long resume;
        InputQuality quality = new InputQuality();
        try (SqliteDatabase d = SqliteDatabase.open(db); DataProvider data = new DataProvider(new BarStore(d), quality, 200_000, 2_000_000)) {
            resume = data.resumePoint(BTC);
            assertThat(resume).as("resume point: the newest stored 1s bar's close").isBetween(stopAt - 60_000, stopAt);
            ReplayFeed again = new ReplayFeed(tape, data, ReplayFeed.MAX_SPEED, false, resume);
            again.start();
            assertThat(again.awaitFinished(120, TimeUnit.SECONDS)).isTrue();
            data.flush();
        }
        assertThat(quality.count(InputIssue.DUPLICATE)).as("bars built twice").isZero();
        assertThat(quality.count(InputIssue.CORRECTION)).as("stored bars replaced").isZero();
        assertThat(quality.count(InputIssue.OUT_OF_ORDER)).as("trades refused as late").isZero();

        List<BarSeries> restarted = stored(db);
        for (int k = 0; k < reference.size(); k++) {
            BarSeries a = reference.get(k);
            BarSeries b = restarted.get(k);
            assertThat(b.size()).as("%s bars", a.timeframe()).isEqualTo(a.size());
            for (int i = 0; i < a.size(); i++) {
                assertThat(b.time(i)).isEqualTo(a.time(i));
                String bar = a.timeframe() + " bar at " + a.time(i) + " (the restart was at " + resume + ")";
                assertThat(new double[] {b.open(i), b.high(i), b.low(i), b.close(i)}).as(bar)
                        .containsExactly(a.open(i), a.high(i), a.low(i), a.close(i));
                // a bar rebuilt from stored parts sums its volume in another order: equal up to float rounding
                assertThat(b.volume(i)).as(bar + " volume").isCloseTo(a.volume(i), within(1e-9 * Math.max(1, a.volume(i))));
            }
        }
    }

    /** Replays the trades up to {@code stopBefore} into a fresh provider on {@code db}; returns every stored series. */
    private static List<BarSeries> replay(Path db, TradeTape tape, long resume, long stopBefore) throws Exception {
        try (SqliteDatabase d = SqliteDatabase.open(db); DataProvider data = new DataProvider(new BarStore(d))) {
            TradeTape part = stopBefore == Long.MAX_VALUE ? tape : tape.between(tape.firstTime(), stopBefore - 1);
            ReplayFeed r = new ReplayFeed(part, data, ReplayFeed.MAX_SPEED, false, resume);
            r.start();
            assertThat(r.awaitFinished(120, TimeUnit.SECONDS)).isTrue();
            data.flush();
        }
        return stored(db);
    }

    private static List<BarSeries> stored(Path db) throws Exception {
        List<BarSeries> out = new ArrayList<>();
        try (SqliteDatabase d = SqliteDatabase.open(db)) {
            BarStore store = new BarStore(d);
            for (Timeframe tf : Timeframe.all()) {
                out.add(store.query(BTC, tf, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000, Direction.LATEST));
            }
        }
        return out;
    }
}
