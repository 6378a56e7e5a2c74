package org.concord.training;

import org.concord.bus.Subscription;
import org.concord.threads.Daemons;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The automatic training triggers of one coordinator: "every N matured frames" rules counted as frames mature, and
 * "every period" schedules on a timer thread. Each fires a training request only when the coordinator is idle (the
 * request coalesces); closing a rule's handle removes it.
 */
final class TriggerRules implements AutoCloseable {
    private record CountRule(int every, AtomicInteger seen) {
    }

    private final Consumer<String> requestIfIdle;
    private final List<CountRule> countRules = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Daemons.named("concord-training-timer"));

    /** {@code requestIfIdle} asks for a training with a reason (skipped while one is queued or running). */
    TriggerRules(Consumer<String> requestIfIdle) {
        this.requestIfIdle = requestIfIdle;
    }

    /** Registers a count or schedule rule ({@link TrainingTrigger.OnRequest} is the caller's, not a rule). */
    Subscription add(TrainingTrigger trigger) {
        if (trigger instanceof TrainingTrigger.EveryMaturedFrames c) {
            CountRule rule = new CountRule(c.count(), new AtomicInteger());
            countRules.add(rule);
            return () -> countRules.remove(rule);
        }
        if (trigger instanceof TrainingTrigger.Every e) {
            long ms = e.period().toMillis();
            ScheduledFuture<?> f = timer.scheduleAtFixedRate(() -> requestIfIdle.accept("schedule every " + e.period()), ms, ms, TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }
        throw new IllegalArgumentException("not a rule: " + trigger);
    }

    /** {@code n} more frames matured: fires every count rule whose count is reached. */
    void matured(int n) {
        if (n == 0) {
            return;
        }
        for (CountRule rule : countRules) {
            if (rule.seen().addAndGet(n) >= rule.every()) {
                rule.seen().set(0);
                requestIfIdle.accept(rule.every() + " more matured frames");
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
