package org.concord.data;

import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * The DataProvider's clock-sanity rule: no input may be dated beyond the wall clock plus a tolerance (one interval
 * for a bar, {@link DataProvider#FUTURE_TOLERANCE_MS} for a trade, book or clock tick). A refused input is counted as
 * {@link InputIssue#FUTURE} with one line saying by how much.
 */
final class FutureInput {
    private final LongSupplier wallClock;
    private final InputQuality quality;

    FutureInput(LongSupplier wallClock, InputQuality quality) {
        this.wallClock = wallClock;
        this.quality = quality;
    }

    /** Whether {@code time} lies beyond the wall clock plus {@code tolerance} ms (nothing built on the way: every input asks). */
    boolean beyond(long time, long tolerance) {
        return time > wallClock.getAsLong() + tolerance;
    }

    /** Counts and reports a refused input {@link #beyond} the clock, with by how much. */
    void reject(String source, String position, long time, long tolerance, String what) {
        quality.report(source, position, InputIssue.FUTURE, what + " dated " + Instant.ofEpochMilli(time)
                + ", beyond the clock " + Instant.ofEpochMilli(wallClock.getAsLong()) + " + " + tolerance + " ms: rejected");
    }
}
