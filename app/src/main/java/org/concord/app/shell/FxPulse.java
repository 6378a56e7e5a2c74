package org.concord.app.shell;

import javafx.application.Platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one place where snapshots reach the FX thread: when a presenter offers a snapshot, one drain is scheduled on the
 * FX thread, and it hands every bound view the latest snapshot its presenter offered (if any) — at most one per view
 * per drain, however many events arrived meanwhile. Nothing runs while nothing is offered: an idle desk (a paused
 * replay) does no FX work at all, where a per-frame timer woke the FX thread 60 times a second.
 */
public final class FxPulse {
    private final List<Runnable> targets = new CopyOnWriteArrayList<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean running;

    /**
     * Starts handing snapshots over. Called on the FX thread (a window's constructor), it applies what the presenters
     * offered so far at once, so the window's first frame already shows it: the live chart's history is queried while
     * the window is built, and a drain queued behind the first layout pass cost a loaded desk one more frame before
     * its first candles.
     */
    public void start() {
        running = true;
        if (Platform.isFxApplicationThread()) {
            drain();
        } else {
            wake();
        }
    }

    public void stop() {
        running = false;
    }

    /** Applies {@code slot}'s latest snapshot with {@code apply} whenever the slot is offered one. */
    public <S> void bind(Slot<S> slot, Consumer<S> apply) {
        targets.add(() -> {
            S s = slot.take();
            if (s != null) {
                apply.accept(s);
            }
        });
        slot.wakeWith(this::wake);
        wake(); // anything offered before the binding
    }

    private void wake() {
        if (running && scheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false); // offers from here on schedule the next drain
        if (!running) {
            return;
        }
        for (Runnable t : targets) {
            t.run();
        }
    }

    /** A latest-wins hand-over from a presenter thread to the FX thread. */
    public static final class Slot<S> {
        private final AtomicReference<S> ref = new AtomicReference<>();
        private volatile Runnable waker = () -> { };

        public void offer(S s) {
            ref.set(s);
            waker.run();
        }

        public S take() {
            return ref.getAndSet(null);
        }

        void wakeWith(Runnable w) {
            this.waker = w;
        }
    }
}
