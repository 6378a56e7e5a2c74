package org.concord.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Chunked rows behave as one flat list of rows, across chunk boundaries, under every operation. */
class TimeColumnsTest {
    /** The reference: a plain list of {time, a, b} rows. */
    private final List<double[]> ref = new ArrayList<>();

    private static void assertSame(TimeColumns c, List<double[]> ref) {
        assertThat(c.size()).isEqualTo(ref.size());
        for (int i = 0; i < ref.size(); i++) {
            assertThat(c.time(i)).as("time %d", i).isEqualTo((long) ref.get(i)[0]);
            assertThat(c.get(0, i)).as("a %d", i).isEqualTo(ref.get(i)[1]);
            assertThat(c.get(1, i)).as("b %d", i).isEqualTo(ref.get(i)[2]);
        }
    }

    private void append(TimeColumns c, long t, double a, double b) {
        int i = c.append(t);
        c.set(0, i, a);
        c.set(1, i, b);
        ref.add(new double[]{t, a, b});
    }

    @Test
    void randomOperationsMatchAFlatList() {
        Random rnd = new Random(7);
        TimeColumns c = new TimeColumns(2, 3); // the first chunk starts tiny and doubles before chunks are added
        long t = 0;
        for (int step = 0; step < 80_000; step++) {
            int op = rnd.nextInt(10_000);
            if (op < 9_850 || ref.isEmpty()) {
                t += 10;
                append(c, t, rnd.nextDouble(), rnd.nextGaussian());
            } else if (op < 9_920) {
                int i = rnd.nextInt(ref.size());
                long at = (long) ref.get(i)[0] - 1; // before row i, after row i - 1 unless an insert took that time
                if (i > 0 && (long) ref.get(i - 1)[0] >= at) {
                    continue;
                }
                c.insert(i, at);
                c.set(0, i, -1);
                c.set(1, i, -2);
                ref.add(i, new double[]{at, -1, -2});
            } else {
                // small drops all along (rows move down across chunk boundaries), a third now and then early on
                int n = op >= 9_995 && step < 35_000 ? ref.size() / 3 : Math.min(ref.size(), rnd.nextInt(100));
                c.dropFirst(n);
                ref.subList(0, n).clear();
            }
        }
        assertThat(ref.size()).isGreaterThan(3 * TimeColumns.CHUNK);
        assertSame(c, ref);
        int from = TimeColumns.CHUNK - 5;
        int to = ref.size() - 3;
        assertSame(c.copyRange(from, to), ref.subList(from, to));
        double[] b = c.column(1, from, to);
        long[] times = c.times(from, to);
        for (int i = from; i < to; i++) {
            assertThat(b[i - from]).isEqualTo(ref.get(i)[2]);
            assertThat(times[i - from]).isEqualTo((long) ref.get(i)[0]);
            assertThat(c.lowerBound((long) ref.get(i)[0])).isEqualTo(i);
        }
        assertThat(c.lowerBound(Long.MAX_VALUE)).isEqualTo(ref.size());
    }

    @Test
    void aSmallCopyStaysSmallAndBadRangesAreRefused() {
        TimeColumns c = new TimeColumns(2, 1);
        for (int i = 0; i < 3 * TimeColumns.CHUNK; i++) {
            append(c, i, i, -i);
        }
        TimeColumns small = c.copyRange(2 * TimeColumns.CHUNK - 2, 2 * TimeColumns.CHUNK + 2);
        assertSame(small, ref.subList(2 * TimeColumns.CHUNK - 2, 2 * TimeColumns.CHUNK + 2));
        assertThatThrownBy(() -> c.copyRange(5, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.dropFirst(c.size() + 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> c.insert(c.size() + 1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        c.clear();
        assertThat(c.size()).isZero();
        append(c, 5, 1, 2);
        assertThat(c.time(0)).isEqualTo(5);
    }
}
