package org.concord.annotation;

import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A person's label on a chart frame. Prices and times are the annotated ones; {@code pnlPct} is derived
 * ({@code sign · 100 · (exit/entry − 1)}, 0 for NO_TRADE) and checked. Optional stop-loss/take-profit (NaN when
 * absent) must sit on the right sides of the entry and become the triple-barrier levels of this sample's label.
 * {@code frame} is the market-context frame reference at entry (null only in a draft not yet saved).
 */
public record Annotation(String id, Symbol symbol, Timeframe timeframe, long entryTime, double entryPrice, long exitTime,
                         double exitPrice, AnnotationDirection direction, double pnlPct, double stopLoss, double takeProfit,
                         List<String> tags, String note, long createdAt, long updatedAt, String author,
                         InferenceFrameReference frame) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    public Annotation {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("annotation id must be 1-64 letters, digits or . _ : -, got '" + id + "'");
        }
        if (symbol == null || timeframe == null || direction == null) {
            throw new IllegalArgumentException("annotation " + id + ": symbol, timeframe and direction are required");
        }
        if (!(entryPrice > 0) || !(exitPrice > 0) || Double.isInfinite(entryPrice) || Double.isInfinite(exitPrice)) {
            throw new IllegalArgumentException("annotation " + id + ": entry and exit prices must be finite and > 0 (entry=" + entryPrice + ", exit=" + exitPrice + ")");
        }
        if (exitTime <= entryTime) {
            // instants in ISO-8601 UTC, never raw epoch milliseconds: a person reads this (the UI shows it in their zone)
            throw new IllegalArgumentException("annotation " + id + ": exit time " + Instant.ofEpochMilli(exitTime) + " must be after entry time "
                    + Instant.ofEpochMilli(entryTime));
        }
        double expected = pnl(direction, entryPrice, exitPrice);
        if (Double.isNaN(pnlPct)) {
            pnlPct = expected;
        } else if (Math.abs(pnlPct - expected) > 1e-6 * Math.max(1, Math.abs(expected))) {
            throw new IllegalArgumentException("annotation " + id + ": pnlPct " + pnlPct + " does not match entry/exit/direction (" + expected + ")");
        }
        checkLevels(id, direction, entryPrice, stopLoss, takeProfit);
        tags = tags == null ? List.of() : List.copyOf(tags);
        for (String t : tags) {
            if (t == null || t.isBlank()) {
                throw new IllegalArgumentException("annotation " + id + ": blank tag");
            }
        }
        note = note == null ? "" : note;
        author = author == null ? "" : author;
        if (updatedAt < createdAt) {
            throw new IllegalArgumentException("annotation " + id + ": updatedAt before createdAt");
        }
        if (frame != null && (!frame.symbol().equals(symbol) || frame.source() != InferenceFrameReference.Source.ANNOTATION)) {
            throw new IllegalArgumentException("annotation " + id + ": frame must be an ANNOTATION frame of " + symbol);
        }
    }

    static double pnl(AnnotationDirection d, double entry, double exit) {
        return d == AnnotationDirection.NO_TRADE ? 0.0 : d.sign() * 100.0 * (exit / entry - 1.0);
    }

    private static void checkLevels(String id, AnnotationDirection d, double entry, double sl, double tp) {
        boolean hasSl = !Double.isNaN(sl);
        boolean hasTp = !Double.isNaN(tp);
        if ((hasSl && !(sl > 0 && !Double.isInfinite(sl))) || (hasTp && !(tp > 0 && !Double.isInfinite(tp)))) {
            throw new IllegalArgumentException("annotation " + id + ": stop-loss/take-profit must be finite and > 0");
        }
        if (d == AnnotationDirection.NO_TRADE && (hasSl || hasTp)) {
            throw new IllegalArgumentException("annotation " + id + ": a NO_TRADE region has no stop-loss/take-profit");
        }
        if (d == AnnotationDirection.LONG && ((hasSl && sl >= entry) || (hasTp && tp <= entry))) {
            throw new IllegalArgumentException("annotation " + id + ": a long needs stop-loss < entry " + entry + " < take-profit (sl=" + sl + ", tp=" + tp + ")");
        }
        if (d == AnnotationDirection.SHORT && ((hasSl && sl <= entry) || (hasTp && tp >= entry))) {
            throw new IllegalArgumentException("annotation " + id + ": a short needs take-profit < entry " + entry + " < stop-loss (sl=" + sl + ", tp=" + tp + ")");
        }
    }

    /** The id of annotation {@code annotationId}'s own frame: an annotation owns this frame and no other. */
    public static String frameId(String annotationId) {
        return "ann-" + annotationId;
    }

    public boolean hasLevels() {
        return !Double.isNaN(stopLoss) || !Double.isNaN(takeProfit);
    }

    /** A draft (no frame yet, pnl derived). */
    public static Annotation draft(String id, Symbol symbol, Timeframe tf, long entryTime, double entryPrice, long exitTime, double exitPrice,
                                   AnnotationDirection direction, double stopLoss, double takeProfit, List<String> tags, String note,
                                   String author, long now) {
        return new Annotation(id, symbol, tf, entryTime, entryPrice, exitTime, exitPrice, direction, Double.NaN, stopLoss, takeProfit,
                tags, note, now, now, author, null);
    }

    public Annotation withFrame(InferenceFrameReference f) {
        return new Annotation(id, symbol, timeframe, entryTime, entryPrice, exitTime, exitPrice, direction, pnlPct, stopLoss, takeProfit,
                tags, note, createdAt, updatedAt, author, f);
    }

    public Annotation withUpdatedAt(long t) {
        return new Annotation(id, symbol, timeframe, entryTime, entryPrice, exitTime, exitPrice, direction, pnlPct, stopLoss, takeProfit,
                tags, note, createdAt, t, author, frame);
    }
}
