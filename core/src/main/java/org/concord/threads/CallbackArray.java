package org.concord.threads;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Callbacks called on a hot path (every bar, every decision) without an iterator: a copy-on-write array replaced
 * whole on a change (rare: set-up and tear-down), read with one volatile load. A {@code CopyOnWriteArrayList}
 * allocated an iterator for every event it delivered.
 */
public final class CallbackArray<T> {
    private final IntFunction<T[]> newArray;
    private volatile T[] items;

    /** @param newArray makes an array of the callback type ({@code Consumer[]::new}) */
    public CallbackArray(IntFunction<T[]> newArray) {
        this.newArray = newArray;
        this.items = newArray.apply(0);
    }

    public synchronized void add(T callback) {
        if (callback == null) {
            throw new IllegalArgumentException("callback is null");
        }
        T[] a = Arrays.copyOf(items, items.length + 1);
        a[items.length] = callback;
        items = a;
    }

    /** Removes the first occurrence of {@code callback} (idempotent). */
    public synchronized void remove(T callback) {
        T[] a = items;
        for (int i = 0; i < a.length; i++) {
            if (a[i] == callback) {
                T[] b = newArray.apply(a.length - 1);
                System.arraycopy(a, 0, b, 0, i);
                System.arraycopy(a, i + 1, b, i, a.length - i - 1);
                items = b;
                return;
            }
        }
    }

    /** The callbacks now, in the order added: iterate it, never write it. */
    public T[] items() {
        return items;
    }

    public boolean isEmpty() {
        return items.length == 0;
    }
}
