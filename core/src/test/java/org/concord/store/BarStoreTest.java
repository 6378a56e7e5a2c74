package org.concord.store;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarStoreTest {
    @TempDir
    Path dir;

    @Test
    void roundTripOfRealBarsIsExactAndReingestIsIdempotent() {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("bars.db"))) {
            BarStore store = new BarStore(db);
            assertThat(store.upsert(m1)).isEqualTo(m1.size());
            assertThat(store.upsert(m1)).as("same bars again change nothing").isZero();
            assertThat(store.count(m1.symbol(), Timeframe.M1)).isEqualTo(m1.size());
            BarSeries back = store.query(m1.symbol(), Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 1_000_000, Direction.LATEST);
            assertSame(back, m1);
        }
        // reload on restart
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("bars.db"))) {
            BarStore store = new BarStore(db);
            assertThat(store.count(m1.symbol(), Timeframe.M1)).isEqualTo(m1.size());
            assertThat(store.range(m1.symbol(), Timeframe.M1)).containsExactly(m1.time(0), m1.lastTime());
            assertThat(store.symbols()).containsExactly(m1.symbol());
        }
    }

    static void assertSame(BarSeries a, BarSeries b) {
        assertThat(a.size()).isEqualTo(b.size());
        for (int i = 0; i < a.size(); i++) {
            assertThat(a.time(i)).isEqualTo(b.time(i));
            assertThat(new double[] {a.open(i), a.high(i), a.low(i), a.close(i), a.volume(i)})
                    .containsExactly(b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i));
        }
    }

    @Test
    void correctionsReplaceAndDirectionsPage() {
        Symbol s = Symbol.of("ETHUSD");
        BarSeries bars = new BarSeries(s, Timeframe.M5);
        for (int i = 0; i < 10; i++) {
            bars.append(i * 300_000L, 10 + i, 11 + i, 9 + i, 10 + i, 1);
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("x.db"))) {
            BarStore store = new BarStore(db);
            store.upsert(bars);
            BarSeries fix = new BarSeries(s, Timeframe.M5);
            fix.append(3 * 300_000L, 13, 20, 9, 19, 5);
            assertThat(store.upsert(fix)).isEqualTo(1);
            assertThat(store.count(s, Timeframe.M5)).isEqualTo(10);
            BarSeries latest = store.query(s, Timeframe.M5, Long.MIN_VALUE, Long.MAX_VALUE, 3, Direction.LATEST);
            assertThat(latest.closes()).containsExactly(17, 18, 19);
            BarSeries before = store.query(s, Timeframe.M5, Long.MIN_VALUE, 5 * 300_000L, 3, Direction.BEFORE);
            assertThat(before.closes()).containsExactly(12, 19, 14);
            BarSeries after = store.query(s, Timeframe.M5, 5 * 300_000L, Long.MAX_VALUE, 2, Direction.AFTER);
            assertThat(after.closes()).containsExactly(16, 17);
            BarSeries inclusive = store.query(s, Timeframe.M5, 300_000L, 600_000L, 100, Direction.LATEST);
            assertThat(inclusive.size()).isEqualTo(2);
            assertThat(store.query(s, Timeframe.H1, Long.MIN_VALUE, Long.MAX_VALUE, 5, Direction.LATEST).isEmpty()).isTrue();
        }
    }

    @Test
    void anInvalidBarInABatchWritesNothing() {
        Symbol s = Symbol.of("BTCUSD");
        BarSeries bars = new BarSeries(s, Timeframe.M1);
        bars.append(0, 10, 11, 9, 10, 1);
        bars.append(60_000, 10, 9, 11, 10, 1); // high < low
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("y.db"))) {
            BarStore store = new BarStore(db);
            assertThatThrownBy(() -> store.upsert(bars)).hasMessageContaining("high < low").hasMessageContaining("nothing written");
            assertThat(store.count(s, Timeframe.M1)).isZero();
            assertThatThrownBy(() -> store.query(s, Timeframe.M1, 0, 1, 0, Direction.LATEST)).hasMessageContaining("limit");
        }
    }

    /** A child JVM writes bars, then dies without closing anything (Runtime.halt). What returned must be there. */
    @Test
    void aWriteThatReturnedSurvivesAProcessCrash() throws Exception {
        Path file = dir.resolve("crash.db");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(CrashingWriter.HALT_CODE);
        assertThat(out).contains("committed 500");
        try (SqliteDatabase db = SqliteDatabase.open(file)) {
            BarStore store = new BarStore(db);
            assertThat(store.count(Symbol.of("BTCUSD"), Timeframe.M1)).isEqualTo(500);
            BarSeries back = store.query(Symbol.of("BTCUSD"), Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 10_000, Direction.LATEST);
            assertSame(back, RealBars.bitstamp(Timeframe.M1).copyRange(0, 500));
        }
    }

    /** Entry point of the crashing child process. */
    public static final class CrashingWriter {
        static final int HALT_CODE = 57;

        public static void main(String[] args) {
            SqliteDatabase db = SqliteDatabase.open(Path.of(args[0]));
            BarStore store = new BarStore(db);
            BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
            for (int from = 0; from < 500; from += 100) {
                store.upsert(m1, from, from + 100);
            }
            System.out.println("committed 500");
            System.out.flush();
            List.of(); // no close(), no shutdown hooks: the process just stops
            Runtime.getRuntime().halt(HALT_CODE);
        }
    }
}
