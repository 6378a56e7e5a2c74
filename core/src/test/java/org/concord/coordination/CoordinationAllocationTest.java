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

    /**
     * A decision with signals on two symbols and nothing to size with (no equity): the planner allocates what it returns
     * (the intents, their notes, the result's lists) and an iterator over the held books, 1,264 bytes on JDK 17 with
     * compressed pointers. Grouping the signals is scratch ({@link SignalGroups}); the tree maps of enum maps of lists it
     * replaced, with their per-symbol arrays and lists, made it 2,344. The bound leaves a third for another layout.
     */
    @Test
    void planningAllocatesOnlyWhatItReturns() {
        PositionCoordinator pc = AlignmentAndConflictTest.coordinator(PositionCoordinator.Config.defaults(), new BucketLedger());
        Symbol eth = Symbol.of("ETHUSD");
        List<Signal> s = List.of(Signal.of("a", BTC, 100, Bucket.MEDIUM, Action.BUY, 1, 0.36, Timeframe.H1),
                Signal.of("b", BTC, 100, Bucket.SHORT, Action.BUY, 1, 0.64, Timeframe.M5),
                Signal.of("c", eth, 100, Bucket.SHORT, Action.SELL, 1, 0.5, Timeframe.M5));
        assertThat(pc.plan(100, s, 0, x -> 20_000, x -> 0).intents()).hasSize(3);
        long perPlan = allocatedBy(() -> pc.plan(100, s, 0, x -> 20_000, x -> 0)) / CALLS;
        assertThat(perPlan).as("bytes per plan").isLessThan(1_700);
    }

    /**
     * An allocation step publishes an {@link AllocationUpdate} (three bucket maps of four values) and keeps it in the
     * history: 271 B a step measured. The scores, the target and the optimizer's temporaries are kept between steps;
     * as new arrays every step they were six more (336 B).
     */
    @Test
    void anAllocationStepAllocatesOnlyWhatItPublishes() {
        CapitalAllocationManager m = CapitalAllocationManager.defaults(null);
        double[] r = {0.001, -0.002, 0.0005, 0};
        long[] time = {0};
        long perStep = allocatedBy(() -> {
            m.onBucketReturns(r);
            m.update(time[0] += 60_000);
        }) / CALLS;
        assertThat(perStep).as("bytes per allocation step").isLessThan(300);
        assertThat(m.history()).hasSize(2 * CALLS);
    }
}
