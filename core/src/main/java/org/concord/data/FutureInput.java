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
    /** The last wall-clock reading (feed threads race benignly on it: any reading is a true past value). */
    private volatile long lastRead = Long.MIN_VALUE / 2;

    FutureInput(LongSupplier wallClock, InputQuality quality) {
        this.wallClock = wallClock;
        this.quality = quality;
    }

    /**
     * Whether {@code time} lies beyond the wall clock plus {@code tolerance} ms (nothing built on the way: every input
     * asks). The clock is read only when {@code time} is not already behind the last reading: a clock read costs
     * about 30 ns on a VM, a replay of history asks a million times, and an input behind an earlier reading is behind
     * the clock now. The one input this admits that a fresh read would refuse is one dated inside a backward step of
     * the system clock (an NTP correction) taken since the last reading.
     */
    boolean beyond(long time, long tolerance) {
        long seen = lastRead;
        if (time <= seen + tolerance) {
            return false;
        }
        long now = wallClock.getAsLong();
        lastRead = now;
        return time > now + tolerance;
    }

    /** Counts and reports a refused input {@link #beyond} the clock, with the reading it was judged against. */
    void reject(String source, String position, long time, long tolerance, String what) {
        quality.report(source, position, InputIssue.FUTURE, what + " dated " + Instant.ofEpochMilli(time)
                + ", beyond the clock " + Instant.ofEpochMilli(lastRead) + " + " + tolerance + " ms: rejected");
    }
}
