package org.concord.modules.strategy.crashpattern;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DtwTest {

    /** Textbook DTW over the full matrix, cells outside |i·m/n − j| ≤ band unreachable. */
    static double reference(double[] a, int n, double[] b, int m, int band) {
        double[][] d = new double[n + 1][m + 1];
        for (double[] row : d) {
            java.util.Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        d[0][0] = 0;
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                if (Math.abs(i * ((double) m / n) - j) > band) {
                    continue;
                }
                double best = Math.min(d[i - 1][j - 1], Math.min(d[i - 1][j], d[i][j - 1]));
                d[i][j] = best + Math.abs(a[i - 1] - b[j - 1]);
            }
        }
        return d[n][m] / Math.max(n, m);
    }

    @Test
    void handWorked() {
        Dtw dtw = new Dtw(8);
        // |a − b| rows: 1 1 1 / 0 0 0 / 1 1 1; the cheapest path costs 1 + 0 + 1 (diagonal) = 2, over 3 steps
        assertThat(dtw.distance(new double[] {1, 2, 3}, 3, new double[] {2, 2, 2}, 3, 1)).isCloseTo(2 / 3.0, within(1e-15));
        // the same shape stretched: 0 0 1 1 against 0 1 warps at no cost
        assertThat(dtw.distance(new double[] {0, 0, 1, 1}, 4, new double[] {0, 1}, 2, 1)).isZero();
        // a shift the band forbids: 0 0 0 1 vs 1 0 0 0 pays the two ends on the diagonal (band 0)
        assertThat(dtw.distance(new double[] {0, 0, 0, 1}, 4, new double[] {1, 0, 0, 0}, 4, 0)).isEqualTo(0.5);
        assertThat(Dtw.band(60, 0.1)).isEqualTo(6);
        assertThat(Dtw.band(5, 0.0)).isEqualTo(1);
        assertThatThrownBy(() -> dtw.distance(new double[2], 3, new double[2], 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Dtw(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bandedDistanceEqualsTheFullMatrixReference() {
        SplittableRandom rnd = new SplittableRandom(5);
        Dtw dtw = new Dtw(4); // grows when asked for longer paths
        for (int k = 0; k < 300; k++) {
            int n = 2 + rnd.nextInt(40);
            int m = rnd.nextBoolean() ? n : 2 + rnd.nextInt(40);
            int band = Math.max(Math.abs(n - m), rnd.nextInt(1, 12));
            double[] a = rnd.doubles(n, -2, 2).toArray();
            double[] b = rnd.doubles(m, -2, 2).toArray();
            assertThat(dtw.distance(a, n, b, m, band)).as("n=" + n + " m=" + m + " band=" + band)
                    .isCloseTo(reference(a, n, b, m, band), within(1e-12));
        }
    }

    @Test
    void earlyAbandoningIsExactBelowTheCutoff() {
        SplittableRandom rnd = new SplittableRandom(9);
        Dtw dtw = new Dtw(64);
        int abandoned = 0;
        for (int k = 0; k < 300; k++) {
            int n = 2 + rnd.nextInt(50);
            double[] a = rnd.doubles(n, -2, 2).toArray();
            double[] b = rnd.doubles(n, -2, 2).toArray();
            double ref = reference(a, n, b, n, 5);
            double cutoff = rnd.nextDouble(0, 1.5);
            double d = dtw.distance(a, n, b, n, 5, cutoff);
            if (ref < cutoff) {
                assertThat(d).isCloseTo(ref, within(1e-12));
            } else if (d == Double.POSITIVE_INFINITY) {
                abandoned++;
            } else {
                assertThat(d).isCloseTo(ref, within(1e-12));
            }
        }
        assertThat(abandoned).as("cutoffs below the distance abandon early").isPositive();
    }

    @Test
    void normalization() {
        double[] z = new double[3];
        Dtw.normalize(new double[] {1, 2, 3}, 3, z);
        double sd = Math.sqrt(2 / 3.0);
        assertThat(z).containsExactly(new double[] {-1 / sd, 0, 1 / sd}, within(1e-15));
        Dtw.normalize(new double[] {5, 5, 5}, 3, z);
        assertThat(z).containsOnly(0.0);
    }

    /** LB_Keogh never exceeds the banded DTW distance (what lets the detector skip patterns), and is tight on equal paths. */
    @Test
    void keoghBoundIsALowerBoundOfTheBandedDistance() {
        SplittableRandom rnd = new SplittableRandom(11);
        Dtw dtw = new Dtw(64);
        for (int trial = 0; trial < 2_000; trial++) {
            int m = 2 + rnd.nextInt(60);
            int band = Dtw.band(m, rnd.nextDouble());
            double[] a = new double[m];
            double[] b = new double[m];
            double x = 0;
            double y = 0;
            for (int i = 0; i < m; i++) {
                a[i] = x += rnd.nextGaussian();
                b[i] = y += rnd.nextGaussian();
            }
            double[] up = new double[m];
            double[] lo = new double[m];
            Dtw.envelope(b, m, band, up, lo);
            double lb = Dtw.lowerBound(a, m, up, lo);
            assertThat(lb).isLessThanOrEqualTo(reference(a, m, b, m, band) + 1e-12);
            assertThat(lb).isLessThanOrEqualTo(dtw.distance(a, m, b, m, band) + 1e-12);
            Dtw.envelope(a, m, band, up, lo);
            assertThat(Dtw.lowerBound(a, m, up, lo)).isZero();
        }
        // hand-worked: q = 0 3 0 against b = 1 1 1 (envelope 1..1 everywhere): |0−1| + |3−1| + |0−1| = 4, over 3 steps
        double[] up = new double[3];
        double[] lo = new double[3];
        Dtw.envelope(new double[] {1, 1, 1}, 3, 1, up, lo);
        assertThat(Dtw.lowerBound(new double[] {0, 3, 0}, 3, up, lo)).isCloseTo(4 / 3.0, within(1e-15));
    }
}
