package org.concord.app.shell;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.concord.threads.Daemons;

/**
 * The presenters' worker thread: snapshot building, polls, DataProvider queries and bus publishes happen here,
 * never on the FX thread.
 */
public final class Presenters implements AutoCloseable {
    private final ScheduledExecutorService exec = Executors.newSingleThreadScheduledExecutor(Daemons.named("concord-presenters"));

    public ScheduledFuture<?> every(long millis, Runnable task) {
        return exec.scheduleWithFixedDelay(guard(task), 0, millis, TimeUnit.MILLISECONDS);
    }

    public void run(Runnable task) {
        exec.execute(guard(task));
    }

    private static Runnable guard(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(Presenters.class).warn("presenter task failed: {}", e.toString(), e);
            }
        };
    }

    @Override
    public void close() {
        exec.shutdownNow();
    }
}
