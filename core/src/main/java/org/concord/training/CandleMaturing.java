package org.concord.training;

import org.concord.data.CandleCompletion;
import org.concord.indicators.pivots.PivotEvent;
import org.concord.indicators.pivots.PivotTracker;
import org.concord.model.InferenceFrameReference;
import org.concord.model.InferenceFrameReference.Source;
import org.concord.model.Timeframe;
import org.concord.training.frames.FrameBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the coordinator does when a candle of its symbol closes, on its frames thread (never on the feed or the
 * decision thread): a base-timeframe candle matures the stored frames whose target time it reached (label by the
 * triple-barrier rule, data re-read from the store and re-verified) and hands each to the
 * {@link TrainingSubscriber}s with the candle; a candle of the pivot timeframe feeds the Williams structure and
 * publishes the swings it confirmed. Candles are queued from the feed thread and drained in order; only those two
 * timeframes are queued, and each turn of the frames thread takes every candle queued by then with one store query for
 * the frames due. Before, a turn took 256 candles with a query each: at max speed the frames thread fell behind the
 * feed, and the queue held 2.7 million candles when the desk's 512 MB heap ran out, three minutes in.
 */
final class CandleMaturing {
    private static final Logger LOG = LoggerFactory.getLogger(CandleMaturing.class);
    /** Most frames matured by one turn of the frames thread; any rest mature on the next one. */
    static final int MAX_PER_TURN = 5_000;

    private final TrainingCoordinator c;
    private final Executor thread;
    private final ConcurrentLinkedQueue<CandleCompletion> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    // queued or being handled: a candle taken off the queue counts until its batch is done, so flush does not
    // return while the frames thread still works on the last batch
    private final AtomicInteger unhandled = new AtomicInteger();
    private final List<TrainingSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile PivotTracker pivots;
    /** The pivot timeframe asked for last (the tracker itself is replaced on the frames thread, in order). */
    private volatile Timeframe pivotTimeframe;

    CandleMaturing(TrainingCoordinator coordinator, Executor framesThread) {
        this.c = coordinator;
        this.thread = framesThread;
        this.pivots = new PivotTracker(coordinator.config().symbol(), coordinator.config().spec().base(), 3, 2);
        this.pivotTimeframe = pivots.timeframe();
    }

    void subscribe(TrainingSubscriber s) {
        subscribers.add(s);
    }

    void unsubscribe(TrainingSubscriber s) {
        subscribers.remove(s);
    }

    /** Replaces the pivot tracker (applied on the frames thread, in order with the candles). */
    void trackPivots(Timeframe tf, int levels, int strength) {
        PivotTracker fresh = new PivotTracker(c.config().symbol(), tf, levels, strength); // validates on the caller
        pivotTimeframe = tf;
        thread.execute(() -> pivots = fresh);
    }

    /** Feed thread: queue a candle of the base or pivot timeframe, wake the frames thread once for everything queued. */
    void onCandle(CandleCompletion candle) {
        if (candle.timeframe() != c.config().spec().base() && candle.timeframe() != pivotTimeframe) {
            return; // nothing here reads it
        }
        unhandled.incrementAndGet();
        queue.add(candle);
        if (drainScheduled.compareAndSet(false, true)) {
            submitDrain();
        }
    }

    private void submitDrain() {
        try {
            thread.execute(this::drain);
        } catch (RejectedExecutionException e) {
            LOG.debug("coordinator closed: {} queued candles dropped", queue.size());
        }
    }

    private void drain() {
        drainScheduled.set(false);
        List<CandleCompletion> batch = new ArrayList<>();
        CandleCompletion candle;
        while ((candle = queue.poll()) != null) { // all of them: the work per turn is bounded by MAX_PER_TURN frames
            batch.add(candle);
        }
        try {
            process(batch);
        } catch (RuntimeException e) {
            // the batch's frames stay pending in the store: they mature on a later candle
            LOG.error("{} candles up to {} not processed: {}", batch.size(), batch.isEmpty() ? "-" : batch.get(batch.size() - 1).closeTime(),
                    e.toString(), e);
        } finally {
            unhandled.addAndGet(-batch.size());
        }
        // a fast feed keeps queueing: hand the thread back (frame writes, flush) and continue after them
        if (!queue.isEmpty() && drainScheduled.compareAndSet(false, true)) {
            submitDrain();
        }
    }

    /** A matured frame with the candle that matured it, or a confirmed pivot: delivered in candle order. */
    private record Delivery(CandleCompletion candle, MaturedFrame frame, PivotEvent pivot) {
    }

    /**
     * Candles in order. The store is read once and written twice per batch (the frames handed over so far, then the
     * outcomes), not per candle: with {@code synchronous=FULL} a max-speed replay would otherwise wait on one fsync per
     * candle. Each frame still matures on its own candle: the first base candle of the batch closing at or after its
     * time limit (the batch's first, for a frame due before it).
     */
    private void process(List<CandleCompletion> batch) {
        Timeframe base = c.config().spec().base();
        long lastBase = Long.MIN_VALUE;
        for (CandleCompletion k : batch) {
            if (k.timeframe() == base) {
                lastBase = Math.max(lastBase, k.closeTime());
            }
        }
        List<InferenceFrameReference> due = List.of();
        if (lastBase != Long.MIN_VALUE) {
            c.writes().writeIfDue(lastBase);
            due = new ArrayList<>(c.frames().due(c.config().symbol(), Long.MIN_VALUE, lastBase, MAX_PER_TURN));
            due.sort(Comparator.comparingLong(InferenceFrameReference::horizonEnd)); // the store orders them by window end
        }
        List<Delivery> out = new ArrayList<>();
        List<InferenceFrameReference> outcomes = new ArrayList<>();
        int next = 0; // the first due frame not yet labelled
        for (CandleCompletion k : batch) {
            if (k.timeframe() == base) {
                int upTo = next;
                while (upTo < due.size() && due.get(upTo).horizonEnd() <= k.closeTime()) {
                    upTo++;
                }
                for (MaturedFrame f : label(due.subList(next, upTo), k.closeTime())) {
                    out.add(new Delivery(k, f, null));
                    outcomes.add(f.reference());
                }
                next = upTo;
            }
            PivotTracker p = pivots;
            if (k.timeframe() == p.timeframe()) {
                if (k.openTime() <= p.lastOpen()) {
                    // the data went back (a replay seeked back or started over): the structure starts again there;
                    // the tracker refused such a candle, and with it every later batch of candles
                    LOG.info("{} {} went back to {}: the pivot structure starts again there", p.symbol(), p.timeframe(), k.openTime());
                    p = pivots = p.fresh();
                }
                for (PivotEvent e : p.onBarClose(k.openTime(), k.high(), k.low())) {
                    out.add(new Delivery(k, null, e));
                }
            }
        }
        c.frames().setOutcomes(outcomes);
        for (Delivery d : out) {
            if (d.frame() != null) {
                c.frameMatured(d.frame().reference());
            } else {
                c.publishPivot(d.pivot());
            }
            for (TrainingSubscriber s : subscribers) {
                try {
                    if (d.frame() != null) {
                        s.onCandleCompletion(d.candle(), d.frame());
                    } else {
                        s.onPivotEvent(d.pivot());
                    }
                } catch (RuntimeException e) {
                    LOG.error("training subscriber failed on candle {}: {}", d.candle().closeTime(), e.toString(), e);
                }
            }
        }
        c.countMatured(outcomes.size());
    }

    /**
     * Labels every stored inference frame of the symbol whose time limit has passed by {@code now} (data time) and
     * writes the outcomes. A frame whose data no longer hashes the same is still labelled but reported
     * (FRAME_REJECTED) and never trained on. Frames thread, or a caller that owns the coordinator (manual maturing).
     */
    List<MaturedFrame> mature(long now) {
        c.writes().writeIfDue(now);
        List<MaturedFrame> matured = label(c.frames().due(c.config().symbol(), Long.MIN_VALUE, now, MAX_PER_TURN), now);
        List<InferenceFrameReference> refs = new ArrayList<>();
        matured.forEach(f -> refs.add(f.reference()));
        c.frames().setOutcomes(refs);
        refs.forEach(c::frameMatured);
        c.countMatured(refs.size());
        return matured;
    }

    /** Labels the stored frames {@code due} by {@code now} (each read once: one query per turn); nothing written. */
    private List<MaturedFrame> label(List<InferenceFrameReference> due, long now) {
        TrainingConfig cfg = c.config();
        List<MaturedFrame> out = new ArrayList<>();
        Timeframe tf = cfg.spec().base();
        FrameBuilder builder = c.builder();
        for (InferenceFrameReference ref : due) {
            if (!ref.symbol().equals(cfg.symbol()) || ref.source() != Source.INFERENCE) {
                continue;
            }
            FrameBuilder.Rebuilt rb = builder.rebuild(ref);
            if (!rb.ok()) {
                c.frameRejected(ref, rb.mismatch());
            }
            double entry = rb.frame() != null ? rb.frame().entryPrice()
                    : builder.source().windows(ref.symbol(), List.of(tf), ref.windowEnd(), 1).get(tf).lastClose();
            InferenceFrameReference labelled = ref.withOutcome(c.barrier().label(builder.source(), ref.symbol(), tf, ref.windowEnd(), entry,
                    ref.barriers(), ref.prediction(), now));
            out.add(new MaturedFrame(labelled, rb.frame(), rb.mismatch()));
        }
        return out;
    }

    static Map<String, Double> returnOf(InferenceFrameReference r) {
        return Map.of("returnPct", r.outcome().returnPct());
    }

    /** Queued or being handled (flush waits for 0). */
    int queued() {
        return unhandled.get();
    }
}
