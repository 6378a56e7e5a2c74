package org.concord.annotate;

import javafx.application.Platform;
import org.concord.annotation.AnnotationImportException;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The workspace's one background thread: every DataProvider query, SQLite write and training call runs here,
 * in submission order (so an undo never overtakes the save it undoes), and its result is handed back to the FX
 * thread with {@link Platform#runLater}. The FX thread never waits on it.
 */
public final class Background implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final ExecutorService exec;
    private final Consumer<String> onError;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile boolean closed;

    /** @param onError called on the FX thread with a one-line message when a task fails */
    public Background(Consumer<String> onError) {
        this.onError = onError;
        this.exec = Executors.newSingleThreadExecutor(Daemons.named("concord-annotate-" + SEQ.incrementAndGet()));
    }

    /** Runs {@code work} off the FX thread, then {@code onFx} with its result on the FX thread (skipped if it failed). */
    public <T> void run(String what, Callable<T> work, Consumer<T> onFx) {
        run(what, work, onFx, null);
    }

    /** As {@link #run(String, Callable, Consumer)}; {@code onFail} (FX thread, may be null) runs when the work failed. */
    public <T> void run(String what, Callable<T> work, Consumer<T> onFx, Runnable onFail) {
        if (closed) {
            return;
        }
        pending.incrementAndGet();
        exec.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Exception | Error e) {
                String msg = what + " failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                boolean expected = e instanceof IllegalArgumentException || e instanceof AnnotationImportException;
                if (expected) {
                    LOG.warn(msg); // bad input the person can fix: the message says what
                } else {
                    LOG.warn(msg, e);
                }
                Platform.runLater(() -> {
                    try {
                        if (onFail != null) {
                            onFail.run();
                        }
                        onError.accept(msg);
                    } finally {
                        pending.decrementAndGet();
                    }
                });
                return;
            }
            Platform.runLater(() -> {
                try {
                    if (!closed && onFx != null) {
                        onFx.accept(result);
                    }
                } finally {
                    pending.decrementAndGet();
                }
            });
        });
    }

    /** Fire-and-forget work with no FX result. */
    public void run(String what, Runnable work) {
        run(what, () -> {
            work.run();
            return null;
        }, null);
    }

    /** Tasks submitted whose FX hand-back has not run yet (tests wait for 0). */
    public int pending() {
        return pending.get();
    }

    @Override
    public void close() {
        closed = true;
        exec.shutdown();
        try {
            if (!exec.awaitTermination(5, TimeUnit.SECONDS)) {
                exec.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
