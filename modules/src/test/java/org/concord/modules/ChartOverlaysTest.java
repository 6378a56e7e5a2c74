package org.concord.modules;

import org.concord.chart.OverlayMark;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.modules.extrema.ExtremaDetector;
import org.concord.modules.extrema.ExtremaOverlay;
import org.concord.modules.extrema.Extremum;
import org.concord.modules.pivots.PivotsOverlay;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.training.RealBars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pivots and extrema as chart overlays, on the real bundled data through a real DataProvider and SQLite store. */
class ChartOverlaysTest {
    @TempDir
    static Path dir;
    static DataProvider full;
    static DataProvider cut;
    static BarSeries m1;
    static long cutTime;

    @BeforeAll
    static void setUp() throws Exception {
        TradeTape tape = BundledData.bitstampTrades();
        full = RealBars.provider(Files.createDirectories(dir.resolve("full")), tape);
        m1 = RealBars.bitstamp().get(Timeframe.M1);
        // the same tape cut at 60 %: the store knows nothing after cutTime
        int n = tape.size() * 6 / 10;
        cutTime = tape.time(n - 1);
        cut = new DataProvider(new BarStore(SqliteDatabase.open(Files.createDirectories(dir.resolve("cut")).resolve("concord.db"))));
        cut.resetSession(tape.symbol(), tape.firstTime());
        for (int i = 0; i < n; i++) {
            cut.onTrade(tape.symbol(), tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
        }
    }

    @AfterAll
    static void tearDown() {
        for (DataProvider d : new DataProvider[] {full, cut}) {
            d.close();
            d.store().database().close();
        }
    }

    @Test
    void extremaMarksAreTheDetectorsConfirmedExtremaInTheRange() {
        ExtremaOverlay overlay = new ExtremaOverlay(full, 5);
        long from = m1.time(3_000);
        long to = m1.time(3_600);
        List<OverlayMark> marks = overlay.marks(RealBars.symbol(), Timeframe.M1, from, to);
        List<Extremum> expected = ExtremaDetector.label(m1, 5).stream().filter(e -> e.barTime() >= from && e.barTime() <= to).toList();
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(marks).hasSameSizeAs(expected);
        for (int i = 0; i < marks.size(); i++) {
            Extremum e = expected.get(i);
            assertThat(marks.get(i)).isEqualTo(new OverlayMark(e.barTime(), e.price(),
                    e.max() ? OverlayMark.Kind.LOCAL_MAX : OverlayMark.Kind.LOCAL_MIN, e.max() ? "max" : "min", Double.NaN));
            assertThat(marks.get(i).above()).isEqualTo(e.max());
        }
        assertThat(overlay.id()).isEqualTo("extrema");
    }

    @Test
    void pivotMarksOfARangeEqualThoseOfTheWholeHistory() {
        PivotsOverlay overlay = new PivotsOverlay(full);
        long from = m1.time(3_000);
        long to = m1.time(3_600);
        List<OverlayMark> all = overlay.marks(RealBars.symbol(), Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE);
        List<OverlayMark> range = overlay.marks(RealBars.symbol(), Timeframe.M1, from, to);
        assertThat(range).hasSizeGreaterThan(20)
                .containsExactlyElementsOf(all.stream().filter(m -> m.time() >= from && m.time() <= to).toList());
        assertThat(range).extracting(OverlayMark::label).contains("L1", "L2");
        for (OverlayMark m : range) {
            int i = m1.indexOf(m.time());
            assertThat(m.price()).isEqualTo(m.kind() == OverlayMark.Kind.SWING_HIGH ? m1.high(i) : m1.low(i));
            // a swing high stands strictly above its two neighbours on each side (strength 2)
            for (int j = i - 2; j <= i + 2; j++) {
                if (j != i) {
                    if (m.kind() == OverlayMark.Kind.SWING_HIGH) {
                        assertThat(m1.high(i)).isGreaterThan(m1.high(j));
                    } else {
                        assertThat(m1.low(i)).isLessThan(m1.low(j));
                    }
                }
            }
        }
    }

    static String point(OverlayMark m) {
        return m.time() + " " + m.price() + " " + m.kind();
    }

    @Test
    void noMarkNeedsDataTheStoreDoesNotHaveYet() {
        for (OverlaySource[] pair : new OverlaySource[][] {{new PivotsOverlay(full), new PivotsOverlay(cut)},
                {new ExtremaOverlay(full), new ExtremaOverlay(cut)}}) {
            List<OverlayMark> later = pair[0].marks(RealBars.symbol(), Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE);
            List<OverlayMark> now = pair[1].marks(RealBars.symbol(), Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(now).isNotEmpty();
            // what is known at the cut stays true once the rest of the tape arrived (a swing's level may still rise:
            // a level-1 swing becomes level 2 when the next level-1 swing confirms it, so compare the points)
            List<String> laterPoints = later.stream().map(ChartOverlaysTest::point).toList();
            List<String> nowPoints = now.stream().map(ChartOverlaysTest::point).toList();
            assertThat(laterPoints).containsAll(nowPoints);
            // and the swings the rest of the tape confirms (near or after the cut) are not drawn early
            assertThat(now).allMatch(m -> m.time() < cutTime);
            assertThat(laterPoints.stream().filter(p -> !nowPoints.contains(p)).map(p -> Long.parseLong(p.split(" ")[0]))
                    .filter(t -> t > cutTime - 60_000 * 10 && t < cutTime).count())
                    .as("%s: swings before the cut confirmed only after it", pair[0].id()).isPositive();
        }
        assertThatThrownBy(() -> new PivotsOverlay(full).marks(null, Timeframe.M1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExtremaOverlay(full, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
