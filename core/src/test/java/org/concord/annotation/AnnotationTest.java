package org.concord.annotation;

import org.concord.training.frames.AnnotationFrames;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.InferenceFrameReference.BarrierHit;
import org.concord.model.InferenceFrameReference.Outcome;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.SqliteDatabase;
import org.concord.training.RealBars;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameSpec;
import org.concord.store.FrameStore;
import org.concord.training.frames.WindowSource;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Annotations on the real bundled data, the real SQLite store, and a real child-process crash. */
class AnnotationTest {
    static final FrameSpec SPEC = FrameSpec.of(32, Timeframe.M1, Timeframe.M5, Timeframe.H1);
    static final Symbol S = BundledData.BTCUSD;
    @TempDir
    static Path dir;
    static DataProvider data;
    static FrameStore frames;
    static AnnotationService service;
    static BarSeries m1;

    @BeforeAll
    static void setUp() {
        data = RealBars.provider(dir, BundledData.bitstampTrades());
        frames = new FrameStore(data.store().database());
        AnnotationStore store = new AnnotationStore(data.store().database(), frames);
        service = new AnnotationService(store, new AnnotationFrames(new FrameBuilder(WindowSource.of(data), SPEC)));
        m1 = RealBars.bitstamp().get(Timeframe.M1);
    }

    @AfterAll
    static void tearDown() {
        data.close();
        data.store().database().close();
    }

    /** An annotation from the close of m1 bar {@code i} to the close of bar {@code j}, at those real prices. */
    static Annotation draft(String id, int i, int j, AnnotationDirection d, double sl, double tp) {
        return Annotation.draft(id, S, Timeframe.M1, Timeframe.M1.closeTime(m1.time(i)), m1.close(i), Timeframe.M1.closeTime(m1.time(j)),
                m1.close(j), d, sl, tp, List.of("test", "real"), "note " + id, "tester", 1_700_000_000_000L);
    }

    @Test
    void savedAnnotationRoundTripsWithItsFrameAtEntry() {
        Annotation a = service.save(draft("rt-long", 3_000, 3_030, AnnotationDirection.LONG, Double.NaN, Double.NaN));
        Annotation back = service.store().get("rt-long").orElseThrow();
        assertThat(back).isEqualTo(a);
        InferenceFrameReference f = back.frame();
        assertThat(f.source()).isEqualTo(InferenceFrameReference.Source.ANNOTATION);
        assertThat(f.windowEnd()).isEqualTo(a.entryTime());
        assertThat(f.outcome().label()).isEqualTo(a.pnlPct() > 0 ? Action.BUY : Action.HOLD);
        assertThat(f.outcome().hit()).isEqualTo(BarrierHit.ANNOTATED_EXIT);
        assertThat(new FrameBuilder(WindowSource.of(data), SPEC).rebuild(f).ok()).isTrue();
        assertThat(service.delete("rt-long")).isTrue();
        assertThat(frames.get(f.id())).isEmpty();
    }

    @Test
    void levelsBecomeTheTripleBarrierLevels() {
        BarSeries path = new BarSeries(S, Timeframe.M1);
        long t = 1_700_000_040_000L / 60_000 * 60_000;
        path.append(t, 100, 100.5, 99.5, 100, 1);
        path.append(t + 60_000, 100, 101.2, 99.8, 101, 1);  // long's take-profit 101 touched by the high
        Annotation longTp = Annotation.draft("l", S, Timeframe.M1, t, 100, t + 600_000, 99, AnnotationDirection.LONG, 99, 101, null, null, null, 0);
        Outcome o = AnnotationFrames.outcome(longTp, path, Timeframe.M1, AnnotationFrames.barriers(longTp));
        assertThat(o.label()).isEqualTo(Action.BUY); // the take-profit came first, although the annotated exit lost
        assertThat(o.hit()).isEqualTo(BarrierHit.PROFIT_TAKE);
        Annotation shortTrade = Annotation.draft("s", S, Timeframe.M1, t, 100, t + 600_000, 98, AnnotationDirection.SHORT, 101, 95, null, null, null, 0);
        Outcome so = AnnotationFrames.outcome(shortTrade, path, Timeframe.M1, AnnotationFrames.barriers(shortTrade));
        assertThat(so.label()).isEqualTo(Action.HOLD); // the short's stop-loss 101 was hit first
        assertThat(so.hit()).isEqualTo(BarrierHit.STOP_LOSS);
        Annotation noTouch = Annotation.draft("n", S, Timeframe.M1, t, 100, t + 600_000, 99, AnnotationDirection.SHORT, 103, 95, null, null, null, 0);
        Outcome no = AnnotationFrames.outcome(noTouch, path, Timeframe.M1, AnnotationFrames.barriers(noTouch));
        assertThat(no.label()).isEqualTo(Action.SELL); // no level touched: the annotated exit (+1 % for the short) decides
        assertThat(no.hit()).isEqualTo(BarrierHit.TIME_LIMIT);
        Annotation region = Annotation.draft("r", S, Timeframe.M1, t, 100, t + 600_000, 101, AnnotationDirection.NO_TRADE, Double.NaN, Double.NaN, null, null, null, 0);
        assertThat(AnnotationFrames.outcome(region, path, Timeframe.M1, null).label()).isEqualTo(Action.HOLD);
        assertThat(region.pnlPct()).isZero();
    }

    @Test
    void aMarkOnAFinerChartWithTheExitInsideTheEntrysBaseBarGetsAFrame() {
        // marks on a 1s chart 20 s apart inside one 1m bar: no whole base bar lies between them
        long t0 = m1.time(5_000);
        Annotation a = service.save(Annotation.draft("fine-1s", S, Timeframe.S1, t0 + 10_000, m1.open(5_000), t0 + 30_000, m1.open(5_000) * 1.001,
                AnnotationDirection.LONG, Double.NaN, Double.NaN, List.of(), "", "tester", 1L));
        assertThat(a.frame().windowEnd()).isEqualTo(t0);
        assertThat(a.frame().outcome().label()).isEqualTo(Action.BUY);
        assertThat(a.frame().outcome().hit()).isEqualTo(BarrierHit.ANNOTATED_EXIT);
        // with levels neither is touched by a (missing) bar between them: the annotated exit decides
        Annotation b = service.save(Annotation.draft("fine-1s-levels", S, Timeframe.S1, t0 + 10_000, m1.open(5_000), t0 + 30_000,
                m1.open(5_000) * 0.999, AnnotationDirection.LONG, m1.open(5_000) * 0.99, m1.open(5_000) * 1.01, List.of(), "", "tester", 1L));
        assertThat(b.frame().outcome().label()).isEqualTo(Action.HOLD);
        assertThat(b.frame().outcome().hit()).isEqualTo(BarrierHit.TIME_LIMIT);
    }

    @Test
    void invalidAnnotationsAreRejectedClearly() {
        assertThatThrownBy(() -> draft("bad", 100, 90, AnnotationDirection.LONG, Double.NaN, Double.NaN)).hasMessageContaining("exit time");
        assertThatThrownBy(() -> draft("bad", 100, 110, AnnotationDirection.LONG, m1.close(100) * 1.01, Double.NaN)).hasMessageContaining("stop-loss < entry");
        assertThatThrownBy(() -> draft("bad", 100, 110, AnnotationDirection.NO_TRADE, m1.close(100) * 0.9, Double.NaN)).hasMessageContaining("NO_TRADE");
    }

    @Test
    void annotationsBecomeTrainingSamplesThroughTheFramePath() {
        Annotation l = service.save(draft("s-1", 2_000, 2_020, AnnotationDirection.LONG, Double.NaN, Double.NaN));
        Annotation s = service.save(draft("s-2", 2_500, 2_540, AnnotationDirection.SHORT, Double.NaN, Double.NaN));
        Annotation r = service.save(draft("s-3", 2_800, 2_810, AnnotationDirection.NO_TRADE, Double.NaN, Double.NaN));
        List<InferenceFrameReference> matured = frames.matured(S, InferenceFrameReference.Source.ANNOTATION, Long.MIN_VALUE, Long.MAX_VALUE)
                .stream().filter(f -> f.id().startsWith("ann-s-")).toList();
        SampleSet set = new SampleBuilder(new FrameBuilder(WindowSource.of(data), SPEC), new TripleBarrier(BarrierConfig.DEFAULT)).fromFrames(S, matured);
        assertThat(set.frameIds()).containsExactly("ann-s-1", "ann-s-2", "ann-s-3");
        assertThat(set.labels()).containsExactly(l.frame().outcome().label().ordinal(), s.frame().outcome().label().ordinal(), Action.HOLD.ordinal());
        assertThat(set.labels()[0]).isEqualTo(l.pnlPct() > 0 ? Action.BUY.ordinal() : Action.HOLD.ordinal());
        assertThat(set.labels()[1]).isEqualTo(s.pnlPct() > 0 ? Action.SELL.ordinal() : Action.HOLD.ordinal());
        float[] expected = new FrameBuilder(WindowSource.of(data), SPEC).build(S, l.entryTime()).input();
        assertThat(java.util.Arrays.copyOf(set.x(), SPEC.inputLength())).isEqualTo(expected);
        assertThat(set.rejected()).isEmpty();
    }

    @Test
    void jsonExportImportRoundTripsWithAVersionedSchema() throws Exception {
        List<Annotation> list = List.of(service.save(draft("j-1", 1_000, 1_050, AnnotationDirection.LONG, m1.close(1_000) * 0.99, Double.NaN)),
                service.save(draft("j-2", 1_200, 1_230, AnnotationDirection.NO_TRADE, Double.NaN, Double.NaN)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new AnnotationJson().export(list, out);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\"schema\" : \"concord.annotations\"").contains("\"version\" : 1");
        try (SqliteDatabase other = SqliteDatabase.open(dir.resolve("import.db"))) {
            AnnotationStore target = new AnnotationStore(other, new FrameStore(other));
            AnnotationJson.ImportResult n = new AnnotationJson().importInto(target, new ByteArrayInputStream(out.toByteArray()), null, false);
            assertThat(n.added()).isEqualTo(2);
            assertThat(target.all()).containsExactlyElementsOf(list);
        }
    }

    @Test
    void malformedFileNamesTheFirstBadRecordAndImportsNothing() throws Exception {
        String good = "{\"id\":\"%s\",\"symbol\":\"BTCUSD\",\"timeframe\":\"1m\",\"entryTime\":1385400000000,\"entryPrice\":800,"
                + "\"exitTime\":1385403600000,\"exitPrice\":808,\"direction\":\"LONG\",\"createdAt\":1,\"updatedAt\":2,\"tags\":[]}";
        String badExit = "{\"id\":\"m-2\",\"symbol\":\"BTCUSD\",\"timeframe\":\"1m\",\"entryTime\":1385400000000,\"entryPrice\":800,"
                + "\"exitTime\":1385300000000,\"exitPrice\":808,\"direction\":\"LONG\",\"createdAt\":1,\"updatedAt\":2}";
        String badType = "{\"id\":\"m-3\",\"symbol\":\"BTCUSD\",\"timeframe\":\"1m\",\"entryTime\":\"soon\",\"entryPrice\":800,"
                + "\"exitTime\":1385403600000,\"exitPrice\":808,\"direction\":\"LONG\",\"createdAt\":1,\"updatedAt\":2}";
        String file = "{\"schema\":\"concord.annotations\",\"version\":1,\"annotations\":[" + String.format(good, "m-1") + "," + badExit + "," + badType + "]}";
        try (SqliteDatabase other = SqliteDatabase.open(dir.resolve("malformed.db"))) {
            AnnotationStore target = new AnnotationStore(other, new FrameStore(other));
            assertThatThrownBy(() -> new AnnotationJson().importInto(target, new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), null, false))
                    .isInstanceOf(AnnotationImportException.class)
                    .hasMessageContaining("record 1 (id=m-2)").hasMessageContaining("exit time").hasMessageContaining("nothing imported")
                    .satisfies(e -> assertThat(((AnnotationImportException) e).recordIndex()).isEqualTo(1));
            assertThat(target.count()).isZero();
            String v2 = "{\"schema\":\"concord.annotations\",\"version\":2,\"annotations\":[" + String.format(good, "v-1") + "]}";
            assertThatThrownBy(() -> new AnnotationJson().importInto(target, new ByteArrayInputStream(v2.getBytes(StandardCharsets.UTF_8)), null, false))
                    .hasMessageContaining("unsupported annotation schema version 2");
            assertThatThrownBy(() -> new AnnotationJson().importInto(target, new ByteArrayInputStream("{not json".getBytes(StandardCharsets.UTF_8)), null, false))
                    .hasMessageContaining("not a JSON file");
            assertThat(target.count()).isZero();
            String ok = "{\"schema\":\"concord.annotations\",\"version\":1,\"annotations\":[" + String.format(good, "g-1") + "]}";
            assertThat(new AnnotationJson().importInto(target, new ByteArrayInputStream(ok.getBytes(StandardCharsets.UTF_8)), null, false).added()).isEqualTo(1);
            assertThat(target.get("g-1").orElseThrow().pnlPct()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    @Test
    void importSkipsStoredIdsUnlessAskedToReplaceAndNeverTakesAnotherFrame() throws Exception {
        Annotation mine = service.save(draft("o-1", 1_400, 1_420, AnnotationDirection.LONG, Double.NaN, Double.NaN));
        Annotation other = service.save(draft("o-2", 1_500, 1_520, AnnotationDirection.SHORT, Double.NaN, Double.NaN));
        InferenceFrameReference f = other.frame();
        InferenceFrameReference modelFrame = new InferenceFrameReference("cnn-btcusd-o", f.symbol(), f.timeframes(), f.barCounts(), f.windowEnd(),
                "cnn-btcusd", "v1", Action.BUY, 0.7, f.contentHash(), InferenceFrameReference.Source.INFERENCE, f.horizonMs(), null, null);
        frames.insert(modelFrame);
        String record = "{\"id\":\"%s\",\"symbol\":\"BTCUSD\",\"timeframe\":\"1m\",\"entryTime\":%d,\"entryPrice\":800,"
                + "\"exitTime\":%d,\"exitPrice\":808,\"direction\":\"LONG\",\"createdAt\":1,\"updatedAt\":2,\"note\":\"imported\",\"tags\":[]%s}";
        java.util.function.BiFunction<String, String, byte[]> file = (id, frame) -> ("{\"schema\":\"concord.annotations\",\"version\":1,\"annotations\":["
                + String.format(record, id, mine.entryTime(), mine.exitTime(), frame) + "]}").getBytes(StandardCharsets.UTF_8);

        // an id already stored: skipped (counted), then replaced when asked
        AnnotationJson.ImportResult skip = service.importJson(new ByteArrayInputStream(file.apply("o-1", "")), false);
        assertThat(skip).isEqualTo(new AnnotationJson.ImportResult(1, 0, 0, 1, 0));
        assertThat(service.store().get("o-1").orElseThrow()).isEqualTo(mine);
        AnnotationJson.ImportResult replace = service.importJson(new ByteArrayInputStream(file.apply("o-1", "")), true);
        assertThat(replace).isEqualTo(new AnnotationJson.ImportResult(1, 0, 1, 0, 0));
        assertThat(service.store().get("o-1").orElseThrow().note()).isEqualTo("imported");

        // a record whose frame takes a model's inference frame id, or another annotation's frame: that frame is never
        // written; the record gets its own, built from its fields
        ObjectMapper om = new ObjectMapper();
        InferenceFrameReference overModel = new InferenceFrameReference(modelFrame.id(), f.symbol(), f.timeframes(), f.barCounts(), f.windowEnd(),
                f.modelId(), f.modelVersion(), f.prediction(), f.confidence(), f.contentHash(), f.source(), f.horizonMs(), f.barriers(), f.outcome());
        int k = 3;
        for (InferenceFrameReference foreign : List.of(overModel, f)) {
            String id = "o-" + k++;
            AnnotationJson.ImportResult r = service.importJson(new ByteArrayInputStream(file.apply(id, ",\"frame\":" + om.writeValueAsString(foreign))), true);
            assertThat(r).isEqualTo(new AnnotationJson.ImportResult(1, 1, 0, 0, 1));
            assertThat(r.summary()).endsWith("1 frame of another id built again");
            assertThat(service.store().get(id).orElseThrow().frame().id()).isEqualTo(Annotation.frameId(id));
        }
        assertThat(frames.get(modelFrame.id())).contains(modelFrame);
        assertThat(service.store().get("o-2").orElseThrow().frame()).isEqualTo(f);
        // the store itself refuses a foreign frame, and deleting an annotation never deletes another source's frame
        Annotation thief = mine.withFrame(overModel);
        assertThatThrownBy(() -> service.store().save(thief)).hasMessageContaining("is '" + Annotation.frameId("o-1") + "'");
        assertThat(frames.get(modelFrame.id())).contains(modelFrame);
        assertThat(service.delete("o-1")).isTrue();
        assertThat(frames.get(modelFrame.id())).contains(modelFrame);
        assertThat(frames.get(f.id())).contains(f);
    }

    @Test
    void aSaveThatReturnedSurvivesAProcessCrash() throws Exception {
        Path db = dir.resolve("crash.db");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                AnnotationCrashMain.class.getName(), db.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(137);
        assertThat(out).contains("SAVED");
        assertThat(Files.exists(db.resolveSibling("crash.db-wal"))).isTrue(); // the crash left the WAL un-checkpointed
        try (SqliteDatabase reopened = SqliteDatabase.open(db)) {
            Annotation a = new AnnotationStore(reopened, new FrameStore(reopened)).get("crash-1").orElseThrow();
            assertThat(a.note()).isEqualTo("saved before the crash");
            assertThat(a.takeProfit()).isEqualTo(830);
            assertThat(a.tags()).containsExactly("crash");
        }
    }
}
