package org.concord.orchestrator;

import org.concord.bus.InProcessEventBus;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.store.FrameStore;
import org.concord.testkit.Await;
import org.concord.training.RealBars;
import org.concord.training.TrainedModels;
import org.concord.training.TrainingConfig;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingQueues;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An orchestrator started while the feed runs (the desk's preset switch, a module set changed mid-session) hears every
 * bar that closes after its frame windows were read from the DataProvider. It once read them, then subscribed: a bar
 * closing in between was in neither, the model's windows had a hole, and every frame built over it failed its hash
 * when matured from the store ("data changed since inference"), flooding a restart's console.
 */
class OrchestratorStartMidFeedTest {
    private static final Symbol S = BundledData.BTCUSD;
    private static final int STARTS = 6;

    @TempDir
    Path dir;

    @Test
    void framesOfAnOrchestratorStartedWhileTheFeedRunsAreTheTapesFrames() throws Exception {
        TrainingConfig cfg = TrainedModels.config().withMonitor(200, 100.0);
        BarSeries m1 = RealBars.bitstamp().get(Timeframe.M1);
        long first = m1.time(0);
        long span = m1.time(m1.size() - 1) - first;
        // async, as on the desk: the feed thread hands bars to the decision thread's ring
        OrchestratorConfig async = OrchestratorTrainingTest.config().withSynchronous(false);
        InProcessEventBus bus = new InProcessEventBus();
        try (ConcordRuntime engine = new ConcordRuntime(dir.resolve("data"));
             TrainingCoordinator c = new TrainingCoordinator(engine.data(), new FrameStore(engine.database()),
                     new ModelRepository(TrainedModels.copyTo(dir.resolve("models"))), bus, new TrainingQueues(), cfg)) {
            TrainedModels.activate(c, "v000001");
            // paced so that the whole tape takes about 12 s: each orchestrator below starts into a running feed
            ReplayFeed feed = new ReplayFeed(BundledData.bitstampTrades(), engine.data(), span / 12_000.0, false);
            feed.start();
            long inferences = 0;
            for (int k = 1; k <= STARTS; k++) {
                long at = first + span * k / (STARTS + 2);
                Await.until(Duration.ofSeconds(60), () -> engine.data().clock(S) >= at, () -> "the replay passing " + at);
                TradingOrchestrator orch = TradingOrchestrator.builder(async).data(engine.data()).bus(bus).training(c).build();
                try (orch) {
                    orch.start();
                    long seen = engine.data().clock(S);
                    Await.until(Duration.ofSeconds(60), () -> engine.data().clock(S) >= seen + 30 * Timeframe.M1.millis(),
                            () -> "30 minutes of the tape after a start");
                    assertThat(orch.awaitIdle(60, TimeUnit.SECONDS)).isTrue();
                }
                inferences += orch.inferences(cfg.modelId()); // closed: no more come

            }
            feed.stop();
            c.flush();

            List<InferenceFrameReference> frames = new FrameStore(engine.database()).between(S, InferenceFrameReference.Source.INFERENCE,
                    cfg.modelId(), Long.MIN_VALUE, Long.MAX_VALUE, 100_000);
            assertThat(frames).hasSize((int) inferences).hasSizeGreaterThanOrEqualTo(STARTS * 25);
            // each stored frame is the canonical frame of the tape at its window end: no bar of its windows went missing
            FrameBuilder bulk = new FrameBuilder(RealBars.source(), cfg.spec());
            for (InferenceFrameReference f : frames) {
                assertThat(f.contentHash()).as("frame at %d", f.windowEnd()).isEqualTo(bulk.build(S, f.windowEnd()).hash());
            }
        }
    }
}
