package org.concord.orchestrator;

import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The decision thread, its input queue and the watchdog.
 *
 * <p><b>Asynchronous mode.</b> Feed threads {@link #submit} events into a bounded {@link ArrayBlockingQueue}; when it is
 * full they wait (back-pressure): a bar close is never dropped. One decision thread takes events in order and runs
 * them through the {@link DecisionEngine}; commands (toggles, weights, model swaps) are applied between two events.
 *
 * <p><b>Synchronous mode.</b> Events are processed on the caller's thread (replays at max speed, backtests); callers
 * are serialized by a lock. No watchdog: a hung module hangs the caller; a call that returns after the hard limit
 * puts its module in ERROR at once.
 *
 * <p><b>Hung modules.</b> Java cannot stop a thread stuck in a module. Every guarded call publishes its id and start
 * time; the watchdog checks every few milliseconds, and when a call has run past {@code hardLimitMillis} it claims
 * the call with a CAS (so the call returning at that instant and the watchdog cannot both win), puts the module in
 * ERROR ("hung"), interrupts the stuck thread and starts a fresh decision thread that resumes the event in flight
 * where it stopped, skipping the module. The stuck thread, if it ever returns, finds its call claimed and exits
 * without touching anything.
 */
final class DecisionLoop {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLoop.class);

    /** Thrown on a decision thread whose call was claimed by the watchdog: that thread must exit. */
    static final class StaleThread extends RuntimeException {
        StaleThread() {
            super("decision thread replaced by the watchdog", null, false, false);
        }
    }

    private final DecisionEngine engine;
    private final boolean synchronous;
    private final long hardLimitNanos;
    private final BlockingQueue<LoopEvent> queue;
    private final AtomicLong callIds = new AtomicLong();
    private final AtomicLong inCall = new AtomicLong();
    private final Object syncLock = new Object();
    private volatile long callStart;
    private volatile long callLimit;
    private volatile SourceSlot callee;
    private volatile boolean running;
    private volatile Thread decisionThread;
    private Thread watchdog;
    private int generation;
    private LoopEvent inFlight;

    DecisionLoop(DecisionEngine engine, boolean synchronous, int capacity, long hardLimitMillis) {
        this.engine = engine;
        this.synchronous = synchronous;
        this.hardLimitNanos = hardLimitMillis * 1_000_000L;
        this.queue = synchronous ? null : new ArrayBlockingQueue<>(capacity);
    }

    boolean synchronous() {
        return synchronous;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        if (!synchronous) {
            startDecisionThread();
            watchdog = Daemons.start(this::watch, "concord-decision-watchdog");
        }
    }

    private synchronized void startDecisionThread() {
        decisionThread = Daemons.start(this::run, "concord-decision-" + (generation++));
    }

    /** Hands an event to the decision thread (waits while the queue is full), or processes it here in synchronous mode. */
    void submit(LoopEvent e) {
        if (!running) {
            return;
        }
        if (synchronous) {
            synchronized (syncLock) {
                engine.applyCommands();
                engine.handle(e);
            }
            return;
        }
        try {
            queue.put(e);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the decision queue was full; event at " + e.time + " not handed over", ie);
        }
    }

    /** Wakes an idle decision thread so that pending commands are applied (async); applies them now when synchronous and idle. */
    void wake() {
        if (!running) {
            return;
        }
        if (synchronous) {
            if (Thread.holdsLock(syncLock)) {
                return; // called from inside an event (a decision listener): applied before the next event
            }
            synchronized (syncLock) {
                engine.applyCommands();
            }
        } else {
            queue.offer(new LoopEvent(LoopEvent.WAKE)); // a full queue means the thread is busy and will see the commands
        }
    }

    /** Waits until every event submitted before this call has been processed. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        if (synchronous || !running) {
            wake();
            return true;
        }
        CountDownLatch latch = new CountDownLatch(1);
        if (!queue.offer(LoopEvent.barrier(latch), timeout, unit)) {
            return false;
        }
        return latch.await(timeout, unit);
    }

    int queued() {
        return queue == null ? 0 : queue.size();
    }

    private void run() {
        try {
            while (running) {
                LoopEvent e = inFlight;
                if (e == null) {
                    engine.applyCommands();
                    e = queue.poll(50, TimeUnit.MILLISECONDS);
                    if (e == null) {
                        continue;
                    }
                    if (e.kind == LoopEvent.BARRIER) {
                        engine.applyCommands();
                        e.latch.countDown();
                        continue;
                    }
                    if (e.kind == LoopEvent.WAKE) {
                        continue;
                    }
                    inFlight = e;
                    engine.begin(e);
                }
                engine.resume(e);
                inFlight = null;
            }
        } catch (StaleThread stale) {
            LOG.warn("{} exits: replaced after a hung module call", Thread.currentThread().getName());
        } catch (InterruptedException ie) {
            if (running) {
                LOG.warn("decision thread interrupted");
            }
        } catch (RuntimeException | Error err) {
            // an orchestrator bug, not a module fault (module calls are guarded): log loudly and keep deciding
            LOG.error("decision thread failed on event at {}: {}", inFlight == null ? -1 : inFlight.time, err.toString(), err);
            inFlight = null;
            if (running) {
                startDecisionThread();
            }
        }
    }

    // ---------------------------------------------------------------- guarded calls

    /** Marks the start of a guarded call on {@code slot}; returns the call id to pass to {@link #exit}. */
    long enter(SourceSlot slot, long startNanos) {
        return enter(slot, startNanos, hardLimitNanos);
    }

    /** As {@link #enter(SourceSlot, long)} with a call-specific hard limit (learning hooks get a longer one). */
    long enter(SourceSlot slot, long startNanos, long limitNanos) {
        long id = callIds.incrementAndGet();
        callee = slot;
        callStart = startNanos;
        callLimit = limitNanos;
        inCall.set(id);
        return id;
    }

    /** Ends a guarded call; throws {@link StaleThread} when the watchdog claimed it meanwhile. */
    void exit(long id) {
        if (!inCall.compareAndSet(id, 0)) {
            throw new StaleThread();
        }
    }

    long hardLimitNanos() {
        return hardLimitNanos;
    }

    private void watch() {
        long sleepMs = Math.max(1, Math.min(50, hardLimitNanos / 4_000_000L));
        while (running) {
            try {
                Thread.sleep(sleepMs);
            } catch (InterruptedException e) {
                return;
            }
            long id = inCall.get();
            if (id <= 0) {
                continue;
            }
            long elapsed = System.nanoTime() - callStart;
            SourceSlot s = callee;
            if (elapsed > callLimit && s != null && inCall.compareAndSet(id, 0)) {
                Thread stuck = decisionThread;
                LOG.error("module {} hung: no return after {} ms; it is put in ERROR and a fresh decision thread takes over",
                        s.id, elapsed / 1_000_000);
                engine.markHung(s, elapsed);
                stuck.interrupt();
                startDecisionThread();
            }
        }
    }

    void stop() {
        running = false;
        Thread t = decisionThread;
        if (t != null) {
            t.interrupt();
            try {
                t.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (watchdog != null) {
            watchdog.interrupt();
        }
    }
}
