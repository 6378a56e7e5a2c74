package org.concord.coordination;

import java.util.List;

/**
 * How many samples a coordination history keeps. A backtest keeps every one (its report needs them); a live engine,
 * on the desk or {@code serve} all day, keeps its newest: the histories grew with every bar, and with the cached bars
 * and the chart they filled the desk's 512 MB heap within minutes of a max-speed replay.
 */
public final class Retention {
    /** Every sample (a backtest). */
    public static final Retention ALL = new Retention(Integer.MAX_VALUE);

    private final int max;

    private Retention(int max) {
        this.max = max;
    }

    /** At most {@code max} samples (at least 4): past it, the older half goes at once (amortised O(1) per sample). */
    public static Retention newest(int max) {
        if (max < 4) {
            throw new IllegalArgumentException("a history keeps at least 4 samples, got " + max);
        }
        return new Retention(max);
    }

    public int max() {
        return max;
    }

    /** Drops the oldest entries of {@code history} when it holds more than {@link #max}, down to half of it. */
    public void apply(List<?> history) {
        if (history.size() > max) {
            history.subList(0, history.size() - max / 2).clear();
        }
    }
}
