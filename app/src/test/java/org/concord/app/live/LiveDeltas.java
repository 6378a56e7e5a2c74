package org.concord.app.live;

import java.util.function.Predicate;

/** Waits on a {@link LivePresenter}'s output as the FX pulse takes it (tests). */
final class LiveDeltas {
    private LiveDeltas() {
    }

    /** The next delta offered to the FX pulse that matches (deltas are folded while not taken, as the pulse does). */
    static LiveDelta await(LivePresenter live, Predicate<LiveDelta> ok) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            LiveDelta d = live.slot().take();
            if (d != null && ok.test(d)) {
                return d;
            }
            Thread.sleep(10); // the presenter publishes every 16 ms
        }
        throw new AssertionError("no matching delta within 30 s");
    }
}
