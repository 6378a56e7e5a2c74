package org.concord.orchestrator;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class RunQueueDelayTest {

    @Test
    void parsesTheRunQueueFieldOfSchedstat() {
        byte[] b = "871221 40500 17\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(RunQueueDelay.parseSecondField(b, b.length)).isEqualTo(40_500);
        byte[] junk = "871221\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(RunQueueDelay.parseSecondField(junk, junk.length)).isEqualTo(-1);
    }

    /** With more spinning threads than cores, a spinning thread must see its run-queue wait grow. */
    @Test
    void seesTheWaitForACpuWhenTheMachineIsOversubscribed() throws Exception {
        RunQueueDelay probe = new RunQueueDelay();
        long first = probe.read();
        assumeTrue(probe.available() && first >= 0, "no /proc/thread-self/schedstat here");
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> hogs = new ArrayList<>();
        int n = Runtime.getRuntime().availableProcessors() * 4;
        for (int i = 0; i < n; i++) {
            Thread t = new Thread(() -> {
                long x = 0;
                while (!stop.get()) {
                    x += System.nanoTime() & 1;
                }
                if (x == 42) {
                    System.out.print("");
                }
            });
            t.setDaemon(true);
            t.start();
            hogs.add(t);
        }
        try {
            long t0 = System.nanoTime();
            long before = probe.read();
            while (System.nanoTime() - t0 < 300_000_000L) {
                Thread.onSpinWait();
            }
            long wall = System.nanoTime() - t0;
            long waited = probe.read() - before;
            // fair share is cores / (4·cores + 1): this thread should have waited most of the time; ask for a fifth
            assertThat(waited).as("run-queue wait over %d ms of spinning among %d hogs", wall / 1_000_000, n).isGreaterThan(wall / 5);
        } finally {
            stop.set(true);
            for (Thread t : hogs) {
                t.join();
            }
            probe.close();
        }
    }

    @Test
    void followsTheCallingThread() throws Exception {
        RunQueueDelay probe = new RunQueueDelay();
        long here = probe.read();
        assumeTrue(here >= 0, "no /proc/thread-self/schedstat here");
        long[] there = new long[1];
        Thread t = new Thread(() -> there[0] = probe.read());
        t.start();
        t.join();
        // a fresh thread has waited (far) less in its life than this test thread after JVM start-up and class loading
        assertThat(there[0]).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(probe.read());
        probe.close();
    }
}
