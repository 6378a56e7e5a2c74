package org.concord.app.shell;

import javafx.animation.AnimationTimer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The one place where snapshots reach the FX thread: each pulse every registered view takes the latest snapshot
 * its presenter offered (if any) and applies it — at most one per view per pulse, however many events arrived.
 */
public final class FxPulse {
    private final List<Runnable> targets = new CopyOnWriteArrayList<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            for (Runnable t : targets) {
                t.run();
            }
        }
    };

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** Applies {@code slot}'s latest snapshot with {@code apply} on each pulse that has one. */
    public <S> void bind(Slot<S> slot, Consumer<S> apply) {
        targets.add(() -> {
            S s = slot.take();
            if (s != null) {
                apply.accept(s);
            }
        });
    }

    /** A latest-wins hand-over from a presenter thread to the FX thread. */
    public static final class Slot<S> {
        private final AtomicReference<S> ref = new AtomicReference<>();

        public void offer(S s) {
            ref.set(s);
        }

        public S take() {
            return ref.getAndSet(null);
        }
    }
}
