package org.concord.training.loop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walk-forward splits with purging and an embargo. The samples (time-ordered) are cut into {@code folds + 1}
 * contiguous blocks of equal count; fold {@code k} (1..folds) tests on block {@code k} and trains on the
 * earlier blocks (expanding window), minus:
 * <ul>
 *   <li><b>purge</b>: training samples whose label interval {@code [time, horizonEnd]} reaches into the test
 *       block's period (their labels saw test-period prices);</li>
 *   <li><b>embargo</b>: training samples whose label interval ends within {@code embargoMs} before the test block
 *       starts: a gap of at least {@code embargoMs} between the last training label and the first test window,
 *       against serial correlation between train and test, on top of the purge.</li>
 * </ul>
 * Nothing after a test block is ever trained on for that fold.
 */
public final class WalkForward {
    private WalkForward() {
    }

    /** One split: row indices into the sample set. */
    public record Fold(int index, int[] train, int[] test, long testStart, long testEnd, int purged, int embargoed) {
    }

    public static List<Fold> split(long[] times, long[] horizonEnds, int folds, long embargoMs) {
        int n = times.length;
        if (folds < 1) {
            throw new IllegalArgumentException("folds must be >= 1, got " + folds);
        }
        if (embargoMs < 0) {
            throw new IllegalArgumentException("embargo must be >= 0");
        }
        if (n < (folds + 1) * 2) {
            throw new IllegalArgumentException("too few samples (" + n + ") for " + folds + " walk-forward folds");
        }
        List<Fold> out = new ArrayList<>();
        for (int k = 1; k <= folds; k++) {
            int testFrom = (int) ((long) n * k / (folds + 1));
            int testTo = (int) ((long) n * (k + 1) / (folds + 1));
            long testStart = times[testFrom];
            long testEnd = times[testTo - 1];
            int[] train = new int[testFrom];
            int m = 0;
            int purged = 0;
            int embargoed = 0;
            for (int i = 0; i < testFrom; i++) {
                if (horizonEnds[i] >= testStart) {
                    purged++;
                } else if (horizonEnds[i] >= testStart - embargoMs) {
                    embargoed++;
                } else {
                    train[m++] = i;
                }
            }
            int[] test = new int[testTo - testFrom];
            for (int i = 0; i < test.length; i++) {
                test[i] = testFrom + i;
            }
            out.add(new Fold(k, Arrays.copyOf(train, m), test, testStart, testEnd, purged, embargoed));
        }
        return out;
    }
}
