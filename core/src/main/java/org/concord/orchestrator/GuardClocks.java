package org.concord.orchestrator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The two clocks the {@link Guard} judges a call by: the wall clock and the calling thread's CPU clock. Runs read the
 * JVM's ({@link #JVM}). A test of the guard's preemption rule substitutes clocks that also note each reading: a stop
 * the hypervisor hides from the CPU clock can fall in the guard's own microseconds around a call, where only the
 * guard's readings see it.
 */
interface GuardClocks {
    /** Wall time in ns, as {@link System#nanoTime()}. */
    long wallNanos();

    /** The calling thread's CPU time in ns; only read where {@link #hasCpuClock()}. */
    long cpuNanos();

    boolean hasCpuClock();

    GuardClocks JVM = new GuardClocks() {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final boolean cpu = threads.isCurrentThreadCpuTimeSupported();

        @Override
        public long wallNanos() {
            return System.nanoTime();
        }

        @Override
        public long cpuNanos() {
            return threads.getCurrentThreadCpuTime();
        }

        @Override
        public boolean hasCpuClock() {
            return cpu;
        }
    };
}
