package org.concord.training;

import org.concord.training.models.ModelBundle;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The active model of one model id, swapped atomically between two decisions. The decision thread takes a
 * {@link Lease} once per decision (one volatile read and one CAS; no lock) and uses that model for the whole
 * decision; {@link #swap} publishes a fully loaded new model, and the old one is closed only when the last
 * lease on it is returned, so no decision ever runs on a half-loaded or closed model.
 */
public final class ModelSlot {
    private final AtomicReference<Holder> current;
    private final AtomicLong swaps = new AtomicLong();

    public ModelSlot(ModelBundle initial) {
        if (initial == null) {
            throw new IllegalArgumentException("initial model is required (a cold-start bundle when there is none)");
        }
        current = new AtomicReference<>(new Holder(initial));
    }

    /** Reference-counted holder: the slot's own reference counts 1 until the holder is swapped out. */
    private static final class Holder {
        final ModelBundle bundle;
        final AtomicInteger refs = new AtomicInteger(1);

        Holder(ModelBundle bundle) {
            this.bundle = bundle;
        }

        boolean retain() {
            for (;;) {
                int r = refs.get();
                if (r == 0) {
                    return false;
                }
                if (refs.compareAndSet(r, r + 1)) {
                    return true;
                }
            }
        }

        void release() {
            if (refs.decrementAndGet() == 0) {
                bundle.close();
            }
        }
    }

    /** A model in use by one decision; close it when the decision is made. */
    public static final class Lease implements AutoCloseable {
        private final Holder holder;
        private boolean released;

        private Lease(Holder holder) {
            this.holder = holder;
        }

        public ModelBundle model() {
            if (released) {
                throw new IllegalStateException("lease already returned");
            }
            return holder.bundle;
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                holder.release();
            }
        }
    }

    public Lease acquire() {
        for (;;) {
            Holder h = current.get();
            if (h.retain()) {
                return new Lease(h);
            }
        }
    }

    /** The current model for a quick look (status): not for inference, which must hold a lease. */
    public ModelBundle peek() {
        return current.get().bundle;
    }

    /** Publishes {@code next}; the previous model is closed once no decision holds it. */
    public void swap(ModelBundle next) {
        if (next == null) {
            throw new IllegalArgumentException("next model is null");
        }
        Holder old = current.getAndSet(new Holder(next));
        swaps.incrementAndGet();
        old.release();
    }

    public long swaps() {
        return swaps.get();
    }

    /** Closes the current model (the slot is unusable afterwards). */
    void closeCurrent() {
        current.get().release();
    }
}
