package org.concord.threads;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts the calling thread last in line for a contended CPU, at the operating system's level: Java's thread
 * priorities are ignored by Linux's scheduler (without root), so a training run at {@code Thread.MIN_PRIORITY} still
 * took its full share of a two-core machine and pushed the decision thread off the CPU for milliseconds at a time.
 *
 * <p>Linux: the thread's own id is read from {@code /proc/thread-self} and {@code renice} gives it nice
 * {@value #NICE} ({@code setpriority} on a thread id changes that thread only; threads it starts inherit it, such as
 * PyTorch's). Elsewhere, or when that fails, nothing changes and one line is logged.
 */
final class BackgroundPriority {
    static final int NICE = 19;
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPriority.class);
    private static final Path THREAD_SELF = Path.of("/proc/thread-self");
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private BackgroundPriority() {
    }

    /** Lowers the calling thread; true when it now runs at nice {@value #NICE}. */
    static boolean lowerCurrentThread() {
        if (!Files.isSymbolicLink(THREAD_SELF)) {
            return unchanged("no /proc/thread-self (not Linux)");
        }
        try {
            String tid = Files.readSymbolicLink(THREAD_SELF).getFileName().toString(); // "<pid>/task/<tid>"
            Process p = new ProcessBuilder("renice", "-n", String.valueOf(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return unchanged("renice did not finish in 10 s");
            }
            return p.exitValue() == 0 || unchanged("renice exited with " + p.exitValue());
        } catch (IOException e) {
            return unchanged(e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unchanged("interrupted");
        }
    }

    private static boolean unchanged(String why) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.info("background threads keep the normal OS priority ({}): training may compete with decisions for the CPU", why);
        }
        return false;
    }
}
