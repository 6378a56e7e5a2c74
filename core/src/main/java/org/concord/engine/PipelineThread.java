package org.concord.engine;

import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The trading pipeline's single writer: work handed over runs one task at a time in arrival order, on a
 * {@code concord-pipeline} thread of its own (a desk), or at once on the caller's thread (a backtest).
 */
final class PipelineThread {
    private static final Logger LOG = LoggerFactory.getLogger(PipelineThread.class);

    private final ScheduledExecutorService executor; // null: the caller's thread
    private volatile boolean closed;

    private PipelineThread(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** A daemon {@code concord-pipeline} thread. */
    static PipelineThread own() {
        return new PipelineThread(Executors.newSingleThreadScheduledExecutor(Daemons.named("concord-pipeline")));
    }

    /** Runs everything on the caller's thread: deterministic, nothing queued. */
    static PipelineThread callers() {
        return new PipelineThread(null);
    }

    /** Whether work runs on a thread of its own. */
    boolean isOwn() {
        return executor != null;
    }

    /** Runs {@code task} every {@code millis} ms, between the other tasks (own thread only). */
    void every(long millis, Runnable task) {
        executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code task} as {@link #run} does; its answer completes the returned future on this thread, or its failure
     * does, logged once as "{@code what} failed".
     */
    <T> CompletableFuture<T> ask(String what, Supplier<T> task) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        run(() -> {
            try {
                answer.complete(task.get());
            } catch (RuntimeException e) {
                LOG.warn("{} failed: {}", what, e.toString());
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** Queues {@code r} (or runs it now on the caller's thread); after {@link #close} it is dropped. */
    void run(Runnable r) {
        if (executor == null) {
            r.run();
            return;
        }
        try {
            executor.execute(r);
        } catch (RejectedExecutionException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    /** Waits until everything handed over so far is processed (immediately true on the caller's thread). */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        if (executor == null) {
            return true;
        }
        CountDownLatch done = new CountDownLatch(1);
        try {
            executor.execute(done::countDown);
        } catch (RejectedExecutionException e) {
            return true;
        }
        return done.await(timeout, unit);
    }

    /** Stops taking work and waits up to 2 s for what is running. */
    void close() {
        closed = true;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                    LOG.warn("trading pipeline thread still busy after 2 s; left to finish");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
