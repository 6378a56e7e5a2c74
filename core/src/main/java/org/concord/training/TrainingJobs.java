package org.concord.training;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One model's training jobs: queued on the model's one {@link ModelTrainingQueue} (batch jobs and per-candle updates
 * never overlap), run one at a time by the {@link TrainingJobRunner}, counted for the status, cancelled at close.
 */
final class TrainingJobs {
    private final String modelId;
    private final ModelTrainingQueue queue;
    private final TrainingJobRunner runner;
    private final List<TrainingJob> active = new CopyOnWriteArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();
    private volatile TrainingJob.Result last;

    TrainingJobs(String modelId, ModelTrainingQueue queue, TrainingJobRunner runner) {
        this.modelId = modelId;
        this.queue = queue;
        this.runner = runner;
    }

    /** Queues a job for {@code request}; its handle completes with the job's result. */
    TrainingJob submit(TrainingRequest request) {
        TrainingJob job = new TrainingJob(modelId + "-job-" + seq.incrementAndGet(), request);
        active.add(job);
        try {
            queue.submit(ModelTrainingQueue.Kind.BATCH, job.id(), () -> {
                try {
                    TrainingJob.Result r = runner.run(job);
                    last = r;
                    job.complete(r);
                    return r;
                } finally {
                    active.remove(job);
                }
            });
        } catch (IllegalStateException e) {
            active.remove(job);
            throw e;
        }
        return job;
    }

    /** True while a job of this model is queued or running, or anything else runs on its queue. */
    boolean busy() {
        return !active.isEmpty() || queue.running() != null || queue.pending() > 0;
    }

    int count(TrainingJob.State state) {
        int n = 0;
        for (TrainingJob j : active) {
            if (j.state() == state) {
                n++;
            }
        }
        return n;
    }

    TrainingJob.Result last() {
        return last;
    }

    /** The job running or queued first, or null. */
    TrainingJob first() {
        for (TrainingJob j : active) { // a snapshot: a job ending on its thread between a check and a get cannot fail this
            return j;
        }
        return null;
    }

    /** The queued or running job with this id, or null. */
    TrainingJob find(String id) {
        for (TrainingJob j : active) {
            if (j.id().equals(id)) {
                return j;
            }
        }
        return null;
    }

    /** Cancels this model's jobs and waits (bounded) until they left the queue; other holders' work is not waited for. */
    void cancelAll() throws Exception {
        for (TrainingJob j : active) {
            j.cancel();
        }
        queue.submit(ModelTrainingQueue.Kind.BATCH, "close " + modelId, () -> null).get(60, TimeUnit.SECONDS);
    }
}
