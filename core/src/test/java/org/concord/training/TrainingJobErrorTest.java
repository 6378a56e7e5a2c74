package org.concord.training;

import org.concord.bus.InProcessEventBus;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.store.FrameStore;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A training job that dies of an Error ends FAILED and says so. Seen on the desk: an automatic retrain of cnn-btcusd
 * failed with OutOfMemoryError (logged by the queue), but the job never ended: no result, no JOB_FAILED event, and the
 * Training tab kept showing "cnn-btcusd-job-1 started" with its progress bar and Cancel on.
 */
class TrainingJobErrorTest {
    @TempDir
    static Path dir;
    static DataProvider data;

    @BeforeAll
    static void feed() {
        data = RealBars.provider(dir, BundledData.bitstampTrades());
    }

    @AfterAll
    static void close() {
        data.close();
        data.store().database().close();
    }

    @Test
    void anErrorInTheTrainingEndsTheJobFailedWithItsCause() throws Exception {
        InProcessEventBus bus = new InProcessEventBus();
        try (TrainingCoordinator c = new TrainingCoordinator(data, new FrameStore(data.store().database()),
                new ModelRepository(Files.createDirectories(dir.resolve("models"))), bus, new TrainingQueues(), TrainedModels.config())) {
            List<TrainingEvent> ends = new CopyOnWriteArrayList<>();
            c.subscribeTrainingEvents(ends::add, Set.of(TrainingEventType.JOB_FAILED, TrainingEventType.JOB_FINISHED));
            // the bus hands an Error back to its publisher: the first fold's event stands in for the heap running out
            AtomicBoolean thrown = new AtomicBoolean();
            c.subscribeTrainingEvents(e -> {
                if (thrown.compareAndSet(false, true)) {
                    throw new OutOfMemoryError("Java heap space (test)");
                }
            }, Set.of(TrainingEventType.FOLD));

            TrainingJob job = c.submit(TrainingCommand.train(c.config().modelId(), "test"));
            TrainingJob.Result r = job.await(120, TimeUnit.SECONDS);
            assertThat(thrown).isTrue();
            assertThat(r.state()).isEqualTo(TrainingJob.State.FAILED);
            assertThat(r.message()).isEqualTo("OutOfMemoryError: Java heap space (test)");
            assertThat(job.state()).isEqualTo(TrainingJob.State.FAILED);
            assertThat(ends).singleElement().satisfies(e -> {
                assertThat(e.type()).isEqualTo(TrainingEventType.JOB_FAILED);
                assertThat(e.jobId()).isEqualTo(job.id());
                assertThat(e.message()).contains("OutOfMemoryError");
            });
            assertThat(c.status().jobsRunning()).isZero();
            assertThat(c.status().lastResult()).isEqualTo(r);

            // the model's queue goes on: the next job runs to its end
            TrainingJob next = c.submit(TrainingCommand.train(c.config().modelId(), "after the error"));
            assertThat(next.await(180, TimeUnit.SECONDS).state()).isIn(TrainingJob.State.SWAPPED, TrainingJob.State.REJECTED);
        }
    }
}
