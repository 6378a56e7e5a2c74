package org.concord.modules;

import org.concord.orchestrator.config.FaultPolicy;

/** Fault policies for tests whose subject is not timing (the build machine is shared and may stall a thread for tens of ms). */
public final class TestBudgets {
    /** 1 s budget, 10 s hard limit: only a real fault puts a module aside. */
    public static final FaultPolicy RELAXED = new FaultPolicy(1_000_000, 3, 100, 20, 10_000);

    private TestBudgets() {
    }
}
