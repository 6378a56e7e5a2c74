package org.concord.bench;

import java.lang.management.CompilationMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Counts the decisions of {@link DecisionFigures#steady} on the replay thread: warm-up windows until the JIT has
 * settled, then the measured ones, then releases the waiting thread. One writer (the replay thread); the waiting
 * thread reads the fields after the latch, which orders them.
 */
final class SteadyCounter {
    private final CompilationMXBean jit;
    private final int window;
    private final int maxWarm;
    private final int measured;
    private final Runnable settled;
    private final CountDownLatch done = new CountDownLatch(1);
    private int inWindow;
    private long jitAtWindowStart;
    private int settledInARow;
    private boolean measuring;
    private int recorded;
    private long jitAtMeasureStart;
    private long jitAtMeasureEnd;
    private long nanosAtMeasureStart;
    private long nanosAtMeasureEnd;
    int warmWindows;

    /** {@code settled} runs once, on the counting thread, when the measured windows begin (before the first of them). */
    SteadyCounter(CompilationMXBean jit, int window, int maxWarm, int measured, Runnable settled) {
        if (window < 1 || maxWarm < 1 || measured < 1 || settled == null) {
            throw new IllegalArgumentException("window, maxWarm and measured must be positive, and settled given");
        }
        this.settled = settled;
        this.jit = jit;
        this.window = window;
        this.maxWarm = maxWarm;
        this.measured = measured;
        this.jitAtWindowStart = jit.getTotalCompilationTime();
    }

    /** One decision made: its index among the measured ones, or -1 while warming up or once done. */
    int decided() {
        if (measuring) {
            if (recorded == window * measured) {
                return -1;
            }
            int i = recorded++;
            if (recorded == window * measured) {
                jitAtMeasureEnd = jit.getTotalCompilationTime();
                nanosAtMeasureEnd = System.nanoTime();
                done.countDown();
            }
            return i;
        }
        if (++inWindow == window) {
            long now = jit.getTotalCompilationTime();
            settledInARow = now - jitAtWindowStart < DecisionFigures.SETTLED_JIT_MILLIS ? settledInARow + 1 : 0;
            jitAtWindowStart = now;
            inWindow = 0;
            warmWindows++;
            if (settledInARow == 2 || warmWindows == maxWarm) {
                measuring = true;
                jitAtMeasureStart = now;
                settled.run();
                nanosAtMeasureStart = System.nanoTime();
            }
        }
        return -1;
    }

    boolean await(long time, TimeUnit unit) throws InterruptedException {
        return done.await(time, unit);
    }

    long measuredJitMillis() {
        return jitAtMeasureEnd - jitAtMeasureStart;
    }

    /** Wall seconds from the end of the last warm-up window to the last measured decision. */
    double measuredSeconds() {
        return (nanosAtMeasureEnd - nanosAtMeasureStart) / 1e9;
    }
}
