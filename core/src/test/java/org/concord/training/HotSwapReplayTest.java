package org.concord.training;

import org.concord.bus.InProcessEventBus;
import org.concord.bus.Subscription;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.FrameStore;
import org.concord.store.SqliteDatabase;
import org.concord.training.frames.Frame;
import org.concord.training.models.ModelBundle;
import org.concord.training.models.ModelRepository;
import org.concord.training.models.ModelVote;
import org.concord.training.models.StaleGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot swap under a full-speed replay of the real tape: a decision loop of its own (ReplayFeed → DataProvider →
 * one model inference per 1m close on a decision thread) while another thread keeps loading model versions
 * from disk and swapping them in. No decision may be lost, duplicated, or made with a half-loaded model.
 */
class HotSwapReplayTest {
    record Decision(long time, ModelVote signal) {
    }

    @Test
    void noDecisionLostDuplicatedOrHalfLoadedWhileSwapping(@TempDir Path dir) throws Exception {
        ModelRepository repo = new ModelRepository(TrainedModels.copyTo(dir.resolve("models")));
        TrainedModels.activate(repo, TrainedModels.MODEL_ID, "v000001");
        TradeTape tape = BundledData.bitstampTrades();
        SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
        DataProvider data = new DataProvider(new BarStore(db));
        TrainingConfig cfg = TrainedModels.config();
        BlockingQueue<Long> closes = new ArrayBlockingQueue<>(1 << 15);
        AtomicLong delivered = new AtomicLong();
        List<Decision> decisions = new ArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        AtomicBoolean replaying = new AtomicBoolean(true);
        long swaps;
        try (TrainingCoordinator c = new TrainingCoordinator(data, new FrameStore(db), repo, new InProcessEventBus(), new TrainingQueues(), cfg);
             Subscription sub = data.subscribeBarCloses((s, tf, t, o, h, l, cl, v) -> {
                 if (tf == Timeframe.M1) {
                     delivered.incrementAndGet();
                     closes.add(tf.closeTime(t));
                 }
             })) {
            Thread decider = new Thread(() -> {
                try {
                    long seen = 0;
                    while (true) {
                        long t = closes.take();
                        if (t == Long.MIN_VALUE) {
                            return;
                        }
                        decisions.add(new Decision(t, AskModel.at(c, t, false).signal()));
                        if (decisions.size() % 1_000 == 0) {
                            // checkpoint: make sure at least one more swap lands before going on, so swaps are spread
                            // over the whole replay however fast this machine replays or loads (the replay keeps
                            // queueing closes meanwhile; the swapper also swaps freely between checkpoints)
                            long deadline = System.nanoTime() + 30_000_000_000L;
                            while (c.slot().swaps() <= seen && System.nanoTime() < deadline) {
                                Thread.sleep(1);
                            }
                            seen = c.slot().swaps();
                        }
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "decision-thread");
            Thread swapper = new Thread(() -> {
                int k = 0;
                try {
                    while (replaying.get()) {
                        String v = (k++ % 2 == 0) ? "v000002" : "v000001";
                        c.slot().swap(repo.load(TrainedModels.MODEL_ID, v, StaleGuard.DEFAULT));
                    }
                } catch (Throwable e) {
                    errors.add(e);
                }
            }, "swapper");
            decider.start();
            swapper.start();
            ReplayFeed replay = new ReplayFeed(tape, data, ReplayFeed.MAX_SPEED, false);
            replay.start();
            assertThat(replay.awaitFinished(120, TimeUnit.SECONDS)).isTrue();
            data.onClock(tape.symbol(), tape.lastTime() + 2 * Timeframe.D1.millis());
            closes.add(Long.MIN_VALUE);
            decider.join(120_000);
            replaying.set(false);
            swapper.join(30_000);
            swaps = c.slot().swaps();

            assertThat(errors).isEmpty();
            assertThat(delivered.get()).isGreaterThan(9_000);
            assertThat(decisions).hasSize((int) delivered.get());               // none lost
            for (int i = 1; i < decisions.size(); i++) {                         // none duplicated, in order
                assertThat(decisions.get(i).time()).isGreaterThan(decisions.get(i - 1).time());
            }
            assertThat(swaps).as("swaps during the decisions (one forced per 1,000)").isGreaterThanOrEqualTo(decisions.size() / 1_000);
            assertThat(decisions).extracting(d -> d.signal().modelVersion()).contains("v000001", "v000002").allMatch(v -> v.startsWith("v00000"));

            // every decision equals what a freshly, fully loaded model of the same version says on the same frame
            Map<String, ModelBundle> reference = new HashMap<>();
            try {
                for (String v : List.of("v000001", "v000002")) {
                    reference.put(v, repo.load(TrainedModels.MODEL_ID, v, StaleGuard.DEFAULT));
                }
                for (int i = 0; i < decisions.size(); i += 3) {
                    Decision d = decisions.get(i);
                    Frame f = AskModel.at(c, d.time(), false).frame();
                    ModelVote ref = reference.get(d.signal().modelVersion()).predict(f.input(), d.time());
                    assertThat(d.signal().action()).isEqualTo(ref.action());
                    assertThat(d.signal().pBuy()).isEqualTo(ref.pBuy());
                    assertThat(d.signal().pSell()).isEqualTo(ref.pSell());
                    assertThat(d.signal().pHold()).isEqualTo(ref.pHold());
                    assertThat(d.signal().metaConfidence()).isEqualTo(ref.metaConfidence());
                }
            } finally {
                reference.values().forEach(ModelBundle::close);
            }
            System.out.println("hot swap: " + decisions.size() + " decisions, " + swaps + " swaps");
        } finally {
            data.close();
            db.close();
        }
    }
}
