package org.concord.feed;

import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The life of one replay, shared by the tape and the bar replays: the thread that plays it (started once), the
 * pause and stop requests its loop reads between two deliveries, and the {@link FeedState} the desk shows. The
 * replay's own loop is {@code body}; it returns at the end of the data or once {@link #stopRequested()}.
 */
final class ReplayThread {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayThread.class);

    private final String name;
    private final Runnable body;
    private final LongSupplier dataTime;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean paused;
    private volatile boolean stopRequested;
    private volatile FeedState state = FeedState.IDLE;
    private volatile long pauseHolds;
    private Thread thread;

    /** @param dataTime the replay's data time, for the line logged when the body fails */
    ReplayThread(String name, Runnable body, LongSupplier dataTime) {
        this.name = name;
        this.body = body;
        this.dataTime = dataTime;
    }

    FeedState state() {
        return state;
    }

    boolean paused() {
        return paused;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /**
     * How often the loop has held at the pause point ({@link #holdWhilePaused}): {@link FeedState#PAUSED} only says
     * a pause was asked for, this says the thread is really there, between two deliveries, and keeps coming back.
     */
    long pauseHolds() {
        return pauseHolds;
    }

    /** Called by the loop when it finds {@link #paused()}: waits up to {@code nanos} (a stop wakes it sooner). */
    void holdWhilePaused(long nanos) {
        pauseHolds++; // only the loop's thread writes it
        LockSupport.parkNanos(nanos);
    }

    void pause() {
        paused = true;
        state = FeedState.PAUSED;
    }

    void resume() {
        paused = false;
        if (state == FeedState.PAUSED) {
            state = FeedState.RUNNING;
        }
    }

    synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("replay already started");
        }
        thread = Daemons.named(name).newThread(this::run);
        state = paused ? FeedState.PAUSED : FeedState.RUNNING;
        thread.start();
    }

    /** Asks the loop to stop, wakes it from a wait and waits up to 5 s for it (not when called from the loop itself). */
    void stop() {
        stopRequested = true;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (state != FeedState.FINISHED) {
            state = FeedState.STOPPED;
        }
        finished.countDown();
    }

    boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    private void run() {
        try {
            body.run();
            if (!stopRequested) {
                state = FeedState.FINISHED;
                LOG.info("{} finished at the end of its data", name);
            }
        } catch (RuntimeException e) {
            state = FeedState.FAILED;
            LOG.error("{} failed at data time {}: {}", name, dataTime.getAsLong(), e.toString(), e);
        } finally {
            finished.countDown();
        }
    }
}
