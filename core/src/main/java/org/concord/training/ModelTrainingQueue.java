package org.concord.training;

import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one training queue of a model id: every piece of work that updates that model's weights — a batch job
 * ({@link TrainingCoordinator#submit}) or a per-candle / per-pivot update — runs on this queue's single
 * thread, in submission order, so two trainings never update the same weights at the same time. Different models
 * have different queues and train in parallel.
 *
 * <p>Queues are shared per model id among the holders of one {@link TrainingQueues} (a process has one, its runtime's):
 * two coordinators (or a coordinator and an online trainer) for the same id get the same queue; the thread ends when
 * the last holder releases it.
 */
public final class ModelTrainingQueue {
    private static final Logger LOG = LoggerFactory.getLogger(ModelTrainingQueue.class);

    /** What a piece of training work is (for status and logs). */
    public enum Kind { BATCH, INCREMENTAL }

    private final String modelId;
    private final TrainingQueues owner;
    private final ExecutorService worker;
    private final AtomicInteger holders = new AtomicInteger();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private volatile Kind running;

    ModelTrainingQueue(String modelId, TrainingQueues owner) {
        this.modelId = modelId;
        this.owner = owner;
        this.worker = Executors.newSingleThreadExecutor(Daemons.named("concord-training-" + modelId));
    }

    /** Gives the queue back; the last holder's release lets queued work finish and ends the thread. */
    public void release() {
        owner.release(this);
    }

    /** One more holder (its {@link TrainingQueues}, under its lock). */
    void hold() {
        holders.incrementAndGet();
    }

    /** One holder fewer; at none the thread ends after the queued work (its {@link TrainingQueues}, under its lock). */
    boolean letGo() {
        if (holders.get() <= 0) {
            throw new IllegalStateException("training queue of " + modelId + " released more often than acquired");
        }
        if (holders.decrementAndGet() == 0) {
            worker.shutdown();
            return true;
        }
        return false;
    }

    /** Waits for queued work after the last release (shutdown paths and tests). */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return worker.awaitTermination(timeout, unit);
    }

    public String modelId() {
        return modelId;
    }

    /**
     * Runs {@code work} on this model's training thread after everything submitted before it.
     *
     * @throws IllegalStateException when the queue was released by its last holder
     */
    public <T> CompletableFuture<T> submit(Kind kind, String what, Callable<T> work) {
        if (kind == null || work == null) {
            throw new IllegalArgumentException("kind and work are required");
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        pending.incrementAndGet();
        try {
            worker.execute(() -> {
                pending.decrementAndGet();
                running = kind;
                try {
                    f.complete(work.call());
                } catch (Throwable e) {
                    LOG.warn("{} training '{}' of {} failed: {}", kind, what, modelId, e.toString());
                    f.completeExceptionally(e);
                } finally {
                    running = null;
                    completed.incrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            pending.decrementAndGet();
            throw new IllegalStateException("training queue of " + modelId + " is closed", e);
        }
        return f;
    }

    /** What runs now (null when idle). */
    public Kind running() {
        return running;
    }

    /** Work waiting behind the running one. */
    public int pending() {
        return pending.get();
    }

    public long completed() {
        return completed.get();
    }
}
