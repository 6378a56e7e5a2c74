package org.concord.annotate.chart;

import io.fair_acc.dataset.events.ChartBits;
import io.fair_acc.dataset.spi.financial.OhlcvDataSet;
import org.concord.model.BarSeries;

/**
 * The bars one pane hands to ChartFX. ChartFX's candle renderer finds the first visible candle with
 * {@code getIndex(DIM_X, xMin)}, which answers "the last candle" whenever xMin lies past the data set's cached x
 * range; {@code setData} and {@code fireInvalidated(DataSetData)} leave that cache as it was (the chart recomputes
 * it only when it is undefined). So after bars were replaced or appended with newer ones (End, a live bar, a
 * restart on a data dir with more bars) every candle right of the old newest one was skipped and only the last
 * was drawn. {@link #show} therefore recomputes the ranges with every snapshot. FX thread only.
 */
final class PaneDataSet extends OhlcvDataSet {

    PaneDataSet(String title) {
        super(title);
    }

    /** Shows {@code snapshot} (a copy the renderer may keep) with ranges that match it. */
    void show(BarSeries snapshot) {
        setData(new SeriesOhlcv(snapshot));
        for (int dim = 0; dim < getDimension(); dim++) {
            recomputeLimits(dim);
        }
        fireInvalidated(ChartBits.DataSetData);
    }
}
