package org.concord.data;

import org.concord.store.Direction;
import org.concord.quality.InputIssue;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CSV importer on the real bundled AAPL daily bars and on constructed files with every kind of bad row. */
class CsvBarImporterTest {
    private static final Symbol AAPL = Symbol.of("AAPL");
    private static final Symbol VIX = Symbol.of("VIX");
    @TempDir
    Path dir;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private DataProvider provider() {
        SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
        DataProvider p = new DataProvider(new BarStore(db));
        open.add(db);
        open.add(p);
        return p;
    }

    private static long day(String iso) {
        return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    @Test
    void importsTheRealAppleDailyBarsOnceAndReimportsNothing() throws Exception {
        DataProvider p = provider();
        CsvBarImporter.Result r;
        try (InputStream in = getClass().getResourceAsStream("/appleinc_bars_from_20130101_usd.csv")) {
            assertThat(in).as("bundled AAPL CSV in ta4j-examples").isNotNull();
            r = CsvBarImporter.importFrom(new InputStreamReader(in, StandardCharsets.UTF_8), "csv appleinc", AAPL, Timeframe.D1, p);
        }
        assertThat(r.rows()).isEqualTo(252);
        assertThat(r.sent()).isEqualTo(252);
        assertThat(r.rejected()).isZero();
        assertThat(r.firstTime()).isEqualTo(day("2013-01-02"));
        BarSeries bars = p.bars(AAPL, Timeframe.D1, Long.MIN_VALUE, Long.MAX_VALUE, 10_000, Direction.LATEST);
        assertThat(bars.size()).isEqualTo(252);
        // first row: 2013-01-02,553.82,555.00,541.63,549.03,20018500
        assertThat(bars.time(0)).isEqualTo(day("2013-01-02"));
        assertThat(bars.sameValues(0, 553.82, 555.00, 541.63, 549.03, 20018500)).isTrue();
        assertThat(p.quality().count("csv appleinc", InputIssue.GAP)).as("weekends and exchange holidays: closed days, no gap").isZero();
        p.flush();
        assertThat(p.store().count(AAPL, Timeframe.D1)).isEqualTo(252);
        long issues = p.quality().total();
        try (InputStream in = getClass().getResourceAsStream("/appleinc_bars_from_20130101_usd.csv")) {
            r = CsvBarImporter.importFrom(new InputStreamReader(in, StandardCharsets.UTF_8), "csv appleinc", AAPL, Timeframe.D1, p);
        }
        assertThat(r.sent()).isZero();
        assertThat(r.unchanged()).isEqualTo(252);
        assertThat(p.quality().total()).as("a re-import reports nothing").isEqualTo(issues);
    }

    @Test
    void badRowsAreCountedAndSkippedAndTheRestIsImported() throws Exception {
        DataProvider p = provider();
        Path f = dir.resolve("vix.csv");
        Files.writeString(f, String.join("\n",
                "# VIX daily, newest first",
                "Date,Open,High,Low,Close,Adj Close,Volume",
                "2024-01-10,13.0,13.5,12.5,12.7,12.7,0",
                "2024-01-09,13.1,13.9,12.9,13.0,13.0,0",
                "",
                "2024-01-08,abc,13.9,12.9,13.0,13.0,0",       // unreadable number
                "2024-01-07,.,13.9,12.9,13.0,13.0,0",         // missing value
                "2024/01/06,13.1,13.9,12.9,13.0,13.0,0",      // unreadable date
                "2024-01-05,13.1,13.9",                       // too few columns
                "2024-01-04,13.1,12.0,12.9,13.0,13.0,0",      // high < low
                "2024-01-03,-1,13.9,-2,13.0,13.0,0",          // negative price
                "2024-01-09,13.1,13.9,12.9,13.0,13.0,0",      // the same bar again
                "2024-01-02,14.0,14.5,13.5,14.2,14.2,0",
                "2024-01-02,14.0,14.5,13.5,14.3,14.3,0"));    // a correction of the row before it
        CsvBarImporter.Result r = CsvBarImporter.importFile(f, VIX, Timeframe.D1, p);
        String src = "csv vix.csv";
        assertThat(r.source()).isEqualTo(src);
        assertThat(r.rows()).isEqualTo(11);
        assertThat(p.quality().count(src, InputIssue.MALFORMED)).isEqualTo(4);
        assertThat(p.quality().count(src, InputIssue.INCONSISTENT_OHLC)).isEqualTo(1);
        assertThat(p.quality().count(src, InputIssue.INVALID_PRICE)).isEqualTo(1);
        assertThat(p.quality().count(src, InputIssue.DUPLICATE)).isEqualTo(1);
        assertThat(p.quality().count(src, InputIssue.CORRECTION)).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(6);
        BarSeries s = p.bars(VIX, Timeframe.D1, Long.MIN_VALUE, Long.MAX_VALUE, 100, Direction.LATEST);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.time(0)).isEqualTo(day("2024-01-02"));
        assertThat(s.close(0)).as("the correction won").isEqualTo(14.3);
        assertThat(s.close(2)).isEqualTo(12.7);
        assertThat(s.volume(2)).isZero();
    }

    @Test
    void lineSeriesWithAndWithoutHeader() throws Exception {
        DataProvider p = provider();
        CsvBarImporter.Result r = CsvBarImporter.importFrom(new StringReader("date,value\n2024-01-02,101.5\n2024-01-03,102.0\n"),
                "dxy", Symbol.of("DXY"), Timeframe.D1, p);
        assertThat(r.sent()).isEqualTo(2);
        BarSeries s = p.bars(Symbol.of("DXY"), Timeframe.D1, Long.MIN_VALUE, Long.MAX_VALUE, 10, Direction.LATEST);
        assertThat(s.sameValues(0, 101.5, 101.5, 101.5, 101.5, 0)).isTrue();
        r = CsvBarImporter.importFrom(new StringReader("20240104;103.0\n20240105;104.0\n"), "dxy2", Symbol.of("DXY"), Timeframe.D1, p);
        assertThat(r.sent()).isEqualTo(2);
        r = CsvBarImporter.importFrom(new StringReader("\uFEFFtime,close\n1704412800000,99\n"), "dxy3", Symbol.of("DXY2"), Timeframe.D1, p);
        assertThat(r.sent()).isEqualTo(1);
        assertThat(r.firstTime()).isEqualTo(day("2024-01-05"));
        // a time off the day boundary is the DataProvider's MALFORMED
        r = CsvBarImporter.importFrom(new StringReader("2024-01-05T12:00:00,99\n"), "off", Symbol.of("DXY3"), Timeframe.D1, p);
        assertThat(r.rejected()).isEqualTo(1);
    }

    @Test
    void timesAndLayouts() {
        assertThat(CsvBarImporter.time("2024-01-02")).isEqualTo(day("2024-01-02"));
        assertThat(CsvBarImporter.time("20240102")).isEqualTo(day("2024-01-02"));
        assertThat(CsvBarImporter.time("1704153600")).isEqualTo(day("2024-01-02"));
        assertThat(CsvBarImporter.time("1704153600000")).isEqualTo(day("2024-01-02"));
        assertThat(CsvBarImporter.time("2024-01-02T01:00:00")).isEqualTo(day("2024-01-02") + 3_600_000);
        assertThat(CsvBarImporter.time("2024-01-02 01:00")).isEqualTo(day("2024-01-02") + 3_600_000);
        assertThat(CsvBarImporter.time("2024-01-02T01:00:00Z")).isEqualTo(day("2024-01-02") + 3_600_000);
        assertThat(CsvBarImporter.time("2024-01-02T02:00:00+01:00")).isEqualTo(day("2024-01-02") + 3_600_000);
        assertThatThrownBy(() -> CsvBarImporter.time("02/01/2024")).hasMessageContaining("unreadable time");
        assertThatThrownBy(() -> CsvBarImporter.time("")).hasMessageContaining("missing time");
        DataProvider p = provider();
        assertThatThrownBy(() -> CsvBarImporter.importFrom(new StringReader("2024-01-02,1,2\n"), "x", VIX, Timeframe.D1, p))
                .hasMessageContaining("no header and 3 columns");
        assertThatThrownBy(() -> CsvBarImporter.importFrom(new StringReader("date,open,close\n"), "x", VIX, Timeframe.D1, p))
                .hasMessageContaining("need a time column");
        assertThatThrownBy(() -> CsvBarImporter.importFrom(null, "x", VIX, Timeframe.D1, p)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void storedExchangeBarsAreNeverReplacedUnlessAskedAndThePlanComesFirst() throws Exception {
        DataProvider p = provider();
        Symbol btc = Symbol.of("BTCUSDT");
        p.declareFeedBars(btc);
        StringBuilder csv = new StringBuilder("date,open,high,low,close\n");
        for (int i = 0; i < 10; i++) {
            long t = day("2024-01-01") + i * 86_400_000L;
            p.onBar(btc, Timeframe.D1, t, 100, 110, 90, 105, 7, true, "binance-rest");
            csv.append(LocalDate.ofEpochDay(t / 86_400_000L)).append(",1,2,0.5,1.5\n");
        }
        Path f = dir.resolve("btc.csv");
        Files.writeString(f, csv);

        CsvBarImporter.Result plan = CsvBarImporter.importFile(f, btc, Timeframe.D1, p, new CsvBarImporter.Options(true, true));
        assertThat(plan.dryRun()).isTrue();
        assertThat(plan.replaced()).as("what a replace would change, reported first").isEqualTo(10);
        assertThat(closes(p, btc)).as("a dry run writes nothing").containsOnly(105.0);

        CsvBarImporter.Result kept = CsvBarImporter.importFile(f, btc, Timeframe.D1, p);
        assertThat(kept.kept()).isEqualTo(10);
        assertThat(kept.sent()).isZero();
        assertThat(kept.summary()).contains("10 differing from stored bars kept (replace to overwrite)");
        assertThat(p.quality().count("csv btc.csv", InputIssue.CORRECTION)).isZero();
        p.flush();
        assertThat(closes(p, btc)).as("the exchange's bars stay").hasSize(10).containsOnly(105.0);

        CsvBarImporter.Result replaced = CsvBarImporter.importFile(f, btc, Timeframe.D1, p, new CsvBarImporter.Options(true, false));
        assertThat(replaced.replaced()).isEqualTo(10);
        p.flush();
        assertThat(closes(p, btc)).as("asked for: replaced").hasSize(10).containsOnly(1.5);
    }

    @Test
    void aBarDatedInTheFutureIsRefusedAndMovesNeitherTheStoreNorTheClock() throws Exception {
        DataProvider p = provider();
        Symbol btc = Symbol.of("BTCUSDT");
        p.declareFeedBars(btc);
        long yesterday = Timeframe.D1.floor(System.currentTimeMillis()) - 86_400_000L;
        p.onBar(btc, Timeframe.D1, yesterday, 100, 110, 90, 105, 7, true, "binance-rest");
        long clock = p.clock(btc);
        Path f = dir.resolve("future.csv");
        Files.writeString(f, "date,close\n" + LocalDate.ofEpochDay(yesterday / 86_400_000L - 1) + ",104\n2100-01-01,99\n");
        CsvBarImporter.Result r = CsvBarImporter.importFile(f, btc, Timeframe.D1, p);
        assertThat(r.future()).isEqualTo(1);
        assertThat(r.added()).isEqualTo(1);
        assertThat(p.quality().count("csv future.csv", InputIssue.FUTURE)).isEqualTo(1);
        p.flush();
        assertThat(p.store().range(btc, Timeframe.D1)).containsExactly(yesterday - 86_400_000L, yesterday);
        assertThat(p.clock(btc)).isEqualTo(clock);
    }

    @Test
    void aFileThatIsNotUtf8NamesItsFileAndLineAndImportsNothing() throws Exception {
        DataProvider p = provider();
        Path f = dir.resolve("latin1.csv");
        byte[] head = "date,close\n2024-01-02,101\n2024-01-03,10".getBytes(StandardCharsets.US_ASCII);
        byte[] bad = {(byte) 0xB2, '\n'};   // ISO-8859-1 superscript two, not a UTF-8 sequence
        byte[] all = java.util.Arrays.copyOf(head, head.length + bad.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(f, all);
        assertThatThrownBy(() -> CsvBarImporter.importFile(f, VIX, Timeframe.D1, p))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("csv latin1.csv line 3: not UTF-8 text");
        assertThat(p.store().range(VIX, Timeframe.D1)).isNull();
    }

    private static List<Double> closes(DataProvider p, Symbol s) {
        BarSeries b = p.store().query(s, Timeframe.D1, Long.MIN_VALUE, Long.MAX_VALUE, 100, Direction.LATEST);
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            out.add(b.close(i));
        }
        return out;
    }
}
