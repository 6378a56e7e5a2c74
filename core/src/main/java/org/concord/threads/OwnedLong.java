package org.concord.threads;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A long that one thread writes and any thread reads (a counter or clock of the decision thread that a status or
 * the UI shows). The owner stores with release semantics, a plain store on x86, where a {@code volatile} write costs
 * a full fence; a reader's acquire load still sees every write the owner made before, as the Disruptor's sequences
 * do. Only one thread at a time may call {@link #set} or {@link #increment}: the owner, or callers serialized by a
 * lock (a synchronous decision loop's feeds); two writers at once would lose counts.
 */
public final class OwnedLong {
    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(OwnedLong.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through VALUE
    private long value;

    public OwnedLong() {
    }

    public OwnedLong(long initial) {
        value = initial;
    }

    /** The latest value the owner published (any thread). */
    public long get() {
        return (long) VALUE.getAcquire(this);
    }

    /** Publishes {@code v} (the owner only). */
    public void set(long v) {
        VALUE.setRelease(this, v);
    }

    /** Adds one and returns the new value (the owner only). */
    public long increment() {
        long v = (long) VALUE.get(this) + 1;
        VALUE.setRelease(this, v);
        return v;
    }
}
