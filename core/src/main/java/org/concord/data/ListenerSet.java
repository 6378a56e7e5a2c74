package org.concord.data;

import org.concord.bus.Subscription;

import java.util.Arrays;

/**
 * Listeners read on every event and changed rarely: an array replaced on each change, so delivering takes no lock
 * and allocates nothing (a {@code CopyOnWriteArrayList}'s for-each allocates an iterator per event).
 */
final class ListenerSet<T> {
    private volatile T[] items;

    ListenerSet(T[] empty) {
        this.items = empty;
    }

    synchronized Subscription add(T l) {
        if (l == null) {
            throw new IllegalArgumentException("listener is null");
        }
        T[] a = Arrays.copyOf(items, items.length + 1);
        a[a.length - 1] = l;
        items = a;
        return () -> remove(l);
    }

    /** Removes the first listener equal to {@code l} (none: nothing changes). */
    private synchronized void remove(T l) {
        T[] a = items;
        for (int i = 0; i < a.length; i++) {
            if (a[i].equals(l)) {
                T[] b = Arrays.copyOf(a, a.length - 1);
                System.arraycopy(a, i + 1, b, i, a.length - i - 1);
                items = b;
                return;
            }
        }
    }

    boolean isEmpty() {
        return items.length == 0;
    }

    /** The listeners now, in subscription order; never modified (a change replaces the array). */
    T[] items() {
        return items;
    }
}
