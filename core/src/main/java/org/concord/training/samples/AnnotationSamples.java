package org.concord.training.samples;

import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The samples of several annotations together, where they meet. Each annotation expands alone
 * ({@link SampleExpansion#expand}); together, what a person marked wins over what the rule inferred: a bar inside
 * another annotation's span (a trade's entry to exit, or a NO_TRADE region) is not also one of this annotation's
 * implicit NO_TRADE neighbours, and a bar in two annotations' neighbourhoods is one NO_TRADE sample, not two. Found in
 * a new trader's trial: two trades eight minutes apart read "2 entry · 41 hold · 2 exit · 60 no-trade", with bars of
 * each trade labelled HOLD (or ENTRY) by it and NO_TRADE by the other, so the model was taught both. Two spans the
 * person drew over each other keep both labels: those are the person's own.
 */
public final class AnnotationSamples {
    private AnnotationSamples() {
    }

    /** Each annotation's samples, in the order given, oldest bar first within each (its own are never empty). */
    public static List<List<ExpandedSample>> expand(List<Annotation> annotations, ExpansionRule rule) {
        if (annotations == null || rule == null) {
            throw new IllegalArgumentException("annotations and rule are required");
        }
        List<List<ExpandedSample>> out = new ArrayList<>(annotations.size());
        Set<String> neighbours = new HashSet<>(); // "symbol tf@barTime" of the implicit NO_TRADE samples kept so far
        for (int i = 0; i < annotations.size(); i++) {
            Annotation a = annotations.get(i);
            Timeframe tf = a.timeframe();
            List<ExpandedSample> kept = new ArrayList<>();
            for (ExpandedSample s : SampleExpansion.expand(a, rule)) {
                boolean implicit = s.kind() == SampleKind.NO_TRADE && a.direction() != AnnotationDirection.NO_TRADE;
                if (!implicit || (!insideAnother(annotations, i, s.barTime(), tf.closeTime(s.barTime()))
                        && neighbours.add(a.symbol() + " " + tf.code() + "@" + s.barTime()))) {
                    kept.add(s);
                }
            }
            out.add(List.copyOf(kept));
        }
        return List.copyOf(out);
    }

    /** How many samples of each kind the annotations yield together (the annotation list's footer). */
    public static SampleExpansion.Counts count(List<Annotation> annotations, ExpansionRule rule) {
        int[] n = new int[SampleKind.values().length];
        for (List<ExpandedSample> samples : expand(annotations, rule)) {
            samples.forEach(s -> n[s.kind().ordinal()]++);
        }
        long span = SampleExpansion.total(annotations, rule).spanBars();
        return new SampleExpansion.Counts(n[SampleKind.ENTRY.ordinal()], n[SampleKind.HOLD.ordinal()], n[SampleKind.EXIT.ordinal()],
                n[SampleKind.NO_TRADE.ordinal()], span);
    }

    /** Whether [from, to) overlaps the span of another annotation of the {@code self}-th's symbol. */
    private static boolean insideAnother(List<Annotation> annotations, int self, long from, long to) {
        for (int j = 0; j < annotations.size(); j++) {
            Annotation b = annotations.get(j);
            if (j == self || !b.symbol().equals(annotations.get(self).symbol())) {
                continue;
            }
            long start = b.timeframe().floor(Math.min(b.entryTime(), b.exitTime()));
            long end = b.timeframe().closeTime(b.timeframe().floor(Math.max(b.entryTime(), b.exitTime())));
            if (from < end && start < to) {
                return true;
            }
        }
        return false;
    }
}
