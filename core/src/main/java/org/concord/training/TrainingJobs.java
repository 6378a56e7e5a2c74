package org.concord.training;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One model's training jobs: queued on the model's one {@link ModelTrainingQueue} (batch jobs and per-candle updates
 * never overlap), run one at a time by the {@link TrainingJobRunner}, counted for the status, cancelled at close.
 */
final class TrainingJobs {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingJobs.class);
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
                    TrainingJob.Result r;
                    try {
                        r = runner.run(job);
                    } catch (Error e) {
                        // seen on the desk: an automatic retrain died of OutOfMemoryError (the desk's 512 MB heap). The
                        // job never ended: no result, no JOB_FAILED, the Training tab showed it "started" with Cancel
                        // on for good. It ends FAILED and says why; the queue still gets the Error (and logs it)
                        r = runner.failed(job, e);
                        last = r;
                        job.complete(r);
                        throw e;
                    }
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

    /**
     * Carries out a command for this model (the coordinator checked it is this model's): train queues a job;
     * train-if-idle too, unless automatic training is off or a job is queued or running (triggers coalesce: null);
     * cancel asks the named job, or the running or first queued one, to stop and returns it (null: none).
     */
    TrainingJob execute(TrainingCommand command, boolean autoTraining) {
        switch (command.action()) {
            case TrainingCommand.TRAIN:
                return submit(command.request());
            case TrainingCommand.TRAIN_IF_IDLE:
                String reason = command.request().reason();
                if (!autoTraining) {
                    LOG.info("training trigger '{}' skipped: training is switched off for {}", reason, modelId);
                    return null;
                }
                if (busy()) {
                    LOG.info("training trigger '{}' skipped: a job is already queued or running", reason);
                    return null;
                }
                return submit(command.request());
            default:
                TrainingJob job = command.jobId() == null ? first() : find(command.jobId());
                if (job != null) {
                    job.cancel();
                    LOG.info("training job {} cancel requested", job.id());
                }
                return job;
        }
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
