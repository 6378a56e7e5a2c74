package org.concord.indicators;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The window primitives against brute force, with the newest value revised up and down (synthetic edge cases). */
class RollingWindowsTest {

    @Test
    void rollingExtremesEqualBruteForceUnderRevisions() {
        SplittableRandom rnd = new SplittableRandom(1);
        for (int n : new int[] {1, 2, 3, 7, 20}) {
            RollingExtreme max = RollingExtreme.max(n);
            RollingExtreme min = RollingExtreme.min(n);
            double[] xs = new double[2000];
            for (int i = 0; i < xs.length; i++) {
                xs[i] = rnd.nextInt(10); // many ties
                max.add(rnd.nextInt(20) - 5.0);
                min.add(rnd.nextInt(20) - 5.0);
                for (int j = rnd.nextInt(3); j > 0; j--) {
                    max.replaceNewest(rnd.nextInt(20) - 5.0); // revisions that raise and lower the newest value
                    min.replaceNewest(rnd.nextInt(20) - 5.0);
                }
                max.replaceNewest(xs[i]);
                min.replaceNewest(xs[i]);
                double hi = Double.NEGATIVE_INFINITY;
                double lo = Double.POSITIVE_INFINITY;
                for (int j = Math.max(0, i - n + 1); j <= i; j++) {
                    hi = Math.max(hi, xs[j]);
                    lo = Math.min(lo, xs[j]);
                }
                assertThat(max.value()).as("max n=" + n + " at " + i).isEqualTo(hi);
                assertThat(min.value()).as("min n=" + n + " at " + i).isEqualTo(lo);
                assertThat(max.size()).isEqualTo(Math.min(i + 1, n));
            }
        }
    }

    @Test
    void rollingSumOfZerosIsExactlyZeroAfterLargeValues() {
        RollingSum s = new RollingSum(3);
        s.add(1e6 / 3);
        s.add(0.1);
        s.add(7.0 / 3);
        for (int i = 0; i < 3; i++) {
            s.add(0);
        }
        assertThat(s.sum()).isEqualTo(0);
        s.add(5);
        s.replaceNewest(2);
        assertThat(s.sum()).isEqualTo(2);
        assertThat(s.isFull()).isTrue();
    }

    @Test
    void rollingSumStaysExactOverMillionsOfValues() {
        RollingSum s = new RollingSum(50);
        SplittableRandom rnd = new SplittableRandom(2);
        double[] ring = new double[50];
        for (int i = 0; i < 2_000_000; i++) {
            double x = 1000 + rnd.nextDouble() * 10;
            ring[i % 50] = x;
            s.add(x);
        }
        double exact = 0;
        for (double x : ring) {
            exact += x;
        }
        assertThat(s.sum()).isCloseTo(exact, within(1e-9));
    }

    @Test
    void momentsOfEqualValuesHaveZeroVariance() {
        RollingMoments m = new RollingMoments(4);
        for (double x : new double[] {5, 9, 1, 0.1, 0.1, 0.1, 0.1}) {
            m.add(x);
        }
        assertThat(m.variance()).isEqualTo(0);
        assertThat(m.mean()).isCloseTo(0.1, within(1e-15));
        assertThat(m.newestDeviation()).isCloseTo(0, within(1e-15));
        m.add(0.5);
        // window 0.1, 0.1, 0.1, 0.5: mean 0.2, variance (3·0.01 + 0.09)/4 = 0.03
        assertThat(m.variance()).isCloseTo(0.03, within(1e-15));
    }

    @Test
    void delayLine() {
        DelayLine d = new DelayLine(3);
        d.add(1);
        d.add(2);
        d.add(3);
        d.add(4);
        d.replaceNewest(5);
        assertThat(new double[] {d.ago(0), d.ago(1), d.ago(2)}).containsExactly(5, 3, 2);
        assertThatThrownBy(() -> d.ago(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> new DelayLine(1).replaceNewest(1)).isInstanceOf(IllegalStateException.class);
    }
}
