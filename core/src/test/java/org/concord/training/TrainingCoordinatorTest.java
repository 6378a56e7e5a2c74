package org.concord.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.bus.InProcessEventBus;
import org.concord.bus.Subscription;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference.Outcome;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Timeframe;
import org.concord.store.FrameStore;
import org.concord.training.eval.PromotionGate;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.ModelRepository;
import org.concord.training.models.ModelVote;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The coordinator on the real bundled data, real SQLite, real DJL training, in-process event bus. */
class TrainingCoordinatorTest {
    @TempDir
    static Path dir;
    static DataProvider data;
    static FrameStore frames;
    static BarSeries m1;

    @BeforeAll
    static void feed() {
        data = RealBars.provider(dir, BundledData.bitstampTrades());
        frames = new FrameStore(data.store().database());
        m1 = RealBars.bitstamp().get(Timeframe.M1);
    }

    @AfterAll
    static void close() {
        data.close();
        data.store().database().close();
    }

    static long closeOf(int i) {
        return Timeframe.M1.closeTime(m1.time(i));
    }

    static TrainingCoordinator coordinator(Path repoDir, TrainingConfig cfg, InProcessEventBus bus) {
        return new TrainingCoordinator(data, frames, new ModelRepository(repoDir), bus, new TrainingQueues(), cfg);
    }

    @Test
    void framesAreStoredMaturedTrainedOnSwappedInAndReloadedIdentically() throws Exception {
        Path repoDir = Files.createDirectories(dir.resolve("models-flow"));
        TrainingConfig cfg = TrainedModels.config();
        InProcessEventBus bus = new InProcessEventBus();
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        List<ModelVote> before = new ArrayList<>();
        String version;
        try (TrainingCoordinator c = coordinator(repoDir, cfg, bus)) {
            c.subscribeTrainingEvents(events::add, null);
            TrainingStatus cold = c.status();
            assertThat(cold.coldStart()).isTrue();
            assertThat(cold.note()).contains("cold start").contains("confidence 0.5");
            TrainingCoordinator.Inference first = AskModel.at(c, closeOf(100), false);
            assertThat(first.signal().action()).isEqualTo(Action.HOLD);
            assertThat(first.signal().confidence()).isEqualTo(0.5);

            // one stored frame per decision at 40 real 1m closes
            List<InferenceFrameReference> refs = new ArrayList<>();
            for (int k = 0; k < 40; k++) {
                refs.add(AskModel.at(c, closeOf(1_000 + 200 * k), true).reference());
            }
            c.flush();
            assertThat(frames.pending(RealBars.symbol(), 1_000)).hasSize(40);
            assertThat(events).filteredOn(e -> e.type() == TrainingEventType.FRAME_STORED).hasSize(40);

            // maturing: every horizon has passed by the data clock; labels are the triple-barrier rule's
            assertThat(c.matureFrames()).isEqualTo(40);
            TripleBarrier tb = new TripleBarrier(cfg.barriers());
            FrameBuilder bulk = new FrameBuilder(RealBars.source(), cfg.spec());
            for (InferenceFrameReference r : refs) {
                InferenceFrameReference stored = frames.get(r.id()).orElseThrow();
                Frame f = bulk.build(r.symbol(), r.windowEnd());
                Outcome expected = tb.label(RealBars.source(), r.symbol(), Timeframe.M1, r.windowEnd(), f.entryPrice(), null, r.prediction(),
                        stored.outcome().maturedAt());
                assertThat(stored.outcome()).isEqualTo(expected);
                assertThat(stored.contentHash()).isEqualTo(f.hash());
            }
            assertThat(events).filteredOn(e -> e.type() == TrainingEventType.FRAME_MATURED).hasSize(40);

            TrainingJob job = c.submit(TrainingCommand.train(c.config().modelId(), "test"));
            TrainingJob.Result result = job.await(120, TimeUnit.SECONDS);
            // the promotion gate decides: swapped in only above every baseline, else saved and rejected
            assertThat(result.gate()).as(result.message()).isNotNull().isEqualTo(PromotionGate.judge(result.baselines()));
            assertThat(result.state()).as(result.message()).isEqualTo(result.gate().passed() ? TrainingJob.State.SWAPPED : TrainingJob.State.REJECTED);
            version = result.version();
            assertThat(version).isEqualTo("v000001");
            if (!result.gate().passed()) {
                assertThat(result.message()).contains("below the promotion gate").contains(result.gate().gap());
                assertThat(events).extracting(TrainingEvent::type).contains(TrainingEventType.MODEL_REJECTED).doesNotContain(TrainingEventType.MODEL_SWAPPED);
                assertThatThrownBy(() -> c.activate(version)).isInstanceOf(PromotionGate.BelowGateException.class)
                        .hasMessageContaining(result.gate().gap());
                assertThatThrownBy(() -> c.activate(version, new PromotionGate.Confirmation("another gap", "test")))
                        .isInstanceOf(PromotionGate.BelowGateException.class);
                assertThat(c.slot().swaps()).isZero();
                TrainedModels.activate(c, version); // a person's confirmation that names the gap
            }
            List<TrainingEvent> epochs = events.stream().filter(e -> e.type() == TrainingEventType.EPOCH).toList();
            int steps = (cfg.loop().folds() + 1) * cfg.loop().cnn().epochs(); // the folds, then the refit on every row
            assertThat(epochs).hasSize(steps);
            for (int i = 0; i < steps; i++) {
                assertThat(epochs.get(i).step()).isEqualTo(i + 1);
                assertThat(epochs.get(i).steps()).isEqualTo(steps);
                assertThat(epochs.get(i).loss()).isPositive();
            }
            assertThat(events).filteredOn(e -> e.type() == TrainingEventType.FOLD).hasSize(cfg.loop().folds());
            assertThat(events).extracting(TrainingEvent::type).contains(TrainingEventType.JOB_STARTED, TrainingEventType.MODEL_SWAPPED,
                    TrainingEventType.JOB_FINISHED);
            TrainingStatus st = c.status();
            assertThat(st.coldStart()).isFalse();
            assertThat(st.activeVersion()).isEqualTo(version);
            assertThat(st.lastResult().state()).isEqualTo(result.state());
            assertThat(st.framesMatured()).isEqualTo(40);
            assertThat(new ModelRepository(repoDir).manifest(cfg.modelId(), version).dataRange().rejectedFrames()).isZero();
            assertThat(c.versions().list(cfg.modelId())).singleElement().satisfies(row -> {
                assertThat(row.version()).isEqualTo(version);
                assertThat(row.state()).isEqualTo("SWAPPED");
                assertThat(row.holdoutAccuracy()).isEqualTo(result.holdout().accuracy());
                assertThat(row.samples()).isGreaterThan(1_000);
            });
            for (int k = 0; k < 30; k++) {
                TrainingCoordinator.Inference inf = AskModel.at(c, closeOf(300 + 311 * k), false);
                before.add(inf.signal());
            }
            assertThat(before).allMatch(s -> !s.coldStart() && s.modelVersion().equals(version));
            assertThat(new ModelRepository(repoDir).manifest(cfg.modelId(), version).agent()).as("no DQN agent any more").isNull();
        }
        // a fresh coordinator loads the active version at start and predicts identically
        try (TrainingCoordinator fresh = coordinator(repoDir, cfg, new InProcessEventBus())) {
            assertThat(fresh.status().activeVersion()).isEqualTo(version);
            assertThat(fresh.status().coldStart()).isFalse();
            for (int k = 0; k < 30; k++) {
                TrainingCoordinator.Inference inf = AskModel.at(fresh, closeOf(300 + 311 * k), false);
                assertThat(inf.signal()).isEqualTo(before.get(k));
            }
        }
    }

    @Test
    void aRunningJobCanBeCancelled() throws Exception {
        Path repoDir = Files.createDirectories(dir.resolve("models-cancel"));
        TrainingConfig base = TrainedModels.config();
        TrainingConfig cfg = base.withLoop(new TrainingLoop.Config(3, -1, 15, new CnnSignalModel.Config(8, 16, 200, 128, 0.003f), 2, 1, 1000, 300, 7));
        InProcessEventBus bus = new InProcessEventBus();
        CountDownLatch firstEpoch = new CountDownLatch(1);
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        try (TrainingCoordinator c = coordinator(repoDir, cfg, bus)) {
            c.subscribeTrainingEvents(e -> firstEpoch.countDown(), Set.of(TrainingEventType.EPOCH));
            c.subscribeTrainingEvents(events::add, Set.of(TrainingEventType.JOB_CANCELLED, TrainingEventType.MODEL_SWAPPED));
            TrainingJob job = c.submit(TrainingCommand.train(c.config().modelId(), "to be cancelled"));
            assertThat(firstEpoch.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(job.state()).isEqualTo(TrainingJob.State.RUNNING);
            job.cancel();
            TrainingJob.Result r = job.await(30, TimeUnit.SECONDS);
            assertThat(r.state()).isEqualTo(TrainingJob.State.CANCELLED);
            assertThat(events).extracting(TrainingEvent::type).containsExactly(TrainingEventType.JOB_CANCELLED);
            // says when, without the word the event's type says: the desk read "cancelled training cancelled in epoch 3"
            assertThat(events.get(0).message()).isNotEmpty().doesNotContain("cancelled");
            assertThat(r.message()).isEqualTo(events.get(0).message());
            assertThat(c.slot().swaps()).isZero();
            assertThat(c.status().coldStart()).isTrue();
            assertThat(new ModelRepository(repoDir).versions(cfg.modelId())).isEmpty();
        }
    }

    @Test
    void countTriggerAndAccuracyDropStartTrainingInTheBackground() throws Exception {
        Path repoDir = Files.createDirectories(dir.resolve("models-triggers"));
        TrainingConfig cfg = TrainedModels.config().withMonitor(20, 10.0);
        InProcessEventBus bus = new InProcessEventBus();
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        try (TrainingCoordinator c = coordinator(repoDir, cfg, bus)) {
            c.subscribeTrainingEvents(events::add, Set.of(TrainingEventType.RETRAIN_TRIGGERED, TrainingEventType.JOB_STARTED));
            c.subscribeTrainingEvents(e -> started.countDown(), Set.of(TrainingEventType.JOB_STARTED));
            TripleBarrier tb = new TripleBarrier(cfg.barriers());
            FrameBuilder fb = new FrameBuilder(RealBars.source(), cfg.spec());
            // 20 decisions that turn out right, then 20 that turn out wrong (predictions set against the real outcome)
            for (int k = 0; k < 40; k++) {
                long t = closeOf(2_000 + 97 * k);
                Frame f = fb.build(RealBars.symbol(), t);
                Action truth = tb.label(RealBars.source(), RealBars.symbol(), Timeframe.M1, t, f.entryPrice(), null, Action.HOLD, t + tb.horizonMs(Timeframe.M1)).label();
                Action said = k < 20 ? truth : (truth == Action.BUY ? Action.SELL : Action.BUY);
                c.storeInferenceFrame(f, new ModelVote(said, 0.6, 0.5, 0, 0, 0, "none", true, false, 0.5, ""));
            }
            c.flush();
            assertThat(c.matureFrames()).isEqualTo(40);
            assertThat(c.monitor().baseline()).isEqualTo(1.0);
            assertThat(c.monitor().fired()).isEqualTo(1);
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(events).extracting(TrainingEvent::type).startsWith(TrainingEventType.RETRAIN_TRIGGERED, TrainingEventType.JOB_STARTED);
            assertThat(events.get(0).message()).contains("points below baseline 100.0%");
            cancelAll(c);

            // count trigger: every 5 matured frames
            events.clear();
            CountDownLatch again = new CountDownLatch(1);
            try (Subscription s = c.subscribeTrainingEvents(e -> again.countDown(), Set.of(TrainingEventType.JOB_STARTED));
                 Subscription rule = c.triggerTrainingOnEvent(TrainingTrigger.everyMaturedFrames(5))) {
                for (int k = 0; k < 5; k++) {
                    AskModel.at(c, closeOf(7_000 + 50 * k), true);
                }
                c.flush();
                assertThat(c.matureFrames()).isEqualTo(5);
                assertThat(again.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(events).extracting(TrainingEvent::message).anyMatch(m -> m != null && m.contains("5 more matured frames"));
                cancelAll(c);
            }

            // schedule trigger: a job starts on the wall-clock period; closing the handle stops it
            events.clear();
            CountDownLatch scheduled = new CountDownLatch(1);
            try (Subscription s = c.subscribeTrainingEvents(e -> scheduled.countDown(), Set.of(TrainingEventType.JOB_STARTED))) {
                Subscription rule = c.triggerTrainingOnEvent(TrainingTrigger.every(java.time.Duration.ofMillis(200)));
                assertThat(scheduled.await(30, TimeUnit.SECONDS)).isTrue();
                rule.close();
                assertThat(events).extracting(TrainingEvent::message).anyMatch(m -> m != null && m.startsWith("schedule every"));
                cancelAll(c);
                Thread.sleep(600);
                assertThat(c.runningJobForTest()).as("no job after the schedule was closed").isNull();
            }
        }
    }

    /** Cancels jobs until none is queued, running or still finishing (so the next trigger finds the coordinator idle). */
    private static void cancelAll(TrainingCoordinator c) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        TrainingJob j;
        while ((j = c.runningJobForTest()) != null && System.currentTimeMillis() < deadline) {
            j.cancel();
            Thread.sleep(10);
        }
        assertThat(c.runningJobForTest()).as("jobs left after cancelling").isNull();
    }

    @Test
    void annotationFramesJoinTheTrainingSamplesThroughTheSamePath() throws Exception {
        Path repoDir = Files.createDirectories(dir.resolve("models-annotations"));
        TrainingConfig cfg = TrainedModels.config();
        List<TrainingEvent> stored = new CopyOnWriteArrayList<>();
        try (TrainingCoordinator c = coordinator(repoDir, cfg, new InProcessEventBus())) {
            c.subscribeTrainingEvents(stored::add, Set.of(TrainingEventType.FRAME_STORED));
            org.concord.annotation.AnnotationService annotations = new org.concord.annotation.AnnotationService(
                    new org.concord.annotation.AnnotationStore(data.store().database(), frames),
                    new org.concord.training.frames.AnnotationFrames(new FrameBuilder(org.concord.training.frames.WindowSource.of(data), cfg.spec())),
                    c::frameAdded);
            org.concord.annotation.Annotation a = annotations.save(org.concord.annotation.Annotation.draft("coord-1", RealBars.symbol(), Timeframe.M1,
                    closeOf(4_001), m1.close(4_001), closeOf(4_040), m1.close(4_040), org.concord.annotation.AnnotationDirection.SHORT,
                    Double.NaN, Double.NaN, List.of(), "", "tester", 1L));
            assertThat(stored).extracting(TrainingEvent::frameId).contains("ann-coord-1");
            org.concord.training.loop.SampleSet samples = new TrainingJobRunner(c).collect();
            int row = java.util.Arrays.asList(samples.frameIds()).indexOf("ann-coord-1");
            assertThat(row).isNotNegative();
            assertThat(samples.labels()[row]).isEqualTo(a.frame().outcome().label().ordinal());
            assertThat(samples.times()[row]).isEqualTo(a.frame().windowEnd());
            assertThat(samples.size()).isGreaterThan(1_000); // plus the history samples
        }
    }

    /**
     * A training holds at most its sample budget (an eighth of the heap; small here to force the cut): a person's
     * labels are all kept, and the history that fills the rest is the newest.
     */
    @Test
    void aTrainingWithinItsBudgetKeepsTheLabelsAndTheNewestHistory() throws Exception {
        Path repoDir = Files.createDirectories(dir.resolve("models-budget"));
        TrainingConfig cfg = TrainedModels.config();
        try (TrainingCoordinator c = coordinator(repoDir, cfg, new InProcessEventBus())) {
            org.concord.annotation.AnnotationService annotations = new org.concord.annotation.AnnotationService(
                    new org.concord.annotation.AnnotationStore(data.store().database(), frames),
                    new org.concord.training.frames.AnnotationFrames(new FrameBuilder(org.concord.training.frames.WindowSource.of(data), cfg.spec())),
                    c::frameAdded);
            annotations.save(org.concord.annotation.Annotation.draft("budget-1", RealBars.symbol(), Timeframe.M1,
                    closeOf(2_001), m1.close(2_001), closeOf(2_040), m1.close(2_040), org.concord.annotation.AnnotationDirection.LONG,
                    Double.NaN, Double.NaN, List.of(), "", "tester", 1L));
            TrainingJobRunner runner = new TrainingJobRunner(c);
            org.concord.training.loop.SampleSet all = runner.collect();
            org.concord.training.loop.SampleSet cut = runner.collect(TrainingRequest.of("collect"), new SampleBudget(300));
            assertThat(all.size()).isGreaterThan(1_000);
            assertThat(cut.size()).isBetween(250, 300);
            assertThat(java.util.Arrays.asList(cut.frameIds())).contains("ann-budget-1");
            long newestAll = java.util.Arrays.stream(all.times()).max().orElseThrow();
            assertThat(java.util.Arrays.stream(cut.times()).max().orElseThrow()).isEqualTo(newestAll);
            long oldestKept = Long.MAX_VALUE;
            for (int i = 0; i < cut.size(); i++) {
                if (!"ann-budget-1".equals(cut.frameIds()[i])) { // the label may be older than the history kept
                    oldestKept = Math.min(oldestKept, cut.times()[i]);
                }
            }
            assertThat(oldestKept).as("the history kept is the newest").isGreaterThan(java.util.Arrays.stream(all.times()).min().orElseThrow());
        }
    }

    @Test
    void selectedAnnotationsTrainAModelThatIsKeptUntilActivated() throws Exception {
        Path repoDir = Files.createDirectories(dir.resolve("models-selected"));
        TrainingConfig cfg = TrainedModels.config();
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        try (TrainingCoordinator c = coordinator(repoDir, cfg, new InProcessEventBus())) {
            c.subscribeTrainingEvents(events::add, Set.of(TrainingEventType.MODEL_SWAPPED, TrainingEventType.JOB_FINISHED));
            org.concord.annotation.AnnotationService annotations = new org.concord.annotation.AnnotationService(
                    new org.concord.annotation.AnnotationStore(data.store().database(), frames),
                    new org.concord.training.frames.AnnotationFrames(new FrameBuilder(org.concord.training.frames.WindowSource.of(data), cfg.spec())),
                    c::frameAdded);
            org.concord.annotation.Annotation picked = annotations.save(org.concord.annotation.Annotation.draft("sel-1", RealBars.symbol(),
                    Timeframe.M1, closeOf(5_001), m1.close(5_001), closeOf(5_030), m1.close(5_030), org.concord.annotation.AnnotationDirection.LONG,
                    Double.NaN, Double.NaN, List.of(), "", "tester", 1L));
            org.concord.annotation.Annotation other = annotations.save(org.concord.annotation.Annotation.draft("sel-2", RealBars.symbol(),
                    Timeframe.M1, closeOf(6_001), m1.close(6_001), closeOf(6_030), m1.close(6_030), org.concord.annotation.AnnotationDirection.NO_TRADE,
                    Double.NaN, Double.NaN, List.of(), "", "tester", 1L));
            TrainingRequest request = TrainingRequest.annotations("train on the selected annotations", List.of(picked.frame().id()), false);
            List<String> ids = java.util.Arrays.asList(new TrainingJobRunner(c).collect(request).frameIds());
            assertThat(ids).contains(picked.frame().id()).doesNotContain(other.frame().id());
            assertThat(java.util.Arrays.asList(new TrainingJobRunner(c).collect().frameIds())).contains(picked.frame().id(), other.frame().id());

            TrainingJob job = c.submit(TrainingCommand.train(c.config().modelId(), request));
            TrainingJob.Result r = job.await(120, TimeUnit.SECONDS);
            TrainingJob.State kept = r.gate().passed() ? TrainingJob.State.TRAINED : TrainingJob.State.REJECTED;
            assertThat(r.state()).as(r.message()).isEqualTo(kept);
            assertThat(job.request()).isEqualTo(request);
            assertThat(c.slot().swaps()).isZero();
            assertThat(c.status().coldStart()).isTrue();
            assertThat(new ModelRepository(repoDir).currentVersion(cfg.modelId())).isEmpty();
            assertThat(c.versions().list(cfg.modelId())).singleElement().satisfies(row -> assertThat(row.state()).isEqualTo(kept.name()));
            assertThat(events).extracting(TrainingEvent::type).containsExactly(TrainingEventType.JOB_FINISHED);

            if (!r.gate().passed()) {
                assertThatThrownBy(() -> c.activate(r.version())).isInstanceOf(PromotionGate.BelowGateException.class);
                assertThat(c.slot().swaps()).isZero();
            }
            TrainedModels.activate(c, r.version());
            assertThat(c.slot().swaps()).isEqualTo(1);
            assertThat(c.status().activeVersion()).isEqualTo(r.version());
            assertThat(c.status().coldStart()).isFalse();
            assertThat(new ModelRepository(repoDir).currentVersion(cfg.modelId())).contains(r.version());
            assertThat(c.versions().list(cfg.modelId())).singleElement().satisfies(row -> assertThat(row.state()).isEqualTo("SWAPPED"));
            assertThat(events).extracting(TrainingEvent::type).containsExactly(TrainingEventType.JOB_FINISHED, TrainingEventType.MODEL_SWAPPED);
            assertThat(AskModel.at(c, closeOf(3_000), false).signal().modelVersion()).isEqualTo(r.version());
            assertThatThrownBy(() -> c.activate("v999999")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> TrainingRequest.annotations("none", List.of(), false)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("select at least one");
        }
    }

    @Test
    void expandedAnnotationsTrainAsWeightedSamplesInsteadOfTheirFrame() throws Exception {
        Path repoDir = Files.createDirectories(dir.resolve("models-expanded"));
        TrainingConfig cfg = TrainedModels.config();
        List<TrainingEvent> folds = new CopyOnWriteArrayList<>();
        try (TrainingCoordinator c = coordinator(repoDir, cfg, new InProcessEventBus())) {
            c.subscribeTrainingEvents(folds::add, Set.of(TrainingEventType.FOLD));
            org.concord.annotation.AnnotationService annotations = new org.concord.annotation.AnnotationService(
                    new org.concord.annotation.AnnotationStore(data.store().database(), frames),
                    new org.concord.training.frames.AnnotationFrames(new FrameBuilder(org.concord.training.frames.WindowSource.of(data), cfg.spec())),
                    c::frameAdded);
            org.concord.annotation.Annotation a = annotations.save(org.concord.annotation.Annotation.draft("exp-1", RealBars.symbol(),
                    Timeframe.M1, closeOf(7_001), m1.close(7_001), closeOf(7_020), m1.close(7_020), org.concord.annotation.AnnotationDirection.LONG,
                    Double.NaN, Double.NaN, List.of(), "", "tester", 1L));
            org.concord.training.samples.ExpansionRule rule = org.concord.training.samples.ExpansionRule.DEFAULT;
            TrainingRequest request = TrainingRequest.expanded("expand", List.of(a), rule, false);
            org.concord.training.loop.SampleSet s = new TrainingJobRunner(c).collect(request);
            List<String> ids = java.util.Arrays.asList(s.frameIds());
            assertThat(ids).as("the stored single frame is replaced by the expansion").doesNotContain(a.frame().id());
            long expanded = ids.stream().filter(id -> id != null && id.startsWith("ann-exp-1#")).count();
            assertThat(expanded).isEqualTo(org.concord.training.samples.SampleExpansion.count(a, rule).total());
            int entry = ids.indexOf("ann-exp-1#ENTRY@" + Timeframe.M1.floor(a.entryTime()));
            assertThat(entry).isNotNegative();
            assertThat(s.labels()[entry]).isEqualTo(Action.BUY.ordinal());
            assertThat(s.weights()[entry]).isEqualTo(100.0);
            for (int i = 0; i < s.size(); i++) {
                if (s.frameIds()[i] == null) {
                    assertThat(s.weights()[i]).as("history samples keep weight 1").isEqualTo(1.0);
                }
            }
            assertThat(s.size()).isGreaterThan(1_000); // plus the history samples

            TrainingJob.Result r = c.submit(TrainingCommand.train(c.config().modelId(), request)).await(120, TimeUnit.SECONDS);
            assertThat(r.state()).as(r.message()).isEqualTo(r.gate().passed() ? TrainingJob.State.TRAINED : TrainingJob.State.REJECTED);
            assertThat(folds).isNotEmpty().allSatisfy(e -> assertThat(e.metrics().get("weightedLoss")).isFinite().isPositive());
            assertThat(r.holdout().weightedLoss()).isFinite().isPositive();
        }
    }

    @Test
    void eventsAreJacksonSerializable() throws Exception {
        ObjectMapper json = new ObjectMapper();
        TrainingEvent e = TrainingEvent.epoch("cnn-btcusd", "job-1", 2, 3, 1, 4, 6, 12, 0.6931);
        String text = json.writeValueAsString(e);
        assertThat(text).contains("\"type\":\"EPOCH\"").contains("\"loss\":0.6931").doesNotContain("frameId");
        assertThat(json.readValue(text, TrainingEvent.class)).isEqualTo(e);
    }

    @Test
    void onlyThisModelsFramesWithItsLabelRuleJoinItsTraining() throws Exception {
        Path repoDir = Files.createDirectories(dir.resolve("models-hygiene"));
        TrainingConfig cfg = TrainedModels.config();
        try (TrainingCoordinator c = coordinator(repoDir, cfg, new InProcessEventBus())) {
            FrameBuilder fb = new FrameBuilder(RealBars.source(), cfg.spec());
            long horizon = new TripleBarrier(cfg.barriers()).horizonMs(Timeframe.M1);
            Frame f = fb.build(RealBars.symbol(), closeOf(3_500));
            Outcome o = new Outcome(Action.BUY, 0.5, InferenceFrameReference.BarrierHit.ANNOTATED_EXIT, closeOf(3_510), closeOf(3_510));
            java.util.function.BiFunction<String, InferenceFrameReference.Source, InferenceFrameReference> frame = (model, source) ->
                    new InferenceFrameReference(model + "-" + source, RealBars.symbol(), f.spec().timeframes(), f.barCountList(), f.windowEnd(),
                            model, "auto", Action.BUY, 1.0, f.hash(), source, horizon, null, o);
            frames.insert(frame.apply("pivots", InferenceFrameReference.Source.ANNOTATION));            // another model's pivot samples
            frames.insert(frame.apply("cnn-other", InferenceFrameReference.Source.INFERENCE));          // another model's frames
            InferenceFrameReference own = frame.apply(cfg.modelId(), InferenceFrameReference.Source.INFERENCE);
            frames.insert(own);
            InferenceFrameReference otherRule = new InferenceFrameReference("other-horizon", RealBars.symbol(), f.spec().timeframes(),
                    f.barCountList(), f.windowEnd(), cfg.modelId(), "auto", Action.BUY, 1.0, f.hash(), InferenceFrameReference.Source.INFERENCE,
                    2 * horizon, null, o);                                                                  // another label rule
            frames.insert(otherRule);
            try {
                List<String> ids = java.util.Arrays.asList(new TrainingJobRunner(c).collect().frameIds());
                assertThat(ids).contains(own.id()).doesNotContain("pivots-ANNOTATION", "cnn-other-INFERENCE", "other-horizon");
            } finally {
                for (String id : List.of("pivots-ANNOTATION", "cnn-other-INFERENCE", own.id(), "other-horizon")) {
                    frames.delete(id); // the store is shared by this class's tests
                }
            }
        }
    }
}
