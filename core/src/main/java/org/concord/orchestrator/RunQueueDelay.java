package org.concord.orchestrator;

import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * How long the calling thread has waited, runnable but not running, for a CPU (Linux: the second field of
 * {@code /proc/thread-self/schedstat}, nanoseconds since the thread started). The guard reads it at each decision's
 * start and again when a call overran its budget: a call that overran only because another process had the core
 * (a loaded 2-core machine) is excused, a call that burnt its own time is not.
 *
 * <p>One instance per decision thread; it keeps the file open (≈1–2 µs per read) and reopens it when asked from
 * another thread, because {@code /proc/thread-self} resolves to the thread that opened it. Where the file does not
 * exist (not Linux, no schedstats), {@link #available()} is false and {@link #read()} returns -1: no excuse is made.
 */
final class RunQueueDelay {
    private static final String PATH = "/proc/thread-self/schedstat";
    private final byte[] buf = new byte[96];
    private RandomAccessFile file;
    private Thread owner;
    private boolean available = true;

    boolean available() {
        return available;
    }

    /** Nanoseconds this thread has waited on a run queue so far, or -1 where that is not known. */
    long read() {
        if (!available) {
            return -1;
        }
        try {
            if (owner != Thread.currentThread()) {
                reopen();
            }
            file.seek(0);
            int n = file.read(buf, 0, buf.length);
            return parseSecondField(buf, n);
        } catch (IOException | RuntimeException e) {
            available = false; // not fatal: the guard then judges by wall time, as before
            closeQuietly();
            return -1;
        }
    }

    private void reopen() throws IOException {
        closeQuietly();
        file = new RandomAccessFile(PATH, "r");
        owner = Thread.currentThread();
    }

    /** The second space-separated decimal field of {@code b[0..n)}, or -1 when the text is not of that form. */
    static long parseSecondField(byte[] b, int n) {
        int i = 0;
        while (i < n && b[i] != ' ') {
            i++;
        }
        i++;
        long v = 0;
        int digits = 0;
        for (; i < n && b[i] >= '0' && b[i] <= '9'; i++, digits++) {
            v = v * 10 + (b[i] - '0');
        }
        return digits == 0 ? -1 : v;
    }

    void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // reading only
            }
            file = null;
            owner = null;
        }
    }
}
