package org.concord.coordination;

import com.sun.management.ThreadMXBean;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.risk.RiskLimits;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alignment and conflict resolution run on every decision of a many-module desk, and most decisions have neither:
 * those allocate nothing (measured with the JVM's per-thread counter). A decision with a conflict allocates its event.
 * Most decisions of a signal strategy have no signal at all: the engine's idle decision allocates nothing either.
 */
class CoordinationAllocationTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private static final int CALLS = 20_000;
    /**
     * Under one byte per call: an object per call would be at least 16. Not zero: a JIT recompilation or deoptimization
     * during the measured calls books a few KB on the calling thread (7.9 KB was seen for 20,000 calls that allocate none).
     */
    private static final long NONE = CALLS;

    private static List<BucketIntent> oneSided() {
        return List.of(AlignmentAndConflictTest.intent(Bucket.SHORT, Action.BUY, 1, 0.8, Timeframe.M5),
                AlignmentAndConflictTest.intent(Bucket.MEDIUM, Action.BUY, 1, 0.3, Timeframe.H1),
                AlignmentAndConflictTest.intent(Bucket.LONG, Action.HOLD, 0, 0.5, Timeframe.D1));
    }

    private static long allocatedBy(Runnable r) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < CALLS; i++) {
            r.run(); // warm-up: class loading, JIT, escape analysis
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < CALLS; i++) {
            r.run();
        }
        return mx.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void aDecisionWithoutAConflictAllocatesNothingInTheResolver() {
        List<BucketIntent> in = oneSided();
        ConflictResolver resolver = new ConflictResolver(ConflictPolicy.CONFIDENCE_PRIORITY);
        assertThat(resolver.resolve(1, BTC, in)).isNull();
        assertThat(allocatedBy(() -> resolver.resolve(1, BTC, in))).as("bytes for %d resolutions without a conflict", CALLS)
                .isLessThan(NONE);
    }

    @Test
    void aDecisionWithoutAnAlignmentAllocatesNothingInTheAlignment() {
        List<BucketIntent> in = oneSided(); // harmony 1 but one bucket short of the two an alignment needs
        SignalAlignment alignment = new SignalAlignment(0.8, 0.5, 3);
        assertThat(alignment.align(1, BTC, in)).isNull();
        assertThat(allocatedBy(() -> alignment.align(1, BTC, in))).as("bytes for %d alignments that do not align", CALLS)
                .isLessThan(NONE);
    }

    @Test
    void anIdleDecisionAllocatesNothingInTheEngine() {
        RealBarEngine r = RealBarEngine.of(RiskLimits.defaults());
        CoordinationEngine engine = r.engine();
        long t = r.close(400);
        List<Signal> none = List.of();
        assertThat(engine.decide(t, none)).isSameAs(DecisionReport.IDLE);
        assertThat(allocatedBy(() -> engine.decide(t, none))).as("bytes for %d idle decisions", CALLS).isLessThan(NONE);
    }
}
