package org.concord.modules.strategy.crashpattern;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * One library window: its name and its path of closes, z-normalized at load (so only the shape counts, not the
 * price level or the size of the move).
 *
 * @param file      the file it was read from (null for a pattern built in memory)
 * @param knownFrom the first time (epoch ms) a detector may use it: a window cut from history is known only once
 *                  its episode was over, so a backtest of that period cannot match the crash it is about to see;
 *                  {@link #ALWAYS} for a pattern with no time of its own
 */
public record Pattern(String name, double[] values, Path file, long knownFrom) {
    public static final long ALWAYS = Long.MIN_VALUE;

    public Pattern {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a pattern needs a name");
        }
        if (values == null || values.length < 2) {
            throw new IllegalArgumentException("pattern " + name + " needs at least 2 values");
        }
        values = values.clone();
    }

    /** A pattern with no time of its own (usable at any time). */
    public Pattern(String name, double[] values, Path file) {
        this(name, values, file, ALWAYS);
    }

    /** A pattern from raw closes (normalized here), usable at any time. */
    public static Pattern of(String name, double[] closes, Path file) {
        return of(name, closes, file, ALWAYS);
    }

    /** A pattern from raw closes (normalized here); refuses non-finite values and a flat path (no shape). */
    public static Pattern of(String name, double[] closes, Path file, long knownFrom) {
        for (double c : closes) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("non-finite value " + c);
            }
        }
        double min = Arrays.stream(closes).min().orElse(0);
        double max = Arrays.stream(closes).max().orElse(0);
        if (min == max) {
            throw new IllegalArgumentException("a flat path has no shape");
        }
        double[] z = new double[closes.length];
        Dtw.normalize(closes, closes.length, z);
        return new Pattern(name, z, file, knownFrom);
    }

    /** True when a detector deciding at {@code time} may use it. */
    public boolean knownAt(long time) {
        return knownFrom <= time;
    }

    public int length() {
        return values.length;
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    /** The normalized values without a copy (for the detector's inner loop; never modified). */
    double[] raw() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pattern p && p.name.equals(name) && p.knownFrom == knownFrom && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Pattern[" + name + ", " + values.length + " values]";
    }
}
