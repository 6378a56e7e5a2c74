package org.concord.annotate;

import javafx.application.Platform;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs an FX update at most once per hand-over however often it is requested (from any thread): bursts of
 * training events or view changes become one redraw on the next pulse.
 */
public final class FxCoalescer {
    private final Runnable update;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    public FxCoalescer(Runnable update) {
        this.update = update;
    }

    public void request() {
        if (scheduled.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                scheduled.set(false);
                update.run();
            });
        }
    }
}
