package org.concord.training;

import org.concord.bus.InProcessEventBus;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.store.FrameStore;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One training queue per model id: batch and per-candle training never update the same weights at once. */
class TrainingQueueTest {
    @TempDir
    Path dir;

    /** Work that notes how many pieces of work on the same weights run at once. */
    private static final class Weights {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger maxInside = new AtomicInteger();

        Void update() throws InterruptedException {
            int now = inside.incrementAndGet();
            maxInside.accumulateAndGet(now, Math::max);
            Thread.sleep(1);
            inside.decrementAndGet();
            return null;
        }
    }

    @Test
    void batchAndIncrementalWorkOnOneModelNeverOverlap() throws Exception {
        ModelTrainingQueue q = new TrainingQueues().acquire("queue-test-a");
        Weights w = new Weights();
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> done = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            submitters.execute(() -> {
                for (int i = 0; i < 50; i++) {
                    ModelTrainingQueue.Kind k = (i + thread) % 5 == 0 ? ModelTrainingQueue.Kind.BATCH : ModelTrainingQueue.Kind.INCREMENTAL;
                    done.add(q.submit(k, "w" + thread + "-" + i, w::update));
                }
            });
        }
        submitters.shutdown();
        assertThat(submitters.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertThat(done).hasSize(200);
        assertThat(w.maxInside.get()).isEqualTo(1);
        q.release();

        // control: the same work on a plain pool does overlap, so the detector above can see an overlap
        Weights free = new Weights();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CyclicBarrier together = new CyclicBarrier(4);
        List<java.util.concurrent.Future<Void>> fs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            fs.add(pool.submit(() -> {
                together.await(5, TimeUnit.SECONDS);
                return free.update();
            }));
        }
        for (var f : fs) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(free.maxInside.get()).isGreaterThan(1);
    }

    @Test
    void differentModelsTrainInParallelAndTheSameIdSharesOneQueue() throws Exception {
        TrainingQueues queues = new TrainingQueues();
        ModelTrainingQueue a = queues.acquire("queue-test-b1");
        ModelTrainingQueue b = queues.acquire("queue-test-b2");
        ModelTrainingQueue a2 = queues.acquire("queue-test-b1");
        assertThat(a2).isSameAs(a);
        assertThat(b).isNotSameAs(a);
        ModelTrainingQueue elsewhere = new TrainingQueues().acquire("queue-test-b1");
        assertThat(elsewhere).as("another runtime's queues are its own").isNotSameAs(a);
        elsewhere.release();
        // both wait for each other: this only completes if the two models' queues run at the same time
        CyclicBarrier both = new CyclicBarrier(2);
        CompletableFuture<Integer> fa = a.submit(ModelTrainingQueue.Kind.BATCH, "a", () -> both.await(5, TimeUnit.SECONDS));
        CompletableFuture<Integer> fb = b.submit(ModelTrainingQueue.Kind.INCREMENTAL, "b", () -> both.await(5, TimeUnit.SECONDS));
        fa.get(10, TimeUnit.SECONDS);
        fb.get(10, TimeUnit.SECONDS);
        a.release();
        // a2 still holds the queue: it keeps working
        assertThat(a2.submit(ModelTrainingQueue.Kind.INCREMENTAL, "still", () -> 7).get(5, TimeUnit.SECONDS)).isEqualTo(7);
        a2.release();
        assertThat(a2.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> a2.submit(ModelTrainingQueue.Kind.BATCH, "late", () -> 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(a2::release).isInstanceOf(IllegalStateException.class);
        b.release();
        // a failing piece of work fails its own future only
        ModelTrainingQueue c = queues.acquire("queue-test-b3");
        CompletableFuture<Object> bad = c.submit(ModelTrainingQueue.Kind.INCREMENTAL, "bad", () -> {
            throw new IllegalStateException("boom");
        });
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).hasMessageContaining("boom");
        assertThat(c.submit(ModelTrainingQueue.Kind.INCREMENTAL, "next", () -> 1).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        c.release();
    }

    /**
     * A real batch job (DJL training on the bundled data) and per-candle updates submitted while it runs: every
     * update starts only when the job is no longer running, and a second coordinator of the same model id shares
     * the queue.
     */
    @Test
    void aRealBatchJobAndPerCandleUpdatesOfTheSameModelAreSerialized() throws Exception {
        DataProvider data = RealBars.provider(dir, BundledData.bitstampTrades());
        FrameStore frames = new FrameStore(data.store().database());
        TrainingConfig cfg = TrainedModels.config().withModelId("queue-test-real");
        InProcessEventBus bus = new InProcessEventBus();
        TrainingQueues queues = new TrainingQueues(); // the process's: both coordinators of the model share its queue
        try (TrainingCoordinator c = new TrainingCoordinator(data, frames, new ModelRepository(dir.resolve("models")), bus, queues, cfg);
             TrainingCoordinator twin = new TrainingCoordinator(data, frames, new ModelRepository(dir.resolve("models")), bus, queues, cfg)) {
            assertThat(twin.trainingQueue()).isSameAs(c.trainingQueue());
            TrainingJob job = c.submit(TrainingCommand.train(c.config().modelId(), "batch"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (job.state() != TrainingJob.State.RUNNING && !job.result().isDone() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(job.state()).as("the batch job must be running when the updates are submitted").isEqualTo(TrainingJob.State.RUNNING);
            List<TrainingJob.State> seenByUpdates = new CopyOnWriteArrayList<>();
            List<CompletableFuture<Void>> updates = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                updates.add(twin.trainingQueue().submit(ModelTrainingQueue.Kind.INCREMENTAL, "candle " + i, () -> {
                    seenByUpdates.add(job.state());
                    return null;
                }));
            }
            // while the job trains, the updates wait; an automatic trigger is skipped rather than queued behind it
            assertThat(c.trainingQueue().pending()).isGreaterThanOrEqualTo(10);
            assertThat(c.submit(TrainingCommand.trainIfIdle(c.config().modelId(), "auto"))).isNull();
            TrainingJob.Result r = job.await(180, TimeUnit.SECONDS);
            CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(r.state()).as(r.message()).isIn(TrainingJob.State.SWAPPED, TrainingJob.State.REJECTED);
            assertThat(seenByUpdates).hasSize(10).allMatch(s -> s != TrainingJob.State.RUNNING && s != TrainingJob.State.QUEUED);
            // training switched off: automatic triggers are skipped, a request by hand still runs
            c.setAutoTraining(false);
            assertThat(c.submit(TrainingCommand.trainIfIdle(c.config().modelId(), "auto"))).isNull();
            c.setAutoTraining(true);
        } finally {
            data.close();
            data.store().database().close();
        }
    }
}
