package org.concord.training.loop;

import org.concord.annotation.Annotation;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameSpec;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.samples.ExpandedSample;
import org.concord.training.samples.ExpansionRule;
import org.concord.training.samples.AnnotationSamples;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds {@link SampleSet}s through the frame path: from stored (inference or annotation) frames, each rebuilt
 * and hash-verified (a mismatch is reported and the frame left out, never trained on), or from history with
 * triple-barrier labels at every {@code stride}-th base bar close, or from annotations expanded into weighted
 * samples ({@link AnnotationSamples}).
 */
public final class SampleBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(SampleBuilder.class);

    private final FrameBuilder frames;
    private final TripleBarrier labels;

    public SampleBuilder(FrameBuilder frames, TripleBarrier labels) {
        if (frames == null || labels == null) {
            throw new IllegalArgumentException("frame builder and label rule are required");
        }
        this.frames = frames;
        this.labels = labels;
    }

    /** Matured frames (their stored outcome is the label), rebuilt and verified. */
    public SampleSet fromFrames(Symbol symbol, List<InferenceFrameReference> matured) {
        FrameSpec spec = frames.spec();
        List<InferenceFrameReference> sorted = new ArrayList<>(matured);
        sorted.sort(Comparator.comparingLong(InferenceFrameReference::windowEnd).thenComparing(InferenceFrameReference::id));
        List<String> rejected = new ArrayList<>();
        Acc acc = new Acc(spec, sorted.size());
        for (InferenceFrameReference ref : sorted) {
            if (!ref.symbol().equals(symbol) || ref.outcome() == null) {
                rejected.add("frame " + ref.id() + (ref.outcome() == null ? " not matured" : " of another symbol: " + ref.symbol()));
                continue;
            }
            FrameBuilder.Rebuilt r = frames.rebuild(ref);
            if (!r.ok()) {
                rejected.add(r.mismatch());
                continue;
            }
            acc.add(r.frame().input(), ref.outcome().label().ordinal(), ref.windowEnd(), Math.max(ref.horizonEnd(), ref.outcome().exitTime()),
                    ref.outcome().returnPct(), ref.id(), 1.0, r.frame().entryPrice());
        }
        long from = sorted.isEmpty() ? 0 : sorted.get(0).windowEnd();
        long to = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).horizonEnd();
        int bars = (int) Math.min(Integer.MAX_VALUE, frames.source().range(symbol, spec.base(), from, to, Integer.MAX_VALUE).size());
        logRejected(rejected, sorted.size());
        return acc.build(symbol, bars, from, to, rejected);
    }

    /** One line for all the frames left out (counted by reason), never one line per frame. */
    private static void logRejected(List<String> rejected, int of) {
        if (rejected.isEmpty()) {
            return;
        }
        Map<String, Integer> byReason = new TreeMap<>();
        for (String why : rejected) {
            // "frame <id> <reason>: <details>" → "<reason>"
            int colon = why.indexOf(':');
            String head = colon < 0 ? why : why.substring(0, colon);
            int afterId = head.startsWith("frame ") ? head.indexOf(' ', 6) : -1;
            byReason.merge(afterId < 0 ? "other" : head.substring(afterId + 1), 1, Integer::sum);
        }
        LOG.warn("not training on {} of {} frames ({}); first: {}", rejected.size(), of, byReason, rejected.get(0));
    }

    /**
     * Samples at the close of every {@code stride}-th base bar of {@code history} (the base series, oldest first)
     * whose label horizon lies inside it, labelled by the triple-barrier rule.
     */
    public SampleSet fromHistory(Symbol symbol, BarSeries history, int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, got " + stride);
        }
        FrameSpec spec = frames.spec();
        Timeframe tf = spec.base();
        if (history.timeframe() != tf) {
            throw new IllegalArgumentException("history is " + history.timeframe() + ", the frame spec's base is " + tf);
        }
        if (history.isEmpty()) {
            return new Acc(spec, 0).build(symbol, 0, 0, 0, List.of());
        }
        long dataEnd = tf.closeTime(history.lastTime());
        long horizon = labels.horizonMs(tf);
        Acc acc = new Acc(spec, history.size() / stride + 1);
        for (int i = 0; i < history.size(); i += stride) {
            long t = tf.closeTime(history.time(i));
            if (t + horizon > dataEnd) {
                break;
            }
            Frame f = frames.build(symbol, t);
            InferenceFrameReference.Outcome o = labels.label(frames.source(), symbol, tf, t, f.entryPrice(), null, Action.HOLD, t + horizon);
            acc.add(f.input(), o.label().ordinal(), t, t + horizon, o.returnPct(), null, 1.0, f.entryPrice());
        }
        return acc.build(symbol, history.size(), history.time(0), dataEnd, List.of());
    }

    /**
     * Every annotation expanded by {@code rule} into one weighted sample per bar (ENTRY, HOLD, EXIT, NO_TRADE; where
     * annotations meet, what the person marked wins over an implicit NO_TRADE: {@link AnnotationSamples}). The
     * sample of bar {@code t} (an open time on the annotation's timeframe) is the frame whose window ends at
     * {@code spec.base().floor(t)}, as {@code AnnotationFrames} does for the entry: it sees no bar closing after
     * the bar opened, so no part of the bar it labels. Its label is the expansion's action (long: ENTRY→BUY,
     * EXIT→SELL; short: ENTRY→SELL, EXIT→BUY; HOLD and NO_TRADE→HOLD) and its weight the rule's class weight. All
     * samples of one annotation share one horizon end (the close of its last expanded bar), so walk-forward purging
     * never splits an annotation between train and test. A bar whose frame cannot be built (no data there) is
     * left out and reported in {@code rejected}, one line per annotation.
     *
     * @param returnsPct of a sample: 100·ln(annotated exit price / the sample's entry price) up to the exit bar, 0 after
     */
    public SampleSet fromAnnotations(Symbol symbol, List<Annotation> annotations, ExpansionRule rule) {
        if (symbol == null || annotations == null || rule == null) {
            throw new IllegalArgumentException("symbol, annotations and rule are required");
        }
        FrameSpec spec = frames.spec();
        Timeframe base = spec.base();
        record Row(ExpandedSample s, Annotation a, long windowEnd, long horizonEnd) {
        }
        for (Annotation a : annotations) {
            if (a == null || !a.symbol().equals(symbol)) {
                throw new IllegalArgumentException("annotation " + (a == null ? "null" : a.id() + " is for " + a.symbol()) + ", not " + symbol);
            }
        }
        List<List<ExpandedSample>> all = AnnotationSamples.expand(annotations, rule);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            Annotation a = annotations.get(i);
            List<ExpandedSample> expanded = all.get(i);
            long horizonEnd = a.timeframe().closeTime(expanded.get(expanded.size() - 1).barTime());
            for (ExpandedSample e : expanded) {
                rows.add(new Row(e, a, base.floor(e.barTime()), horizonEnd));
            }
        }
        rows.sort(Comparator.comparingLong(Row::windowEnd));
        List<String> rejected = new ArrayList<>();
        Map<String, Integer> missing = new LinkedHashMap<>();
        Map<String, String> firstError = new HashMap<>();
        Acc acc = new Acc(spec, rows.size());
        for (Row row : rows) {
            Annotation a = row.a();
            Frame f;
            try {
                f = frames.build(symbol, row.windowEnd());
            } catch (RuntimeException e) {
                missing.merge(a.id(), 1, Integer::sum);
                firstError.putIfAbsent(a.id(), e.getMessage());
                continue;
            }
            boolean afterExit = row.s().barTime() > a.timeframe().floor(Math.max(a.entryTime(), a.exitTime()));
            double ret = afterExit || !(f.entryPrice() > 0) ? 0 : 100.0 * Math.log(a.exitPrice() / f.entryPrice());
            acc.add(f.input(), row.s().label().ordinal(), row.windowEnd(), row.horizonEnd(), ret,
                    "ann-" + a.id() + "#" + row.s().kind() + "@" + row.s().barTime(), row.s().weight(), f.entryPrice());
        }
        missing.forEach((id, k) -> {
            String why = "annotation " + id + ": " + k + " expanded bar(s) have no frame (" + firstError.get(id) + ")";
            LOG.warn("not training on {}", why);
            rejected.add(why);
        });
        long from = rows.isEmpty() ? 0 : rows.get(0).windowEnd();
        long to = 0;
        for (Row r : rows) {
            to = Math.max(to, r.horizonEnd());
        }
        int bars = rows.isEmpty() ? 0 : (int) Math.min(Integer.MAX_VALUE, frames.source().range(symbol, base, from, to, Integer.MAX_VALUE).size());
        return acc.build(symbol, bars, from, to, rejected);
    }

    /** Growing columns. */
    private static final class Acc {
        private final FrameSpec spec;
        private float[] x;
        private int[] y;
        private long[] t;
        private long[] h;
        private double[] r;
        private String[] ids;
        private double[] w;
        private double[] px;
        private boolean anyId;
        private int n;

        Acc(FrameSpec spec, int cap) {
            this.spec = spec;
            cap = Math.max(16, cap);
            x = new float[cap * spec.inputLength()];
            y = new int[cap];
            t = new long[cap];
            h = new long[cap];
            r = new double[cap];
            ids = new String[cap];
            w = new double[cap];
            px = new double[cap];
        }

        void add(float[] input, int label, long time, long horizonEnd, double ret, String id, double weight, double entryPrice) {
            if (n == y.length) {
                int cap = n * 2;
                x = Arrays.copyOf(x, cap * spec.inputLength());
                y = Arrays.copyOf(y, cap);
                t = Arrays.copyOf(t, cap);
                h = Arrays.copyOf(h, cap);
                r = Arrays.copyOf(r, cap);
                ids = Arrays.copyOf(ids, cap);
                w = Arrays.copyOf(w, cap);
                px = Arrays.copyOf(px, cap);
            }
            System.arraycopy(input, 0, x, n * spec.inputLength(), spec.inputLength());
            y[n] = label;
            t[n] = time;
            h[n] = horizonEnd;
            r[n] = ret;
            ids[n] = id;
            w[n] = weight;
            px[n] = entryPrice;
            anyId |= id != null;
            n++;
        }

        SampleSet build(Symbol symbol, int bars, long from, long to, List<String> rejected) {
            return new SampleSet(symbol, spec, Arrays.copyOf(x, n * spec.inputLength()), Arrays.copyOf(y, n), Arrays.copyOf(t, n),
                    Arrays.copyOf(h, n), Arrays.copyOf(r, n), anyId ? Arrays.copyOf(ids, n) : null, bars, from, to, rejected, Arrays.copyOf(w, n), Arrays.copyOf(px, n));
        }
    }
}
