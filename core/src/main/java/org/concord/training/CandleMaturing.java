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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the coordinator does when a candle of its symbol closes, on its frames thread (never on the feed or the
 * decision thread): a base-timeframe candle matures the stored frames whose target time it reached (label by the
 * triple-barrier rule, data re-read from the store and re-verified) and hands each to the
 * {@link TrainingSubscriber}s with the candle; a candle of the pivot timeframe feeds the Williams structure and
 * publishes the swings it confirmed. Candles are queued from the feed thread and drained in order.
 */
final class CandleMaturing {
    private static final Logger LOG = LoggerFactory.getLogger(CandleMaturing.class);
    /** Most frames matured by one candle; any rest mature on the next one. */
    static final int MAX_PER_CANDLE = 5_000;

    private final TrainingCoordinator c;
    private final Executor thread;
    private final ConcurrentLinkedQueue<CandleCompletion> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final List<TrainingSubscriber> subscribers = new CopyOnWriteArrayList<>();
    private volatile PivotTracker pivots;

    CandleMaturing(TrainingCoordinator coordinator, Executor framesThread) {
        this.c = coordinator;
        this.thread = framesThread;
        this.pivots = new PivotTracker(coordinator.config().symbol(), coordinator.config().spec().base(), 3, 2);
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
        thread.execute(() -> pivots = fresh);
    }

    /** Feed thread: queue the candle, wake the frames thread once for everything queued. */
    void onCandle(CandleCompletion candle) {
        queue.add(candle);
        if (drainScheduled.compareAndSet(false, true)) {
            thread.execute(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        CandleCompletion candle;
        while ((candle = queue.poll()) != null) {
            try {
                process(candle);
            } catch (RuntimeException e) {
                LOG.error("candle {} {} @{} not processed: {}", candle.symbol(), candle.timeframe(), candle.openTime(), e.toString(), e);
            }
        }
    }

    private void process(CandleCompletion candle) {
        if (candle.timeframe() == c.config().spec().base()) {
            for (MaturedFrame f : mature(candle.closeTime())) {
                for (TrainingSubscriber s : subscribers) {
                    try {
                        s.onCandleCompletion(candle, f);
                    } catch (RuntimeException e) {
                        LOG.error("training subscriber failed on candle {}: {}", candle.closeTime(), e.toString(), e);
                    }
                }
            }
        }
        PivotTracker p = pivots;
        if (candle.timeframe() == p.timeframe()) {
            for (PivotEvent e : p.onBarClose(candle.openTime(), candle.high(), candle.low())) {
                c.publishPivot(e);
                for (TrainingSubscriber s : subscribers) {
                    try {
                        s.onPivotEvent(e);
                    } catch (RuntimeException ex) {
                        LOG.error("training subscriber failed on pivot {}: {}", e, ex.toString(), ex);
                    }
                }
            }
        }
    }

    /**
     * Labels every stored inference frame of the symbol whose time limit has passed by {@code now} (data time).
     * A frame whose data no longer hashes the same is still labelled but reported (FRAME_REJECTED) and never
     * trained on. Frames thread, or a caller that owns the coordinator (tests, manual maturing).
     */
    List<MaturedFrame> mature(long now) {
        TrainingConfig cfg = c.config();
        List<InferenceFrameReference> due = c.frames().due(cfg.symbol(), now, MAX_PER_CANDLE);
        if (due.isEmpty()) {
            return List.of();
        }
        List<InferenceFrameReference> done = new ArrayList<>();
        List<FrameBuilder.Rebuilt> rebuilt = new ArrayList<>();
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
            done.add(ref.withOutcome(c.barrier().label(builder.source(), ref.symbol(), tf, ref.windowEnd(), entry, ref.barriers(),
                    ref.prediction(), now)));
            rebuilt.add(rb);
        }
        c.frames().setOutcomes(done);
        List<MaturedFrame> out = new ArrayList<>(done.size());
        for (int i = 0; i < done.size(); i++) {
            InferenceFrameReference r = done.get(i);
            c.frameMatured(r);
            out.add(new MaturedFrame(r, rebuilt.get(i).frame(), rebuilt.get(i).mismatch()));
        }
        c.countMatured(done.size());
        return out;
    }

    static Map<String, Double> returnOf(InferenceFrameReference r) {
        return Map.of("returnPct", r.outcome().returnPct());
    }
}
