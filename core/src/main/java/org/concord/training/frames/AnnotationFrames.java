package org.concord.training.frames;

import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.annotation.AnnotationFramer;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.InferenceFrameReference.BarrierHit;
import org.concord.model.InferenceFrameReference.Barriers;
import org.concord.model.InferenceFrameReference.Outcome;
import org.concord.model.Timeframe;
import org.concord.training.labels.TripleBarrier;

/**
 * Turns an annotation into a training frame through the same {@link InferenceFrameReference} path as model
 * inferences: the window ends at the annotated entry (the base timeframe's boundary at or before it, so no bar
 * closing after the entry is in it), and the label comes from the annotated exit:
 * <ul>
 *   <li>NO_TRADE → HOLD;</li>
 *   <li>LONG/SHORT without levels → BUY/SELL when the annotated P&amp;L is positive, else HOLD;</li>
 *   <li>with stop-loss/take-profit → the triple-barrier walk over the bars between entry and exit with those
 *       levels: take-profit first → BUY/SELL; stop-loss first or both in one bar → HOLD; neither → as without
 *       levels (time limit = the annotated exit).</li>
 * </ul>
 */
public final class AnnotationFrames implements AnnotationFramer {
    public static final String MODEL_ID = "annotation";
    public static final String MODEL_VERSION = "manual";

    private final FrameBuilder builder;

    public AnnotationFrames(FrameBuilder builder) {
        if (builder == null) {
            throw new IllegalArgumentException("frame builder is null");
        }
        this.builder = builder;
    }

    public FrameBuilder builder() {
        return builder;
    }

    /** The frame reference (with its outcome) for {@code a}. */
    @Override
    public InferenceFrameReference frameFor(Annotation a) {
        Timeframe tf = builder.spec().base();
        long windowEnd = tf.floor(a.entryTime());
        Frame f = builder.build(a.symbol(), windowEnd);
        Barriers barriers = barriers(a);
        long lastOpen = tf.floor(a.exitTime()) - tf.millis();
        // an exit inside the entry's base bar (a mark on a finer chart) leaves no whole bar between them
        BarSeries path = lastOpen < windowEnd ? new BarSeries(a.symbol(), tf, 1) : builder.source().range(a.symbol(), tf, windowEnd, lastOpen, 100_000);
        Outcome o = outcome(a, path, tf, barriers);
        return new InferenceFrameReference(Annotation.frameId(a.id()), a.symbol(), builder.spec().timeframes(), f.barCountList(), windowEnd, MODEL_ID,
                MODEL_VERSION, a.direction().action(), 1.0, f.hash(), InferenceFrameReference.Source.ANNOTATION,
                Math.max(1, a.exitTime() - windowEnd), barriers, o);
    }

    /** The annotation's levels as barriers (upper/lower), or null when it has none. */
    public static Barriers barriers(Annotation a) {
        if (!a.hasLevels()) {
            return null;
        }
        return a.direction() == AnnotationDirection.LONG ? new Barriers(a.takeProfit(), a.stopLoss()) : new Barriers(a.stopLoss(), a.takeProfit());
    }

    /** The label rule above, on the bars {@code path} between entry and exit. */
    public static Outcome outcome(Annotation a, BarSeries path, Timeframe tf, Barriers b) {
        double ret = 100.0 * Math.log(a.exitPrice() / a.entryPrice());
        Action byExit = a.pnlPct() > 0 ? a.direction().action() : Action.HOLD;
        if (b == null) {
            return new Outcome(byExit, ret, BarrierHit.ANNOTATED_EXIT, a.exitTime(), a.exitTime());
        }
        TripleBarrier.Walk w = TripleBarrier.walk(path, b.upper(), b.lower());
        boolean longSide = a.direction() == AnnotationDirection.LONG;
        return switch (w.touch()) {
            case UPPER -> longSide
                    ? new Outcome(Action.BUY, 100.0 * Math.log(b.upper() / a.entryPrice()), BarrierHit.PROFIT_TAKE, tf.closeTime(path.time(w.index())), a.exitTime())
                    : new Outcome(Action.HOLD, 100.0 * Math.log(b.upper() / a.entryPrice()), BarrierHit.STOP_LOSS, tf.closeTime(path.time(w.index())), a.exitTime());
            case LOWER -> longSide
                    ? new Outcome(Action.HOLD, 100.0 * Math.log(b.lower() / a.entryPrice()), BarrierHit.STOP_LOSS, tf.closeTime(path.time(w.index())), a.exitTime())
                    : new Outcome(Action.SELL, 100.0 * Math.log(b.lower() / a.entryPrice()), BarrierHit.PROFIT_TAKE, tf.closeTime(path.time(w.index())), a.exitTime());
            case BOTH -> new Outcome(Action.HOLD, 100.0 * Math.log(path.close(w.index()) / a.entryPrice()), BarrierHit.BOTH_IN_ONE_BAR,
                    tf.closeTime(path.time(w.index())), a.exitTime());
            case NONE -> new Outcome(byExit, ret, BarrierHit.TIME_LIMIT, a.exitTime(), a.exitTime());
        };
    }
}
