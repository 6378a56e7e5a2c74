package org.concord.orchestrator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the guarded calls that the hypervisor, not the module, pushed over the budget. A Firecracker VM has no steal
 * clock: the thread's CPU clock advances through such a stop as if it had worked, and no rule of the guard can excuse
 * it. A call's window runs from the guard's last clock reading before the module is entered to the guard's first
 * reading after it returns, and every reading in it is noted: the guard's (through {@link #clocks()}, with a CPU reading
 * on both sides of each wall reading, so the window covers the guard's) and the module's own ({@link #enter},
 * {@link #burn}, {@link #exit}). Those readings are a few µs apart, so two of them further apart on the CPU clock mean
 * the thread was stopped between them. A window counts when its CPU time is over the budget and would not be without
 * those jumps. Readings come from the decision thread only; the count is read by the test's thread.
 */
final class HiddenStops {
    /** Two readings further apart than this on the CPU clock were not consecutive: the thread was stopped between. */
    private static final long JUMP_NANOS = 20_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long budgetNanos;
    private final AtomicLong count = new AtomicLong();
    private long guardRead = -1; // the CPU clock before the guard's latest reading
    private long start; // the open window's first reading
    private long last = -1; // the latest reading in the open window; -1 when none is open
    private long jumped; // the open window's jumps so far

    HiddenStops(long budgetNanos) {
        this.budgetNanos = budgetNanos;
    }

    long count() {
        return count.get();
    }

    /** The JVM's clocks, each of the guard's readings noted on the CPU clock. */
    GuardClocks clocks() {
        return new GuardClocks() {
            @Override
            public long wallNanos() {
                long before = THREADS.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                guardReading(before, THREADS.getCurrentThreadCpuTime());
                return wall;
            }

            @Override
            public long cpuNanos() {
                long cpu = THREADS.getCurrentThreadCpuTime();
                guardReading(cpu, cpu);
                return cpu;
            }

            @Override
            public boolean hasCpuClock() {
                return GuardClocks.JVM.hasCpuClock();
            }
        };
    }

    /** The module's first reading in a call: opens the window at the guard's last reading. */
    void enter() {
        long cpu = THREADS.getCurrentThreadCpuTime();
        start = guardRead >= 0 ? guardRead : cpu;
        jumped = 0;
        last = start;
        reading(cpu);
    }

    /** The module's last reading in a call; the guard's next reading closes the window. */
    void exit() {
        reading(THREADS.getCurrentThreadCpuTime());
    }

    /** A whole call that burns {@code nanos} of the thread's CPU time, however long that takes on the wall clock. */
    void burn(long nanos) {
        enter();
        long end = last + nanos;
        double x = 0;
        while (last < end) {
            x += Math.sqrt(x + 1);
            reading(THREADS.getCurrentThreadCpuTime());
        }
        if (x < 0) {
            throw new AssertionError(); // keeps the arithmetic alive
        }
    }

    private void guardReading(long before, long after) {
        if (last >= 0) {
            reading(after);
            long cpu = last - start;
            if (cpu > budgetNanos && cpu - jumped <= budgetNanos) {
                count.incrementAndGet();
            }
            last = -1;
        }
        guardRead = before;
    }

    private void reading(long cpu) {
        if (cpu - last > JUMP_NANOS) {
            jumped += cpu - last;
        }
        last = cpu;
    }
}
