package org.concord.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The most recent {@code capacity} events of a kind, and how many there were in all. A workstation open for weeks,
 * or a backtest over a million bars, records an event per refused entry or resolved conflict on many bars: kept whole,
 * those lists grew without bound (122,168 risk events in a 94,000-bar backtest of the full preset, all of them in
 * its report). Single writer; read on the writer's thread.
 *
 * @param <T> the event type
 */
public final class RecentEvents<T> {
    private final Object[] ring;
    private long total;

    public RecentEvents(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.ring = new Object[capacity];
    }

    public void add(T event) {
        if (event == null) {
            throw new IllegalArgumentException("event is null");
        }
        ring[(int) (total % ring.length)] = event;
        total++;
    }

    /** Events recorded since the start, including those no longer kept. */
    public long total() {
        return total;
    }

    public int capacity() {
        return ring.length;
    }

    /** The kept events, oldest first (a copy). */
    @SuppressWarnings("unchecked")
    public List<T> list() {
        int n = (int) Math.min(total, ring.length);
        List<T> out = new ArrayList<>(n);
        long first = total - n;
        for (long i = first; i < total; i++) {
            out.add((T) ring[(int) (i % ring.length)]);
        }
        return Collections.unmodifiableList(out);
    }
}
