package org.concord.threads;

import java.util.concurrent.ThreadFactory;

/**
 * Where Concord's background threads come from: each is a named daemon (a closing desk or server never waits on
 * one; the name says whose it is in a thread dump and in the log lines it writes). One factory instead of a
 * hand-written one per executor.
 */
public final class Daemons {
    private Daemons() {
    }

    /** Daemon threads named {@code name}, normal priority. */
    public static ThreadFactory named(String name) {
        return named(name, Thread.NORM_PRIORITY);
    }

    /**
     * Daemon threads named {@code name} for work that must not compete with decisions (training, a desk backtest):
     * each lowers its own OS priority before its first task ({@link BackgroundPriority}), so on a busy machine the
     * decision and feed threads get the CPU first.
     */
    public static ThreadFactory background(String name) {
        ThreadFactory plain = named(name, Thread.MIN_PRIORITY);
        return r -> plain.newThread(() -> {
            BackgroundPriority.lowerCurrentThread();
            r.run();
        });
    }

    private static ThreadFactory named(String name, int priority) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a thread needs a name");
        }
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            t.setPriority(priority);
            return t;
        };
    }

    /** A daemon thread named {@code name} running {@code task}, started. */
    public static Thread start(Runnable task, String name) {
        Thread t = named(name).newThread(task);
        t.start();
        return t;
    }
}
