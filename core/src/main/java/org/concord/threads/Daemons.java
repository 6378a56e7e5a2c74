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

    /**
     * Daemon threads named {@code name}, at normal priority. There is no lower one: Linux ignores Java's thread
     * priorities, and an OS-level nice for training was tried and taken out (docs/training.md).
     */
    public static ThreadFactory named(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a thread needs a name");
        }
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
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
