package org.concord.app.live;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.AbstractDataSet;

/**
 * A ChartFX data set whose x values only grow with the index (bars, markers in time order), changed in place on
 * the FX thread. Renderers find the first and last visible point with {@link #getIndex}; ChartFX's version of it
 * trusts the data set's cached x range (its axis description), which the chart refreshes only when that range
 * is undefined, not when the data changes. Data changed in place then left the cache stale: every point right of
 * the stale maximum mapped to the last index, and the chart drew one candle where there were hundreds. Here the
 * index comes from the data alone.
 *
 * <p>An empty set has no range: the chart asks for one on every pulse, and ChartFX's recomputation "changed" the
 * undefined range each time, so one empty marker set kept the whole chart redrawing 60 times a second with nothing
 * to draw (a paused desk used half a core). An empty set here leaves its range alone.
 */
public abstract class SortedDataSet<D extends SortedDataSet<D>> extends AbstractDataSet<D> {
    protected SortedDataSet(String name, int dimensions) {
        super(name, dimensions);
    }

    @Override
    public DataSet recomputeLimits(int dimIndex) {
        return getDataCount() == 0 ? this : super.recomputeLimits(dimIndex);
    }

    /** The index of the point whose value in {@code dimIndex} is closest to {@code x[0]} (x: a binary search). */
    @Override
    public int getIndex(int dimIndex, double... x) {
        int n = getDataCount();
        if (n == 0 || x.length == 0 || !Double.isFinite(x[0])) {
            return 0;
        }
        if (dimIndex != DIM_X) {
            return super.getIndex(dimIndex, x);
        }
        double v = x[0];
        int lo = 0;
        int hi = n; // first index with x >= v
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (get(DIM_X, mid) < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == n) {
            return n - 1;
        }
        if (lo > 0 && v - get(DIM_X, lo - 1) < get(DIM_X, lo) - v) {
            return lo - 1;
        }
        return lo;
    }
}
