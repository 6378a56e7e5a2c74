package org.concord.training.samples;

import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.model.Action;
import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Pure expansion of one annotation into weighted samples by an {@link ExpansionRule}, on the annotation's
 * timeframe grid (bar open times {@code tf.floor(t) + k·tf}). Gaps in the data are not known here: a sample
 * whose bar is missing simply yields no frame when it is built.
 *
 * <p>Labels: a LONG's entry is BUY and its exit SELL; a SHORT's entry is SELL and its exit BUY; HOLD and NO_TRADE
 * bars are HOLD. A NO_TRADE annotation (a region) gives a NO_TRADE sample on every bar from its first to its last
 * mark and nothing around it (the region itself is the negative example). An entry and exit on the same bar give
 * one ENTRY and one EXIT sample on it.
 */
public final class SampleExpansion {
    private SampleExpansion() {
    }

    /** Every sample of {@code a}, oldest bar first (ENTRY before EXIT on a shared bar). */
    public static List<ExpandedSample> expand(Annotation a, ExpansionRule rule) {
        if (a == null || rule == null) {
            throw new IllegalArgumentException("annotation and rule are required");
        }
        Counts n = count(a, rule);
        if (n.total() > rule.maxSamples()) {
            throw new IllegalArgumentException("annotation " + a.id() + " would expand to " + n.total() + " samples, more than "
                    + rule.maxSamples() + " (a span of " + n.spanBars() + " " + a.timeframe().code() + " bars)");
        }
        Timeframe tf = a.timeframe();
        long step = tf.millis();
        long first = tf.floor(Math.min(a.entryTime(), a.exitTime()));
        long last = tf.floor(Math.max(a.entryTime(), a.exitTime()));
        List<ExpandedSample> out = new ArrayList<>((int) n.total());
        if (a.direction() == AnnotationDirection.NO_TRADE) {
            for (long t = first; t <= last; t += step) {
                out.add(sample(t, SampleKind.NO_TRADE, rule));
            }
            return Collections.unmodifiableList(out);
        }
        Action entryAction = a.direction().action();
        for (int k = rule.noTradeRadius(); k >= 1; k--) {
            out.add(sample(first - k * step, SampleKind.NO_TRADE, rule));
        }
        out.add(new ExpandedSample(first, SampleKind.ENTRY, entryAction, rule.entryWeight()));
        for (long t = first + step; t < last; t += step) {
            out.add(sample(t, SampleKind.HOLD, rule));
        }
        out.add(new ExpandedSample(last, SampleKind.EXIT, entryAction.opposite(), rule.exitWeight()));
        for (int k = 1; k <= rule.noTradeRadius(); k++) {
            out.add(sample(last + k * step, SampleKind.NO_TRADE, rule));
        }
        return Collections.unmodifiableList(out);
    }

    private static ExpandedSample sample(long t, SampleKind kind, ExpansionRule rule) {
        return new ExpandedSample(t, kind, Action.HOLD, rule.weight(kind));
    }

    /**
     * How many samples of each kind {@code a} yields, without building them (what the annotation list shows).
     *
     * @param spanBars bars from entry to exit inclusive
     */
    public record Counts(int entry, int hold, int exit, int noTrade, long spanBars) {
        public long total() {
            return (long) entry + hold + exit + noTrade;
        }

        /** Sum of the weights: the annotation's share of the loss. */
        public double weight(ExpansionRule rule) {
            return entry * rule.entryWeight() + exit * rule.exitWeight() + hold * rule.holdWeight() + noTrade * rule.noTradeWeight();
        }

        public Map<SampleKind, Integer> asMap() {
            Map<SampleKind, Integer> m = new EnumMap<>(SampleKind.class);
            m.put(SampleKind.ENTRY, entry);
            m.put(SampleKind.HOLD, hold);
            m.put(SampleKind.EXIT, exit);
            m.put(SampleKind.NO_TRADE, noTrade);
            return m;
        }

        /** "1 entry · 12 hold · 1 exit · 30 no-trade = 44". */
        public String describe() {
            return entry + " entry · " + hold + " hold · " + exit + " exit · " + noTrade + " no-trade = " + total();
        }
    }

    public static Counts count(Annotation a, ExpansionRule rule) {
        if (a == null || rule == null) {
            throw new IllegalArgumentException("annotation and rule are required");
        }
        Timeframe tf = a.timeframe();
        long first = tf.floor(Math.min(a.entryTime(), a.exitTime()));
        long last = tf.floor(Math.max(a.entryTime(), a.exitTime()));
        long span = (last - first) / tf.millis() + 1;
        if (a.direction() == AnnotationDirection.NO_TRADE) {
            return new Counts(0, 0, 0, (int) Math.min(Integer.MAX_VALUE, span), span);
        }
        int hold = (int) Math.min(Integer.MAX_VALUE, Math.max(0, span - 2));
        return new Counts(1, hold, 1, 2 * rule.noTradeRadius(), span);
    }

    /** Counts summed over several annotations (the list's footer). */
    public static Counts total(List<Annotation> annotations, ExpansionRule rule) {
        if (annotations == null || rule == null) {
            throw new IllegalArgumentException("annotations and rule are required");
        }
        int e = 0;
        int h = 0;
        int x = 0;
        int n = 0;
        long span = 0;
        for (Annotation a : annotations) {
            Counts c = count(a, rule);
            e += c.entry();
            h += c.hold();
            x += c.exit();
            n += c.noTrade();
            span += c.spanBars();
        }
        return new Counts(e, h, x, n, span);
    }
}
