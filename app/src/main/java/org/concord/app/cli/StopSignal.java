package org.concord.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How {@code concord serve} learns that it should stop, so that SIGTERM, SIGINT and {@code --duration} all end in
 * the same close path on the main thread.
 *
 * <ul>
 *   <li>SIGTERM and SIGINT are caught ({@code sun.misc.Signal}, module jdk.unsupported): the JVM does not start
 *       its shutdown, the handler only records the request; the main thread closes everything in order and the
 *       process exits with 0.</li>
 *   <li>Any other way the JVM shuts down (SIGHUP, a signal the platform would not let us catch) runs a shutdown
 *       hook that records the request and waits, up to the bound, until the main thread has closed everything.</li>
 * </ul>
 * The previous signal handlers are restored by {@link #close()} (the CLI also runs inside test JVMs).
 */
final class StopSignal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);
    private static final String[] SIGNALS = {"TERM", "INT"};

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch closed = new CountDownLatch(1);
    private final List<Runnable> restore = new ArrayList<>();
    private final Thread hook;
    private volatile String reason;

    /** Catches SIGTERM/SIGINT and registers the fallback hook, which waits at most {@code boundMillis} for the close. */
    StopSignal(long boundMillis) {
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                SignalHandler previous = Signal.handle(signal, s -> request("SIG" + s.getName()));
                restore.add(() -> Signal.handle(signal, previous));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // e.g. -Xrs, or the signal is reserved here: the shutdown hook below still closes in order
                LOG.warn("cannot catch SIG{} ({}); a SIG{} stops through the shutdown hook", name, e.getMessage(), name);
            }
        }
        hook = new Thread(() -> {
            request("JVM shutdown");
            try {
                if (!closed.await(boundMillis, TimeUnit.MILLISECONDS)) {
                    System.err.println("concord serve: the close did not finish within " + boundMillis + " ms of the JVM shutdown");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "concord-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Asks the main thread to stop (the first reason wins). */
    void request(String why) {
        synchronized (this) {
            if (reason == null) {
                reason = why;
            }
        }
        requested.countDown();
    }

    /** Waits up to {@code millis} for a stop request; true when one came. */
    boolean await(long millis) throws InterruptedException {
        return requested.await(millis, TimeUnit.MILLISECONDS);
    }

    /** What asked for the stop, or null. */
    String reason() {
        return reason;
    }

    /** The close path has finished: a waiting shutdown hook may return. Restores the previous signal handlers. */
    @Override
    public void close() {
        closed.countDown();
        restore.forEach(Runnable::run);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already exiting: the hook is running and returns now
        }
    }
}
