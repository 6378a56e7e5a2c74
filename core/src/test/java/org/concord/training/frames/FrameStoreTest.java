package org.concord.training.frames;

import org.concord.store.FrameStore;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.InferenceFrameReference.BarrierHit;
import org.concord.model.InferenceFrameReference.Barriers;
import org.concord.model.InferenceFrameReference.Outcome;
import org.concord.model.InferenceFrameReference.Source;
import org.concord.model.Timeframe;
import org.concord.training.RealBars;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames on the real bundled trades through the real DataProvider and SQLite store. */
class FrameStoreTest {
    static final FrameSpec SPEC = FrameSpec.of(32, Timeframe.M1, Timeframe.M5, Timeframe.H1);
    @TempDir
    static Path dir;
    static DataProvider data;
    static FrameStore store;

    @BeforeAll
    static void feed() {
        data = RealBars.provider(dir, BundledData.bitstampTrades());
        data.flush();
        store = new FrameStore(data.store().database());
    }

    @AfterAll
    static void close() {
        data.close();
        data.store().database().close();
    }

    static long closeTimeOfM1(int index) {
        return Timeframe.M1.closeTime(RealBars.bitstamp().get(Timeframe.M1).time(index));
    }

    static InferenceFrameReference ref(Frame f, String id) {
        return new InferenceFrameReference(id, f.symbol(), f.spec().timeframes(), f.barCountList(), f.windowEnd(), "cnn-btcusd", "v000001",
                Action.BUY, 0.61, f.hash(), Source.INFERENCE, 15 * 60_000L, null, null);
    }

    @Test
    void providerAndInMemorySourceBuildTheSameFrames() {
        FrameBuilder live = new FrameBuilder(WindowSource.of(data), SPEC);
        FrameBuilder bulk = new FrameBuilder(RealBars.source(), SPEC);
        for (int i : new int[] {5, 100, 2_000, 7_000, 9_000}) {
            long t = closeTimeOfM1(i);
            Frame a = live.build(RealBars.symbol(), t);
            Frame b = bulk.build(RealBars.symbol(), t);
            assertThat(a.hash()).as("frame at m1 #" + i).isEqualTo(b.hash());
            assertThat(a.barCounts()).isEqualTo(b.barCounts());
        }
    }

    @Test
    void referenceRoundTripsThroughSqliteWithOutcome() {
        FrameBuilder fb = new FrameBuilder(WindowSource.of(data), SPEC);
        Frame f = fb.build(RealBars.symbol(), closeTimeOfM1(3_000));
        InferenceFrameReference r = new InferenceFrameReference("rt-1", f.symbol(), f.spec().timeframes(), f.barCountList(), f.windowEnd(),
                "cnn-btcusd", "v000002", Action.SELL, 0.42, f.hash(), Source.ANNOTATION, 900_000L, new Barriers(900, Double.NaN), null);
        store.insert(r);
        assertThat(store.get("rt-1")).contains(r);
        InferenceFrameReference matured = r.withOutcome(new Outcome(Action.HOLD, -0.12, BarrierHit.TIME_LIMIT, r.horizonEnd(), r.horizonEnd() + 5));
        store.setOutcomes(List.of(matured));
        assertThat(store.get("rt-1")).contains(matured);
        assertThat(store.matured(RealBars.symbol(), Source.ANNOTATION, Long.MIN_VALUE, Long.MAX_VALUE)).contains(matured);
        assertThat(store.due(Long.MAX_VALUE, 100)).noneMatch(x -> x.id().equals("rt-1"));
    }

    @Test
    void alteredStoredBarIsReportedAsHashMismatchAndNeverTrainedOn() {
        FrameBuilder fb = new FrameBuilder(WindowSource.of(data), SPEC);
        long t1 = closeTimeOfM1(4_000);
        long t2 = closeTimeOfM1(6_000);
        Frame f1 = fb.build(RealBars.symbol(), t1);
        Frame f2 = fb.build(RealBars.symbol(), t2);
        InferenceFrameReference r1 = ref(f1, "alter-1");
        InferenceFrameReference r2 = ref(f2, "alter-2");
        Outcome o = new Outcome(Action.BUY, 0.3, BarrierHit.PROFIT_TAKE, t2 + 60_000, t2 + 900_000);
        store.insertAll(List.of(r1.withOutcome(o), r2.withOutcome(o)));
        assertThat(fb.rebuild(store.get("alter-1").orElseThrow()).ok()).isTrue();

        // an exchange correction changes one 1m bar inside r1's window (not r2's): the store keeps the new values
        BarSeries m1 = data.bars(RealBars.symbol(), Timeframe.M1, Long.MIN_VALUE, t1 - 60_000, 3, org.concord.store.Direction.LATEST);
        int k = 1;
        data.onBar(RealBars.symbol(), Timeframe.M1, m1.time(k), m1.open(k), m1.high(k) * 1.01, m1.low(k), m1.close(k), m1.volume(k), true, "test-correction");
        data.flush();

        FrameBuilder.Rebuilt rb = fb.rebuild(store.get("alter-1").orElseThrow());
        assertThat(rb.ok()).isFalse();
        assertThat(rb.mismatch()).contains("alter-1").contains("hash mismatch");
        assertThat(fb.rebuild(store.get("alter-2").orElseThrow()).ok()).isTrue();

        SampleSet s = new SampleBuilder(fb, new TripleBarrier(BarrierConfig.DEFAULT)).fromFrames(RealBars.symbol(),
                List.of(store.get("alter-1").orElseThrow(), store.get("alter-2").orElseThrow()));
        assertThat(s.size()).isEqualTo(1);
        assertThat(s.frameIds()).containsExactly("alter-2");
        assertThat(s.rejected()).singleElement().asString().contains("alter-1").contains("hash mismatch");
    }

    @Test
    void hashIsSha256OfLittleEndianFloats() {
        // SHA-256 of the 8 bytes 00 00 80 3f 00 00 00 40 (1.0f, 2.0f little-endian), computed independently
        String expected = java.util.HexFormat.of().formatHex(sha(new byte[] {0, 0, (byte) 0x80, 0x3f, 0, 0, 0, 0x40}));
        assertThat(ContentHash.of(new float[] {1f, 2f})).isEqualTo(expected).hasSize(64);
        assertThat(ContentHash.of(new float[] {2f, 1f})).isNotEqualTo(expected);
    }

    private static byte[] sha(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
