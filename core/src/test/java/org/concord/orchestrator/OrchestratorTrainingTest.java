package org.concord.orchestrator;

import org.concord.bus.InProcessEventBus;
import org.concord.bus.Subscription;
import org.concord.data.CandleCompletion;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.indicators.pivots.PivotEvent;
import org.concord.indicators.pivots.PivotTracker;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.store.FrameStore;
import org.concord.training.MaturedFrame;
import org.concord.training.RealBars;
import org.concord.training.TrainedModels;
import org.concord.training.TrainingConfig;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingEvent;
import org.concord.training.TrainingEventType;
import org.concord.training.TrainingJob;
import org.concord.training.TrainingQueues;
import org.concord.training.TrainingSubscriber;
import org.concord.training.TrainingTopics;
import org.concord.training.TrainingTrigger;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The training coordination merged into the orchestrator, on the real bundled tape replayed through the real
 * DataProvider (SQLite), a real DJL model and the real frame store: frames per inference, maturing on candle
 * completion with triple-barrier labels, events filtered by type, pivots, and a count trigger starting a job.
 */
class OrchestratorTrainingTest {
    static final Symbol S = BundledData.BTCUSD;

    @TempDir
    Path dir;

    static OrchestratorConfig config() {
        // synchronous: decisions on the replay thread, so candle order and decision order are the tape's
        return new OrchestratorConfig("custom", List.of(S), Timeframe.M1, true, 4096, false, false,
                new OrchestratorConfig.Fusion(0.2, 0.2, 0, false), new OrchestratorConfig.Performance(50, 30, 5),
                new FaultPolicy(1_000_000, 3, 100, 20, 60_000), List.of());
    }

    private TrainingCoordinator coordinator(ConcordRuntime engine, InProcessEventBus bus, String name) {
        // the accuracy-drop retrain off (100 points): no job of its own in the middle of what a test watches
        return coordinator(engine, bus, name, TrainedModels.config().withMonitor(200, 100.0));
    }

    private TrainingCoordinator coordinator(ConcordRuntime engine, InProcessEventBus bus, String name, TrainingConfig cfg) {
        Path repo = TrainedModels.copyTo(dir.resolve(name));
        return new TrainingCoordinator(engine.data(), new FrameStore(engine.database()), new ModelRepository(repo), bus, new TrainingQueues(), cfg);
    }

    private static void replay(ConcordRuntime engine, TradingOrchestrator orch) throws InterruptedException {
        ReplayFeed feed = new ReplayFeed(BundledData.bitstampTrades(), engine.data(), ReplayFeed.MAX_SPEED, false);
        feed.start();
        assertThat(feed.awaitFinished(180, TimeUnit.SECONDS)).as("replay finished").isTrue();
        assertThat(orch.awaitIdle(60, TimeUnit.SECONDS)).isTrue();
    }

    /** The module panel's row of the attached model follows a hot swap (it read the version only at registration). */
    @Test
    void theModelsStatusShowsTheVersionInUseAfterAHotSwap() throws Exception {
        InProcessEventBus bus = new InProcessEventBus();
        try (ConcordRuntime engine = new ConcordRuntime(dir.resolve("data"));
             TrainingCoordinator c = coordinator(engine, bus, "models")) {
            TrainedModels.activate(c, "v000001");
            String id = c.config().modelId();
            try (TradingOrchestrator orch = TradingOrchestrator.builder(config()).data(engine.data()).bus(bus).training(c).build()) {
                orch.start();
                assertThat(orch.module(id).orElseThrow().version()).isEqualTo("v000001");
                TrainedModels.activate(c, "v000002");
                assertThat(orch.module(id).orElseThrow().version()).isEqualTo("v000002");
            }
        }
    }

    @Test
    void everyInferenceStoresItsFrameWhichMaturesOnItsCandleWithTheTripleBarrierLabel() throws Exception {
        TrainingConfig cfg = TrainedModels.config();
        InProcessEventBus bus = new InProcessEventBus();
        List<Decision> decisions = new CopyOnWriteArrayList<>();
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        List<CandleCompletion> candles = new CopyOnWriteArrayList<>();
        List<MaturedFrame> handed = new CopyOnWriteArrayList<>();
        List<PivotEvent> pivots = new CopyOnWriteArrayList<>();
        List<PivotEvent> pivotsOnBus = new CopyOnWriteArrayList<>();
        try (ConcordRuntime engine = new ConcordRuntime(dir.resolve("data"));
             TrainingCoordinator c = coordinator(engine, bus, "models")) {
            TrainedModels.activate(c, "v000001");
            try (TradingOrchestrator orch = TradingOrchestrator.builder(config()).data(engine.data()).bus(bus).training(c).build()) {
                orch.onDecision(decisions::add);
                orch.subscribeTrainingEvents(events::add, Set.of(TrainingEventType.FRAME_MATURED, TrainingEventType.FRAME_REJECTED));
                orch.subscribeTraining(new TrainingSubscriber() {
                    @Override
                    public void onCandleCompletion(CandleCompletion candle, MaturedFrame frame) {
                        candles.add(candle);
                        handed.add(frame);
                    }

                    @Override
                    public void onPivotEvent(PivotEvent pivot) {
                        pivots.add(pivot);
                    }
                });
                bus.subscribe(TrainingTopics.PIVOTS, pivotsOnBus::add);
                orch.start();
                long t0 = System.nanoTime();
                replay(engine, orch);
                long t1 = System.nanoTime();
                c.flush();
                System.out.printf("replay with inference %.1f s, maturing drained %.1f s later%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);

                BarSeries m1 = RealBars.bitstamp().get(Timeframe.M1);
                assertThat(decisions.size()).as("one decision per 1m close of the replay (its last bar never closes)").isEqualTo(m1.size() - 1);
                assertThat(orch.inferences(cfg.modelId())).isEqualTo(decisions.size());
                // the model voted (trained v1 is active): its contribution is in the decisions
                assertThat(decisions).filteredOn(d -> d.contributions().stream().anyMatch(k -> k.sourceId().equals(cfg.modelId())))
                        .hasSizeGreaterThan(decisions.size() / 2);
                // its meta-model's confidence rides along (coordination gates and sizes the model's own signal on it)
                assertThat(decisions.stream().flatMap(d -> d.contributions().stream()).filter(k -> k.sourceId().equals(cfg.modelId())))
                        .isNotEmpty().allSatisfy(k -> assertThat(k.metaConfidence()).isNotNull().isBetween(0.0, 1.0));

                // one stored frame per inference; at a 5m/1h boundary the model saw the previous (complete) close
                FrameStore store = new FrameStore(engine.database());
                List<InferenceFrameReference> frames = store.between(S, InferenceFrameReference.Source.INFERENCE, cfg.modelId(),
                        Long.MIN_VALUE, Long.MAX_VALUE, 100_000);
                assertThat(frames).hasSize(decisions.size());
                List<Long> expectedEnds = new ArrayList<>();
                for (Decision d : decisions) {
                    expectedEnds.add(Timeframe.M5.floor(d.time()) == d.time() ? d.time() - 60_000 : d.time());
                }
                assertThat(frames).extracting(InferenceFrameReference::windowEnd).containsExactlyElementsOf(expectedEnds.stream().sorted().toList());

                // each stored hash is exactly the canonical frame at its window end (independent bulk build of the same tape)
                FrameBuilder bulk = new FrameBuilder(RealBars.source(), cfg.spec());
                TripleBarrier tb = new TripleBarrier(cfg.barriers());
                long lastClose = Timeframe.M1.closeTime(m1.time(m1.size() - 2)); // the last 1m bar never closes in the replay
                long horizon = tb.horizonMs(Timeframe.M1);
                int due = 0;
                for (InferenceFrameReference f : frames) {
                    Frame expected = bulk.build(S, f.windowEnd());
                    assertThat(f.contentHash()).as("frame at %d", f.windowEnd()).isEqualTo(expected.hash());
                    InferenceFrameReference stored = store.get(f.id()).orElseThrow();
                    if (f.windowEnd() + horizon <= lastClose) {
                        due++;
                        assertThat(stored.outcome()).as("matured %d", f.windowEnd()).isNotNull();
                        assertThat(stored.outcome()).isEqualTo(tb.label(RealBars.source(), S, Timeframe.M1, f.windowEnd(), expected.entryPrice(),
                                null, f.prediction(), stored.outcome().maturedAt()));
                    } else {
                        assertThat(stored.outcome()).isNull();
                    }
                }
                assertThat(due).isGreaterThan(9_000);
                assertThat(c.status().framesMatured()).isEqualTo(due);
                assertThat(c.status().framesRejected()).isZero();
                assertThat(events).hasSize(due).allMatch(e -> e.type() == TrainingEventType.FRAME_MATURED);

                // subscribers got each matured frame with the candle of its target time, data re-read from the store
                assertThat(handed).hasSize(due);
                for (int i = 0; i < handed.size(); i++) {
                    MaturedFrame mf = handed.get(i);
                    CandleCompletion candle = candles.get(i);
                    long target = mf.reference().windowEnd() + mf.reference().horizonMs();
                    int firstAtOrAfter = m1.lowerBound(target - 60_000); // the 1m bar closing at or after the target
                    assertThat(candle.timeframe()).isEqualTo(Timeframe.M1);
                    assertThat(candle.closeTime()).isEqualTo(Timeframe.M1.closeTime(m1.time(firstAtOrAfter)));
                    assertThat(mf.reference().outcome().maturedAt()).isEqualTo(candle.closeTime());
                    assertThat(mf.verified()).isTrue();
                    assertThat(mf.frame().hash()).isEqualTo(mf.reference().contentHash());
                }

                // pivots: the same swings a tracker finds over the whole tape, in order, also on the bus
                PivotTracker t = new PivotTracker(S, Timeframe.M1, 3, 2);
                List<PivotEvent> expectedPivots = new ArrayList<>();
                for (int i = 0; i < m1.size() - 1; i++) {
                    expectedPivots.addAll(t.onBarClose(m1.time(i), m1.high(i), m1.low(i)));
                }
                assertThat(expectedPivots).hasSizeGreaterThan(1_000);
                assertThat(pivots).isEqualTo(expectedPivots);
                assertThat(pivotsOnBus).isEqualTo(expectedPivots);
            }
        }
    }

    @Test
    void aCountTriggerThroughTheOrchestratorStartsATrainingJob() throws Exception {
        InProcessEventBus bus = new InProcessEventBus();
        CountDownLatch started = new CountDownLatch(1);
        List<TrainingEvent> jobEvents = new CopyOnWriteArrayList<>();
        try (ConcordRuntime engine = new ConcordRuntime(dir.resolve("data2"));
             TrainingCoordinator c = coordinator(engine, bus, "models2")) {
            try (TradingOrchestrator orch = TradingOrchestrator.builder(config()).data(engine.data()).bus(bus).training(c, 0.0).build()) {
                orch.subscribeTrainingEvents(e -> {
                    jobEvents.add(e);
                    started.countDown();
                }, Set.of(TrainingEventType.JOB_STARTED));
                Subscription rule = orch.triggerTrainingOnEvent(TrainingTrigger.everyMaturedFrames(3_000));
                orch.start();
                replay(engine, orch);
                c.flush();
                assertThat(started.await(60, TimeUnit.SECONDS)).as("a job started after 3,000 matured frames: %s, inferences %d", c.status(), orch.inferences(c.config().modelId())).isTrue();
                assertThat(jobEvents).allMatch(e -> e.type() == TrainingEventType.JOB_STARTED);
                assertThat(jobEvents.get(0).message()).isEqualTo("3000 more matured frames");
                assertThat(c.status().framesMatured()).isGreaterThanOrEqualTo(3_000);
                rule.close();
                TrainingJob j;
                while ((j = c.runningJobForTest()) != null) {
                    j.cancel();
                    j.await(60, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void trainingApiRefusesWhatItCannotDo() {
        try (TradingOrchestrator orch = TradingOrchestrator.builder(config()).build()) {
            assertThatThrownBy(() -> orch.subscribeTrainingEvents(e -> { }, null)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("no training coordinator attached");
            assertThatThrownBy(() -> orch.triggerTrainingOnEvent(TrainingTrigger.onRequest("x"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> orch.trainingCoordinator("cnn-btcusd")).isInstanceOf(IllegalArgumentException.class);
        }
        InProcessEventBus bus = new InProcessEventBus();
        try (ConcordRuntime engine = new ConcordRuntime(dir.resolve("data3"));
             TrainingCoordinator c = coordinator(engine, bus, "models3")) {
            OrchestratorConfig eth = new OrchestratorConfig("custom", List.of(Symbol.of("ETHUSD")), Timeframe.M1, true, 4096, false, false,
                    config().fusion(), config().performance(), config().faults(), List.of());
            assertThatThrownBy(() -> TradingOrchestrator.builder(eth).training(c).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a decision symbol");
            assertThatThrownBy(() -> TradingOrchestrator.builder(config()).training(c, -1).build()).isInstanceOf(IllegalArgumentException.class);
            try (TradingOrchestrator orch = TradingOrchestrator.builder(config()).data(engine.data()).bus(bus).training(c).build()) {
                assertThatThrownBy(() -> orch.storeInferenceFrame(null)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> orch.triggerTrainingOnEvent(null)).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> orch.subscribeTraining(null)).isInstanceOf(IllegalArgumentException.class);
                assertThat(orch.trainingCoordinator("cnn-btcusd")).isSameAs(c);
            }
        }
    }
}
