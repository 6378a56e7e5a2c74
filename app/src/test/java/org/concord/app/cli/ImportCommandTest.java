package org.concord.app.cli;

import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.annotation.AnnotationService;
import org.concord.app.annotate.AnnotationServices;
import org.concord.data.DataProvider;
import org.concord.feed.ReplayFeed;
import org.concord.store.Direction;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code concord import}: stored bars and annotations are kept unless --replace; --dry-run reports and writes nothing. */
class ImportCommandTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");

    @TempDir
    Path dir;

    private static String run(String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.rc()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r.out();
    }

    @Test
    void barsAreKeptUnlessReplaceAndADryRunWritesNothing() throws Exception {
        Path data = dir.resolve("data");
        StringBuilder csv = new StringBuilder("date,open,high,low,close\n");
        try (ConcordRuntime engine = new ConcordRuntime(data)) {
            engine.data().declareFeedBars(BTC);
            for (int i = 0; i < 10; i++) {
                long t = LocalDate.of(2024, 1, 1 + i).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                engine.data().onBar(BTC, Timeframe.D1, t, 100, 110, 90, 105, 7, true, "binance-rest");
                csv.append(LocalDate.of(2024, 1, 1 + i)).append(",1,2,0.5,1.5\n");
            }
        }
        csv.append("2100-01-01,1,2,0.5,1.5\n");
        Path f = dir.resolve("btc.csv");
        Files.writeString(f, csv);
        String d = data.toString();
        assertThat(run("import", "bars", f.toString(), "--data-dir", d, "--symbol", "BTCUSDT", "--dry-run", "--replace"))
                .contains("0 new, 0 unchanged, 10 would replace").contains("1 future refused").contains("dry run: nothing written");
        assertThat(closes(data)).containsOnly(105.0);
        assertThat(run("import", "bars", f.toString(), "--data-dir", d, "--symbol", "BTCUSDT"))
                .contains("10 differing from stored bars kept (replace to overwrite)");
        assertThat(closes(data)).containsOnly(105.0);
        assertThat(run("import", "bars", f.toString(), "--data-dir", d, "--symbol", "BTCUSDT", "--replace")).contains("10 replaced");
        assertThat(closes(data)).hasSize(10).containsOnly(1.5);
    }

    @Test
    void annotationsWithAStoredIdAreSkippedUnlessReplace() throws Exception {
        Path data = dir.resolve("ann");
        Path file = dir.resolve("a.json");
        Annotation saved;
        try (ConcordRuntime engine = new ConcordRuntime(data)) {
            engine.startBundledReplay(ReplayFeed.MAX_SPEED, false);
            DataProvider p = engine.data();
            Await.until(Duration.ofSeconds(60), () -> p.bars(BundledData.BTCUSD, Timeframe.H1, Long.MIN_VALUE, Long.MAX_VALUE).size() > 100,
                    () -> "replayed bars");
            engine.stopFeed();
            p.flush();
            BarSeries m1 = p.bars(BundledData.BTCUSD, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 100_000, Direction.LATEST);
            AnnotationService s = AnnotationServices.open(engine, null, null).annotations();
            int i = m1.size() - 200;
            saved = s.save(Annotation.draft("cli-1", BundledData.BTCUSD, Timeframe.M1, Timeframe.M1.closeTime(m1.time(i)), m1.close(i),
                    Timeframe.M1.closeTime(m1.time(i + 20)), m1.close(i + 20), AnnotationDirection.LONG, Double.NaN, Double.NaN, List.of(), "mine",
                    "me", 1L));
            try (OutputStream out = Files.newOutputStream(file)) {
                s.export(List.of(saved), out);
            }
            s.delete("cli-1");
            s.save(new Annotation(saved.id(), saved.symbol(), saved.timeframe(), saved.entryTime(), saved.entryPrice(), saved.exitTime(),
                    saved.exitPrice(), saved.direction(), saved.pnlPct(), saved.stopLoss(), saved.takeProfit(), saved.tags(), "edited", saved.createdAt(),
                    saved.updatedAt(), saved.author(), null));
        }
        String d = data.toString();
        assertThat(run("import", "annotations", file.toString(), "--data-dir", d)).contains("0 added, 0 replaced, 1 skipped");
        assertThat(note(data)).isEqualTo("edited");
        assertThat(run("import", "annotations", file.toString(), "--data-dir", d, "--replace")).contains("0 added, 1 replaced, 0 skipped");
        assertThat(note(data)).isEqualTo("mine");
    }

    private static String note(Path data) {
        try (ConcordRuntime engine = new ConcordRuntime(data)) {
            return AnnotationServices.open(engine, null, null).annotations().store().get("cli-1").orElseThrow().note();
        }
    }

    private static List<Double> closes(Path data) {
        try (ConcordRuntime engine = new ConcordRuntime(data)) {
            BarSeries b = engine.data().store().query(BTC, Timeframe.D1, Long.MIN_VALUE, Long.MAX_VALUE, 100, Direction.LATEST);
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < b.size(); i++) {
                out.add(b.close(i));
            }
            return out;
        }
    }
}
