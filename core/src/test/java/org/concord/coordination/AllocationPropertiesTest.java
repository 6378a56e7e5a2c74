package org.concord.coordination;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Allocation constraints on random inputs: bounds, sum to 1, smoothing step, for any scores (NaN and infinities too). */
class AllocationPropertiesTest {

    @Provide
    Arbitrary<Double> anyScore() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-1e6, 1e6), Arbitraries.doubles().between(-5, 5).ofScale(6),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, Double.MAX_VALUE, -Double.MAX_VALUE));
    }

    @Provide
    Arbitrary<double[]> scores() {
        return anyScore().array(double[].class).ofSize(Bucket.COUNT);
    }

    private static double[] target(AllocationOptimizer opt, double[] scores) {
        double[] out = new double[Bucket.COUNT];
        opt.target(scores, new AllocationOptimizer.Work(), out);
        return out;
    }

    private static double[] smooth(AllocationOptimizer opt, double[] previous, double[] target) {
        double[] out = new double[Bucket.COUNT];
        opt.smooth(previous, target, new AllocationOptimizer.Work(), out);
        return out;
    }

    /** Bounds that admit a sum of 1 over four buckets, the step in (0, 1]. */
    @Provide
    Arbitrary<AllocationOptimizer> optimizers() {
        Arbitrary<Double> min = Arbitraries.doubles().between(0, 0.25).ofScale(4);
        Arbitrary<Double> max = Arbitraries.doubles().between(0.25, 1).ofScale(4);
        Arbitrary<Double> step = Arbitraries.doubles().between(0.001, 1).ofScale(4);
        Arbitrary<Double> temp = Arbitraries.doubles().between(0.01, 100);
        return Combinators.combine(min, max, step, temp).as(AllocationOptimizer::new);
    }

    @Property(tries = 1000)
    void targetsAreWithinBoundsAndSumToOne(@ForAll("scores") double[] scores, @ForAll("optimizers") AllocationOptimizer opt) {
        double[] t = target(opt, scores);
        assertAllowed(t, opt);
    }

    @Property(tries = 1000)
    void defaultTargetsAreWithinTenAndFiftyPercent(@ForAll("scores") double[] scores) {
        AllocationOptimizer opt = AllocationOptimizer.defaults();
        double[] t = target(opt, scores);
        for (double v : t) {
            assertThat(v).isBetween(0.10, 0.50);
        }
        assertThat(sum(t)).isCloseTo(1, within(1e-9));
    }

    @Property(tries = 500)
    void smoothingMovesNoAllocationMoreThanTheStepAndStaysAllowed(@ForAll @Size(min = 1, max = 40) List<@From("scores") double[]> updates,
                                                                 @ForAll("optimizers") AllocationOptimizer opt) {
        double[] a = opt.equal();
        assertAllowed(a, opt);
        for (double[] scores : updates) {
            double[] next = smooth(opt, a, target(opt, scores));
            for (int i = 0; i < next.length; i++) {
                assertThat(Math.abs(next[i] - a[i])).as("step of bucket %d", i).isLessThanOrEqualTo(opt.maxStep() + 1e-12);
            }
            assertAllowed(next, opt);
            a = next;
        }
    }

    @Property(tries = 500)
    void smoothingTowardAnyTargetEvenAnInvalidOneStaysAllowed(@ForAll("scores") double[] start, @ForAll("scores") double[] rawTarget) {
        AllocationOptimizer opt = AllocationOptimizer.defaults();
        double[] a = target(opt, start);
        double[] next = smooth(opt, a, rawTarget); // raw numbers, NaN and 1e6 included, not a projected target
        for (int i = 0; i < next.length; i++) {
            assertThat(Math.abs(next[i] - a[i])).isLessThanOrEqualTo(0.1 + 1e-12);
        }
        assertAllowed(next, opt);
    }

    /**
     * The projection is the nearest allowed point, not just an allowed one: it is clamp(t + lambda) for one lambda —
     * the coordinates strictly inside their bounds moved by the same lambda, those at a bound would have crossed it.
     */
    @Property(tries = 1000)
    void theProjectionIsTheNearestAllowedPoint(@ForAll("scores") double[] start, @ForAll("scores") double[] raw,
                                               @ForAll("optimizers") AllocationOptimizer opt) {
        double[] prev = target(opt, start);
        double[] t = new double[Bucket.COUNT];
        double[] lo = new double[Bucket.COUNT];
        double[] hi = new double[Bucket.COUNT];
        for (int i = 0; i < t.length; i++) {
            t[i] = Double.isFinite(raw[i]) ? Math.max(-5, Math.min(5, raw[i])) : 0;
            lo[i] = Math.max(opt.min(), prev[i] - opt.maxStep());
            hi[i] = Math.min(opt.max(), prev[i] + opt.maxStep());
        }
        double[] x = new double[Bucket.COUNT];
        AllocationOptimizer.project(t, lo, hi, x);
        assertThat(Math.abs(sum(x) - 1)).isLessThanOrEqualTo(1e-9);
        double lambda = Double.NaN;
        for (int i = 0; i < x.length; i++) {
            if (x[i] > lo[i] + 1e-9 && x[i] < hi[i] - 1e-9) {
                if (Double.isNaN(lambda)) {
                    lambda = x[i] - t[i];
                }
                assertThat(x[i] - t[i]).as("shift of free coordinate %d", i).isCloseTo(lambda, within(1e-9));
            }
        }
        if (Double.isNaN(lambda)) {
            return; // every coordinate at a bound: any lambda between the kinks gives it
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] <= lo[i] + 1e-9) {
                assertThat(t[i] + lambda).as("coordinate %d held at its lower bound", i).isLessThanOrEqualTo(lo[i] + 1e-9);
            } else if (x[i] >= hi[i] - 1e-9) {
                assertThat(t[i] + lambda).as("coordinate %d held at its upper bound", i).isGreaterThanOrEqualTo(hi[i] - 1e-9);
            }
        }
    }

    static void assertAllowed(double[] a, AllocationOptimizer opt) {
        assertThat(a).hasSize(Bucket.COUNT);
        for (double v : a) {
            assertThat(Double.isFinite(v)).isTrue();
            assertThat(v).isGreaterThanOrEqualTo(opt.min() - 1e-12).isLessThanOrEqualTo(opt.max() + 1e-12);
        }
        assertThat(Math.abs(sum(a) - 1)).isLessThanOrEqualTo(1e-9);
    }

    static double sum(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s;
    }
}
