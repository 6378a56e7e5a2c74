package org.concord.annotate.chart;

import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Waits on conditions evaluated on the FX thread (ChartFX draws on pulses, so a condition may need a few); no fixed sleeps. */
public final class FxWait {
    /** Generous: a busy 2-core machine may stall the FX thread for seconds; a condition that holds returns at once. */
    public static final long TIMEOUT_MS = 30_000;

    private FxWait() {
    }

    public static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until {@code cond} holds on the FX thread; on timeout fails with {@code what} and {@code state}'s last answer. */
    public static void until(String what, Callable<Boolean> cond, Supplier<String> state) {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (!fx(cond)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what + ": " + state.get());
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS); // poll interval, not a wait for an outcome
        }
    }
}
