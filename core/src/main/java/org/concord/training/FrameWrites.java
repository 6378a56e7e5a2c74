package org.concord.training;

import org.concord.model.InferenceFrameReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes the frame references handed to the coordinator on its frames thread, every reference queued since the
 * last write in one transaction: with {@code synchronous=FULL} one fsync per batch instead of one per decision, so
 * a max-speed replay does not wait on the disk. Order with the candles is kept (same single thread, queued first).
 */
final class FrameWrites {
    private static final Logger LOG = LoggerFactory.getLogger(FrameWrites.class);
    private final TrainingCoordinator c;
    private final Executor thread;
    private final ConcurrentLinkedQueue<InferenceFrameReference> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    // queued or being written: a reference taken off the queue counts until its batch is stored, so flush does not
    // return while the frames thread still writes the last batch
    private final AtomicInteger unwritten = new AtomicInteger();

    FrameWrites(TrainingCoordinator coordinator, Executor framesThread) {
        this.c = coordinator;
        this.thread = framesThread;
    }

    /** Any thread (the decision thread): queue, never blocks on the disk. */
    void add(InferenceFrameReference ref) {
        unwritten.incrementAndGet();
        pending.add(ref);
        if (scheduled.compareAndSet(false, true)) {
            thread.execute(this::write);
        }
    }

    /**
     * Frames thread, before a candle matures frames: writes everything queued when a queued frame's target time
     * (window end + horizon) has been reached, so it matures on its own candle; otherwise keeps batching.
     */
    void writeIfDue(long candleClose) {
        for (InferenceFrameReference r : pending) {
            if (r.windowEnd() + r.horizonMs() <= candleClose) {
                writeNow();
                return;
            }
        }
    }

    private void write() {
        scheduled.set(false);
        writeNow();
    }

    private void writeNow() {
        List<InferenceFrameReference> batch = new ArrayList<>();
        InferenceFrameReference r;
        while ((r = pending.poll()) != null) {
            batch.add(r);
        }
        if (batch.isEmpty()) {
            return;
        }
        int taken = batch.size();
        try {
            store(batch);
        } finally {
            unwritten.addAndGet(-taken);
        }
    }

    private void store(List<InferenceFrameReference> batch) {
        try {
            c.frames().insertAll(batch);
        } catch (RuntimeException e) {
            // one bad reference (say a duplicate id) must not lose the others: one by one, dropping only the bad ones
            List<InferenceFrameReference> ok = new ArrayList<>();
            for (InferenceFrameReference one : batch) {
                try {
                    c.frames().insert(one);
                    ok.add(one);
                } catch (RuntimeException e1) {
                    LOG.error("frame {} not stored: {}", one.id(), e1.getMessage());
                }
            }
            batch = ok;
        }
        int withOutcome = 0;
        for (InferenceFrameReference ref : batch) {
            c.frameStored(ref);
            withOutcome += ref.outcome() != null ? 1 : 0;
        }
        c.countMatured(withOutcome);
    }

    /** Queued or being written (flush waits for 0). */
    int queued() {
        return unwritten.get();
    }
}
