package org.concord.training;

import org.concord.training.eval.PromotionGate;
import org.concord.training.eval.Scorecard;
import org.concord.training.loop.Metrics;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A handle on one background training job: its state, its result, and cancellation. */
public final class TrainingJob {
    /**
     * Lifecycle of a job. REJECTED: trained and saved, but below the promotion gate, so not swapped in (a person may
     * still activate it with a confirmation that names the gap). TRAINED: passed the gate and saved, but not swapped
     * in because the request asked to keep the active model
     * ({@link TrainingRequest#activate()} false); {@link TrainingCoordinator#activate} swaps it in later.
     */
    public enum State { QUEUED, RUNNING, SWAPPED, REJECTED, FAILED, CANCELLED, TRAINED }

    /**
     * How a job ended.
     *
     * @param baselines the new version's out-of-sample calls next to majority, always-long, always-flat and
     *                  buy-and-hold (null when nothing was trained)
     * @param gate      the promotion gate's verdict on them (null when nothing was trained)
     */
    public record Result(String jobId, State state, String version, Metrics holdout, long trainingMillis, String message,
                         Scorecard baselines, PromotionGate.Verdict gate) {
    }

    private final String id;
    private final String reason;
    private final TrainingRequest request;
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private final CompletableFuture<Result> done = new CompletableFuture<>();
    private volatile State state = State.QUEUED;

    TrainingJob(String id, TrainingRequest request) {
        this.id = id;
        this.reason = request.reason();
        this.request = request;
    }

    /** What the job was asked to do. */
    public TrainingRequest request() {
        return request;
    }

    public String id() {
        return id;
    }

    public String reason() {
        return reason;
    }

    public State state() {
        return state;
    }

    void state(State s) {
        state = s;
    }

    /** Asks the job to stop; it ends CANCELLED at its next check (between two mini-batches). */
    public void cancel() {
        cancelRequested.set(true);
    }

    public boolean cancelRequested() {
        return cancelRequested.get();
    }

    void complete(Result r) {
        state = r.state();
        done.complete(r);
    }

    public CompletableFuture<Result> result() {
        return done;
    }

    /** Waits for the job to end. */
    public Result await(long timeout, TimeUnit unit) throws Exception {
        return done.get(timeout, unit);
    }
}
