package org.concord.orchestrator;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The decision thread, its input ring and the watchdog.
 *
 * <p><b>Asynchronous mode.</b> Feed threads write events in place into the slots of an LMAX Disruptor
 * {@link RingBuffer} (multi-producer, preallocated {@link LoopEvent}s: nothing is allocated per event, no lock is
 * taken); when the ring is full a feed thread waits, parking 0.1 ms at a time (back-pressure: a bar close is never
 * dropped; a replay at full speed is paced so, a live feed never comes near the shipped presets' 16,384 events
 * behind). One decision thread takes events in sequence order and runs them through the {@link DecisionEngine};
 * commands (toggles, weights, model swaps) are applied between two events, and at least every 50 ms while no event
 * comes.
 *
 * <p><b>Synchronous mode.</b> Events are processed on the caller's thread (replays at max speed, backtests) in one
 * reused slot; callers are serialized by a lock. No watchdog: a hung module hangs the caller; a call that returns after
 * the hard limit puts its module in ERROR at once.
 *
 * <p><b>Hung modules.</b> Java cannot stop a thread stuck in a module. Every guarded call publishes its id and start
 * time; the watchdog checks every few milliseconds, and when a call has run past {@code hardLimitMillis} it claims
 * the call with a CAS (so the call returning at that instant and the watchdog cannot both win), puts the module in
 * ERROR ("hung"), interrupts the stuck thread and starts a fresh decision thread that resumes the event in flight
 * where it stopped, skipping the module (its slot is not released until then, so no feed can overwrite it). The stuck
 * thread, if it ever returns, finds its call claimed and exits without touching anything.
 */
final class DecisionLoop {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLoop.class);
    /** How long an idle decision thread waits for an event before it applies pending commands anyway. */
    private static final long IDLE_MILLIS = 50;
    /** How long a feed thread parks while the ring is full. */
    private static final long FULL_PARK_NANOS = 100_000;

    /** Thrown on a decision thread whose call was claimed by the watchdog: that thread must exit. */
    static final class StaleThread extends RuntimeException {
        StaleThread() {
            super("decision thread replaced by the watchdog", null, false, false);
        }
    }

    private final DecisionEngine engine;
    private final boolean synchronous;
    private final long hardLimitNanos;
    /** The ring's slots and the sequence the decision thread has released up to (null / unused when synchronous). */
    private final RingBuffer<LoopEvent> ring;
    private final SequenceBarrier published;
    private final Sequence released = new Sequence(RingBuffer.INITIAL_CURSOR_VALUE);
    /** The synchronous mode's one slot, and how deep the caller is in processing (a nested event gets its own). */
    private final LoopEvent syncSlot = new LoopEvent();
    private int syncDepth;
    /** Ids of guarded calls: written by the decision thread only. */
    private long callIds;
    /** The guarded call in progress (0: none); its release store publishes the three fields below to the watchdog. */
    private final AtomicLong inCall = new AtomicLong();
    private final Object syncLock = new Object();
    private long callStart;
    private long callLimit;
    private SourceSlot callee;
    private volatile boolean running;
    private volatile Thread decisionThread;
    private Thread watchdog;
    private int generation;
    private LoopEvent inFlight;
    private long inFlightSeq;

    DecisionLoop(DecisionEngine engine, boolean synchronous, int capacity, long hardLimitMillis) {
        this.engine = engine;
        this.synchronous = synchronous;
        this.hardLimitNanos = hardLimitMillis * 1_000_000L;
        if (synchronous) {
            this.ring = null;
            this.published = null;
        } else {
            // the ring's size is a power of two: the configured capacity rounded up
            int size = Integer.highestOneBit(Math.max(16, capacity) - 1) << 1;
            this.ring = RingBuffer.createMultiProducer(LoopEvent::new, size, new LiteTimeoutBlockingWaitStrategy(IDLE_MILLIS, TimeUnit.MILLISECONDS));
            this.ring.addGatingSequences(released);
            this.published = ring.newBarrier();
        }
    }

    boolean synchronous() {
        return synchronous;
    }

    /**
     * Starts taking events. {@code beforeFirstEvent} runs on the caller once events are taken and before the first is
     * processed (asynchronous: they wait in the ring; synchronous: a feed thread waits for the caller's lock), so what
     * it reads from the feeds' source cannot miss an event that arrives meanwhile: that event is processed after it.
     */
    synchronized void start(Runnable beforeFirstEvent) {
        if (running) {
            return;
        }
        running = true;
        try {
            if (synchronous) {
                synchronized (syncLock) {
                    beforeFirstEvent.run();
                }
                return;
            }
            beforeFirstEvent.run();
        } catch (RuntimeException | Error e) {
            running = false;
            throw e;
        }
        published.clearAlert();
        startDecisionThread();
        watchdog = Daemons.start(this::watch, "concord-decision-watchdog");
    }

    private synchronized void startDecisionThread() {
        decisionThread = Daemons.start(this::run, "concord-decision-" + (generation++));
    }

    /** A closed bar for the decision thread (waits while the ring is full), or processed here in synchronous mode. */
    void bar(Symbol s, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
        if (!running) {
            return;
        }
        if (synchronous) {
            synchronized (syncLock) {
                LoopEvent e = syncEvent();
                e.setBar(s, tf, openTime, o, h, l, c, v);
                processHere(e);
            }
            return;
        }
        long seq = claim();
        if (seq >= 0) {
            try {
                ring.get(seq).setBar(s, tf, openTime, o, h, l, c, v);
            } finally {
                ring.publish(seq);
            }
        }
    }

    /** A symbol's session restarted at {@code time} (a seek back), in order with its bars, as {@link #bar}. */
    void sessionReset(Symbol s, long time) {
        if (!running) {
            return;
        }
        if (synchronous) {
            synchronized (syncLock) {
                LoopEvent e = syncEvent();
                e.setSessionReset(s, time);
                processHere(e);
            }
            return;
        }
        long seq = claim();
        if (seq >= 0) {
            try {
                ring.get(seq).setSessionReset(s, time);
            } finally {
                ring.publish(seq);
            }
        }
    }

    /** A trade, as {@link #bar}. */
    void trade(Symbol s, long time, double price, double size, boolean buyerMaker) {
        if (!running) {
            return;
        }
        if (synchronous) {
            synchronized (syncLock) {
                LoopEvent e = syncEvent();
                e.setTrade(s, time, price, size, buyerMaker);
                processHere(e);
            }
            return;
        }
        long seq = claim();
        if (seq >= 0) {
            try {
                ring.get(seq).setTrade(s, time, price, size, buyerMaker);
            } finally {
                ring.publish(seq);
            }
        }
    }

    /** An order book, as {@link #bar}. */
    void book(OrderBookSnapshot b) {
        if (!running) {
            return;
        }
        if (synchronous) {
            synchronized (syncLock) {
                LoopEvent e = syncEvent();
                e.setBook(b);
                processHere(e);
            }
            return;
        }
        long seq = claim();
        if (seq >= 0) {
            try {
                ring.get(seq).setBook(b);
            } finally {
                ring.publish(seq);
            }
        }
    }

    /** The synchronous slot, or a fresh one for an event handed over while another is processed on this thread. */
    private LoopEvent syncEvent() {
        return syncDepth == 0 ? syncSlot : new LoopEvent();
    }

    private void processHere(LoopEvent e) {
        syncDepth++;
        try {
            engine.applyCommands();
            engine.handle(e);
        } finally {
            syncDepth--;
            e.clear();
        }
    }

    /**
     * The sequence of a free slot. While the ring is full the feed waits (back-pressure, never a drop), parking
     * {@link #FULL_PARK_NANOS} at a time; -1 when the loop stops meanwhile (the event is not handed over).
     */
    private long claim() {
        while (true) {
            try {
                return ring.tryNext();
            } catch (InsufficientCapacityException full) {
                if (!running) {
                    return -1;
                }
                LockSupport.parkNanos(FULL_PARK_NANOS);
            }
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
                engine.settle();
            }
            return;
        }
        try {
            long seq = ring.tryNext();
            ring.get(seq).setWake();
            ring.publish(seq);
        } catch (InsufficientCapacityException full) {
            // a full ring means the thread is busy and will see the commands
        }
    }

    /** Waits until every event submitted before this call has been processed. */
    boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        if (synchronous || !running) {
            wake();
            return true;
        }
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        long seq;
        while (true) {
            try {
                seq = ring.tryNext();
                break;
            } catch (InsufficientCapacityException full) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                LockSupport.parkNanos(FULL_PARK_NANOS);
            }
        }
        CountDownLatch latch = new CountDownLatch(1);
        try {
            ring.get(seq).setBarrier(latch);
        } finally {
            ring.publish(seq);
        }
        return latch.await(timeout, unit);
    }

    int queued() {
        return ring == null ? 0 : (int) (ring.getCursor() - released.get());
    }

    private void run() {
        long available = released.get();
        try {
            while (running) {
                LoopEvent e = inFlight;
                if (e == null) {
                    engine.applyCommands();
                    long next = released.get() + 1;
                    if (next > available) {
                        try {
                            available = published.waitFor(next);
                        } catch (TimeoutException idle) {
                            continue;
                        }
                        if (next > available) {
                            continue;
                        }
                    }
                    e = ring.get(next);
                    if (e.kind == LoopEvent.BARRIER) {
                        engine.settle();
                        CountDownLatch latch = e.latch;
                        release(e, next);
                        latch.countDown();
                        continue;
                    }
                    if (e.kind == LoopEvent.WAKE) {
                        release(e, next);
                        continue;
                    }
                    inFlightSeq = next;
                    inFlight = e;
                    engine.begin(e);
                }
                engine.resume(e);
                inFlight = null;
                release(e, inFlightSeq);
            }
        } catch (StaleThread stale) {
            LOG.warn("{} exits: replaced after a hung module call", Thread.currentThread().getName());
        } catch (AlertException | InterruptedException stopped) {
            if (running) {
                LOG.warn("decision thread interrupted");
            }
        } catch (RuntimeException | Error err) {
            // an orchestrator bug, not a module fault (module calls are guarded): log loudly, skip the event, keep deciding
            LoopEvent failed = inFlight;
            LOG.error("decision thread failed on event at {}: {}", failed == null ? -1 : failed.time, err.toString(), err);
            if (failed != null) {
                inFlight = null;
                release(failed, inFlightSeq);
            }
            if (running) {
                startDecisionThread();
            }
        }
    }

    /** The slot at {@code seq} is processed: its references dropped, and a feed may write it again. */
    private void release(LoopEvent e, long seq) {
        e.clear();
        released.set(seq);
    }

    // ---------------------------------------------------------------- guarded calls

    /** Marks the start of a guarded call on {@code slot}; returns the call id to pass to {@link #exit}. */
    long enter(SourceSlot slot, long startNanos) {
        return enter(slot, startNanos, hardLimitNanos);
    }

    /**
     * As {@link #enter(SourceSlot, long)} with a call-specific hard limit (learning hooks get a longer one). The
     * synchronous mode has no watchdog, so nothing is published there: a guarded call costs no fence (four full
     * fences per call were about 8 % of an EMA-cross backtest). The asynchronous mode publishes the call with one
     * release store, which the watchdog's read of {@code inCall} acquires.
     */
    long enter(SourceSlot slot, long startNanos, long limitNanos) {
        if (synchronous) {
            return 0;
        }
        long id = ++callIds;
        callee = slot;
        callStart = startNanos;
        callLimit = limitNanos;
        inCall.setRelease(id);
        return id;
    }

    /** Ends a guarded call; throws {@link StaleThread} when the watchdog claimed it meanwhile. */
    void exit(long id) {
        if (synchronous) {
            return;
        }
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
        if (published != null) {
            published.alert(); // an idle decision thread leaves its wait at once
        }
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
