package org.concord.indicators;

import org.ta4j.core.BarSeries;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.CachedIndicator;
import org.ta4j.core.num.Num;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Reading ta4j indicators into arrays, and the 1e-9 relative comparison the parity tests use. */
final class Oracle {
    static final double REL = 1e-9;

    private Oracle() {
    }

    /** Every value of a ta4j indicator, index ascending (how ta4j's recursive caches expect to be read). */
    static double[] values(Indicator<Num> ind, int size) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            Num v = ind.getValue(i);
            out[i] = v.isNaN() ? Double.NaN : v.doubleValue();
        }
        return out;
    }

    /** A ta4j indicator over a plain array (to give ta4j the same derived inputs, e.g. returns). */
    static Indicator<Num> of(BarSeries series, double[] xs) {
        return new CachedIndicator<Num>(series) {
            @Override
            protected Num calculate(int index) {
                return numOf(xs[index]);
            }

            @Override
            public int getUnstableBars() {
                return 0;
            }
        };
    }

    /** {@code |a − e| / max(|a|, |e|)}; 0 when equal (both zero included). */
    static double relErr(double expected, double actual) {
        if (expected == actual) {
            return 0;
        }
        return Math.abs(actual - expected) / Math.max(Math.abs(expected), Math.abs(actual));
    }

    /**
     * Asserts {@code actual[i]} equals {@code expected[i + shift]} to {@link #REL} relative for every
     * {@code i >= from} with {@code i + shift} inside {@code expected}; both finite. Returns the worst error.
     */
    static double assertMatches(String what, double[] expected, double[] actual, int from, int shift) {
        double worst = 0;
        int worstAt = -1;
        int compared = 0;
        for (int i = from; i < actual.length; i++) {
            int j = i + shift;
            if (j < 0 || j >= expected.length) {
                continue;
            }
            double e = expected[j];
            double a = actual[i];
            if (!Double.isFinite(e) || !Double.isFinite(a)) {
                fail(what + ": non-finite at " + i + ": expected " + e + ", got " + a);
            }
            double r = relErr(e, a);
            if (r > worst) {
                worst = r;
                worstAt = i;
            }
            compared++;
        }
        assertTrue(compared > 0, what + ": nothing compared");
        if (worst > REL) {
            fail(String.format(Locale.ROOT, "%s: relative error %.3e > %.0e at index %d: expected %.17g, got %.17g",
                    what, worst, REL, worstAt, expected[worstAt + shift], actual[worstAt]));
        }
        return worst;
    }

    static double assertMatches(String what, double[] expected, double[] actual, int from) {
        return assertMatches(what, expected, actual, from, 0);
    }
}
