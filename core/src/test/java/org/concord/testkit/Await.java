package org.concord.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition that another thread makes true (polling every 5 ms); fails with a description. */
public final class Await {
    private Await() {
    }

    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for: " + what.get());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what.get(), e);
            }
        }
    }
}
