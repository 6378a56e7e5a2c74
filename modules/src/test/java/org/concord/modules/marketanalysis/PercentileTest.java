package org.concord.modules.marketanalysis;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PercentileTest {
    // few distinct values so that ties are common, both zeros, the infinities and NaN
    private static final double[] VALUES = {-3.5, -1, -0.0, 0.0, 0.25, 0.25, 1, 2.5, 7,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NaN, Double.MIN_VALUE};

    /** The definition, as a scan of the last {@code n} values added. */
    private static double scan(double[] added, int count, int n, double x) {
        int from = Math.max(0, count - n);
        int held = count - from;
        if (held == 0) {
            return Double.NaN;
        }
        int below = 0;
        int equal = 0;
        for (int i = from; i < count; i++) {
            if (added[i] < x) {
                below++;
            } else if (added[i] == x) {
                equal++;
            }
        }
        return (below + 0.5 * equal) / held;
    }

    @Test
    void ranksAsAScanOfTheWindowDoesForEveryWindowSizeAndEveryKindOfValue() {
        for (int n : new int[]{1, 2, 3, 7, 64, 500}) {
            for (long seed = 1; seed <= 20; seed++) {
                Random r = new Random(seed * 31 + n);
                Percentile p = new Percentile(n);
                int steps = 3 * n + 50;
                double[] added = new double[steps];
                for (int i = 0; i < steps; i++) {
                    double q = pick(r);
                    assertEquals(scan(added, i, n, q), p.rank(q), 0.0, "n=" + n + " seed=" + seed + " step " + i + " rank of " + q);
                    added[i] = pick(r);
                    p.add(added[i]);
                    assertEquals(Math.min(i + 1, n), p.size());
                }
            }
        }
    }

    private static double pick(Random r) {
        return r.nextInt(4) == 0 ? r.nextGaussian() : VALUES[r.nextInt(VALUES.length)];
    }

    @Test
    void aFlatHistoryGivesTheMedianAndEmptyGivesNaN() {
        Percentile p = new Percentile(5);
        assertEquals(Double.NaN, p.rank(1));
        for (int i = 0; i < 9; i++) {
            p.add(2);
        }
        assertEquals(0.5, p.rank(2));
        assertEquals(0.0, p.rank(1));
        assertEquals(1.0, p.rank(3));
        p.clear();
        assertEquals(0, p.size());
        assertEquals(Double.NaN, p.rank(2));
        p.add(1);
        assertEquals(1.0, p.rank(5));
    }

    @Test
    void aWindowBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Percentile(0));
    }
}
