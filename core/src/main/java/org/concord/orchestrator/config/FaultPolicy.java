package org.concord.orchestrator.config;

/**
 * When a module (or model) is put aside.
 *
 * <p>A <i>strike</i> is a call that threw, returned a non-finite value or ran longer than {@code budgetMicros}
 * (measured with {@code System.nanoTime()} around the call, after the fact; the first {@code warmupCalls} calls
 * after a load or re-enable are not timed against the budget, since they pay class loading and JIT; an overrun during
 * an event in which a garbage collection ran is excused, since the pause stopped the thread, not the module). A source with
 * {@code maxStrikes} strikes within {@code strikeWindow} decisions goes to ERROR with the last reason. A call
 * still running after {@code hardLimitMillis} is <i>hung</i>: a watchdog puts the module in ERROR at once and a
 * fresh decision thread carries on without it (asynchronous mode; see {@code DecisionLoop}). Learning hooks, which may
 * wait for a background training, get 30 × the hard limit.
 */
public record FaultPolicy(long budgetMicros, int maxStrikes, int strikeWindow, int warmupCalls, long hardLimitMillis) {
    public static final FaultPolicy DEFAULT = new FaultPolicy(2_000, 3, 100, 20, 2_000);

    public FaultPolicy {
        if (budgetMicros < 1 || maxStrikes < 1 || strikeWindow < maxStrikes || warmupCalls < 0 || hardLimitMillis < 1) {
            throw new IllegalArgumentException("faults: budgetMicros >= 1, maxStrikes >= 1, strikeWindow >= maxStrikes, "
                    + "warmupCalls >= 0, hardLimitMillis >= 1 required");
        }
        if (hardLimitMillis * 1000 <= budgetMicros) {
            throw new IllegalArgumentException("faults: hardLimitMillis must exceed the budget");
        }
    }
}
