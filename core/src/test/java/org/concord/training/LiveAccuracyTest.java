package org.concord.training;

import org.concord.bus.InProcessEventBus;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference.Outcome;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Timeframe;
import org.concord.store.FrameStore;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.loop.TrainingResult;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live accuracy beside a model: only the active version's frames after its training data count, the majority
 * rate of the same frames stands beside it, and the side scored is the two-action view the panel shows. Frames and
 * outcomes are the real bundled data's (frame builder and triple-barrier labels); the probabilities shown are set by
 * hand where a test must force an edge (a HOLD argmax with p(BUY) ≥ p(SELL), a tie).
 */
class LiveAccuracyTest {
    @TempDir
    static Path dir;
    static BarSeries m1;
    static FrameBuilder frames;
    static TripleBarrier barrier;

    @BeforeAll
    static void bars() {
        m1 = RealBars.bitstamp().get(Timeframe.M1);
        frames = new FrameBuilder(RealBars.source(), TrainedModels.SPEC);
        barrier = new TripleBarrier(BarrierConfig.DEFAULT);
    }

    static long closeOf(int i) {
        return Timeframe.M1.closeTime(m1.time(i));
    }

    /** A matured frame of {@code version} at bar {@code i}: the real window, the real triple-barrier outcome. */
    static InferenceFrameReference matured(int i, String version, Action prediction) {
        Frame f = frames.build(RealBars.symbol(), closeOf(i));
        long horizon = barrier.horizonMs(Timeframe.M1);
        Outcome o = barrier.label(RealBars.source(), RealBars.symbol(), Timeframe.M1, f.windowEnd(), f.entryPrice(), null, prediction,
                f.windowEnd() + horizon);
        return new InferenceFrameReference("f-" + version + "-" + i, RealBars.symbol(), f.spec().timeframes(), f.barCountList(), f.windowEnd(),
                TrainedModels.MODEL_ID, version, prediction, 0.6, f.hash(), InferenceFrameReference.Source.INFERENCE, horizon, null, o);
    }

    /** Real frames every 37 bars from bar 200 whose outcome has a direction (a return of exactly 0 is not scored). */
    static List<InferenceFrameReference> directed(int count, String version) {
        List<InferenceFrameReference> out = new ArrayList<>();
        for (int i = 200; out.size() < count; i += 37) {
            InferenceFrameReference r = matured(i, version, Action.HOLD);
            if (r.outcome().returnPct() != 0) {
                out.add(r);
            }
        }
        return out;
    }

    static boolean up(InferenceFrameReference r) {
        return r.outcome().returnPct() > 0;
    }

    static double majorityRate(List<InferenceFrameReference> refs) {
        long ups = refs.stream().filter(LiveAccuracyTest::up).count();
        return Math.max(ups, refs.size() - ups) / (double) refs.size();
    }

    @Test
    void framesInsideTheTrainingRangeAreIgnored() {
        List<InferenceFrameReference> refs = directed(40, "v000001");
        long trainedTo = refs.get(19).windowEnd(); // the first 20 frames lie inside the version's training data
        LiveAccuracy live = new LiveAccuracy(100);
        for (InferenceFrameReference r : refs) {
            live.shown(r.id(), 0.7f, 0.1f); // BUY shown on every frame
            boolean scored = live.matured(r, TrainedModels.MODEL_ID, "v000001", trainedTo);
            assertThat(scored).as("frame ending %d vs training end %d", r.windowEnd(), trainedTo).isEqualTo(r.windowEnd() > trainedTo);
        }
        List<InferenceFrameReference> after = refs.subList(20, 40);
        double upRate = after.stream().filter(LiveAccuracyTest::up).count() / 20.0;
        LiveAccuracy.Figures f = live.figures();
        assertThat(f.n()).isEqualTo(20);
        assertThat(f.accuracy()).as("always BUY is right on the rises after the training data").isEqualTo(upRate);
        assertThat(f.majorityRate()).isEqualTo(majorityRate(after));
        assertThat(upRate).as("the frames inside the range would change the figure").isNotEqualTo(
                refs.stream().filter(LiveAccuracyTest::up).count() / 40.0);
    }

    @Test
    void theMajorityRateOfTheSameWindowIsReportedBesideIt() {
        List<InferenceFrameReference> refs = directed(30, "v000001");
        LiveAccuracy live = new LiveAccuracy(12);
        for (int k = 0; k < refs.size(); k++) {
            InferenceFrameReference r = refs.get(k);
            boolean buy = k % 3 != 0; // a side unrelated to the outcome, so accuracy and majority differ
            live.shown(r.id(), buy ? 0.6f : 0.2f, buy ? 0.2f : 0.6f);
            assertThat(live.matured(r, TrainedModels.MODEL_ID, "v000001", Long.MIN_VALUE)).isTrue();
        }
        List<InferenceFrameReference> last = refs.subList(18, 30); // the window: the last 12 scored frames
        int hits = 0;
        for (int k = 18; k < 30; k++) {
            hits += up(refs.get(k)) == (k % 3 != 0) ? 1 : 0;
        }
        LiveAccuracy.Figures f = live.figures();
        assertThat(f.n()).isEqualTo(12);
        assertThat(f.accuracy()).isEqualTo(hits / 12.0);
        assertThat(f.majorityRate()).isEqualTo(majorityRate(last)).isGreaterThanOrEqualTo(0.5);
        assertThat(majorityRate(last)).as("the window's majority differs from the whole run's").isNotEqualTo(majorityRate(refs));

        live.reset();
        assertThat(live.figures().n()).isZero();
        assertThat(live.figures().accuracy()).isNaN();
        assertThat(live.figures().majorityRate()).isNaN();
    }

    @Test
    void theTwoActionSideThePanelShowsIsScoredNotTheThreeClassPrediction() {
        List<InferenceFrameReference> refs = new ArrayList<>();
        for (InferenceFrameReference r : directed(20, "v000001")) {
            refs.add(matured(Integer.parseInt(r.id().substring(r.id().lastIndexOf('-') + 1)), "v000001", Action.HOLD));
        }
        LiveAccuracy live = new LiveAccuracy(100);
        for (InferenceFrameReference r : refs) {
            // the model's argmax is HOLD (p = 0.5), but the panel shows the side of p(BUY) vs p(SELL): the right one here
            float side = up(r) ? 0.3f : 0.2f;
            live.shown(r.id(), side, 0.5f - side);
            live.matured(r, TrainedModels.MODEL_ID, "v000001", Long.MIN_VALUE);
        }
        assertThat(live.figures().n()).isEqualTo(20);
        assertThat(live.figures().accuracy()).as("every shown side matched the price's direction").isEqualTo(1.0);

        // a tie shows BUY
        InferenceFrameReference rise = refs.stream().filter(LiveAccuracyTest::up).findFirst().orElseThrow();
        InferenceFrameReference fall = refs.stream().filter(r -> !up(r)).findFirst().orElseThrow();
        LiveAccuracy tie = new LiveAccuracy(10);
        tie.shown(rise.id(), 0.25f, 0.25f);
        tie.shown(fall.id(), 0.25f, 0.25f);
        tie.matured(rise, TrainedModels.MODEL_ID, "v000001", Long.MIN_VALUE);
        tie.matured(fall, TrainedModels.MODEL_ID, "v000001", Long.MIN_VALUE);
        assertThat(tie.figures().accuracy()).isEqualTo(0.5);
    }

    @Test
    void onlyTheActiveVersionsShownFramesCount() {
        LiveAccuracy live = new LiveAccuracy(10);
        InferenceFrameReference other = directed(1, "v000002").get(0);
        live.shown(other.id(), 0.6f, 0.2f);
        assertThat(live.matured(other, TrainedModels.MODEL_ID, "v000001", Long.MIN_VALUE)).as("another version").isFalse();
        InferenceFrameReference notShown = directed(1, "v000001").get(0);
        assertThat(live.matured(notShown, TrainedModels.MODEL_ID, "v000001", Long.MIN_VALUE)).as("never shown (cold start)").isFalse();
        InferenceFrameReference own = directed(1, "v000001").get(0);
        live.shown(own.id(), 0.6f, 0.2f);
        assertThat(live.matured(own, "cnn-other", "v000001", Long.MIN_VALUE)).as("another model").isFalse();
        assertThat(live.figures().n()).isZero();
    }

    @Test
    void theCoordinatorReportsLiveAccuracyOnlyAfterTheActiveVersionsTrainingData() throws Exception {
        // a version trained on the first half of the real tape; decisions are then made on both halves
        int half = m1.size() / 2;
        Path repoDir = Files.createDirectories(dir.resolve("models"));
        ModelRepository repo = new ModelRepository(repoDir);
        SampleSet s = new SampleBuilder(frames, barrier).fromHistory(RealBars.symbol(), m1.copyRange(0, half), 3);
        ModelManifest m;
        try (TrainingResult r = new TrainingLoop(TrainedModels.config().loop().withSeed(21)).run(s, null, null)) {
            m = repo.save(TrainedModels.MODEL_ID, RealBars.symbol(), TrainedModels.SPEC, BarrierConfig.DEFAULT, r, 1_700_000_000_000L);
        }
        TrainedModels.activate(repo, TrainedModels.MODEL_ID, m.version());
        long trainedTo = m.dataRange().to();

        DataProvider data = RealBars.provider(dir, BundledData.bitstampTrades());
        FrameStore store = new FrameStore(data.store().database());
        TrainingConfig cfg = TrainedModels.config().withMonitor(500, 10.0);
        List<TrainingCoordinator.Inference> made = new ArrayList<>();
        try (TrainingCoordinator c = new TrainingCoordinator(data, store, repo, new InProcessEventBus(), new TrainingQueues(), cfg)) {
            assertThat(c.status().activeVersion()).isEqualTo(m.version());
            for (int i = half - 40 * 53; i < m1.size() - 200; i += 53) {
                made.add(AskModel.at(c, closeOf(i), true));
            }
            c.flush();
            assertThat(c.matureFrames()).isEqualTo(made.size());

            int n = 0;
            int hits = 0;
            int ups = 0;
            int inside = 0;
            for (TrainingCoordinator.Inference inf : made) {
                InferenceFrameReference r = store.get(inf.reference().id()).orElseThrow();
                if (r.windowEnd() <= trainedTo) {
                    inside++;
                    continue;
                }
                if (r.outcome().returnPct() == 0) {
                    continue;
                }
                boolean up = r.outcome().returnPct() > 0;
                n++;
                ups += up ? 1 : 0;
                hits += up == (inf.signal().pBuy() >= inf.signal().pSell()) ? 1 : 0;
            }
            assertThat(inside).as("decisions on the training half").isGreaterThan(20);
            assertThat(n).as("decisions after the training data").isGreaterThan(20);
            LiveAccuracy.Figures live = c.status().live();
            assertThat(live.n()).isEqualTo(n);
            assertThat(live.accuracy()).isEqualTo(hits / (double) n);
            assertThat(live.majorityRate()).isEqualTo(Math.max(ups, n - ups) / (double) n);
        } finally {
            data.close();
            data.store().database().close();
        }
    }
}
