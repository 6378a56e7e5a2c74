package org.concord.app.live;

import io.fair_acc.dataset.spi.financial.OhlcvDataSet;
import org.assertj.core.data.Offset;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CandleDataSetTest {
    @Test
    void bucketsMergeConsecutiveRealBarsAndFollowUpdatesOfTheLastBar() {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        CandleColumns cols = new CandleColumns();
        for (int i = 0; i < m1.size(); i++) {
            cols.upsert(m1.time(i), m1.open(i), m1.high(i), m1.low(i), m1.close(i), m1.volume(i));
        }
        CandleDataSet ds = new CandleDataSet("t", cols);
        assertThat(ds.getDataCount()).isEqualTo(m1.size());
        assertThat(ds.get(OhlcvDataSet.DIM_X, 3)).isEqualTo(m1.time(3) / 1000.0);

        ds.setBucket(5);
        assertThat(ds.getDataCount()).isEqualTo((m1.size() + 4) / 5);
        // bucket 2 = bars 10..14: first open, max high, min low, last close, summed volume
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        double vol = 0;
        for (int i = 10; i < 15; i++) {
            hi = Math.max(hi, m1.high(i));
            lo = Math.min(lo, m1.low(i));
            vol += m1.volume(i);
        }
        assertThat(ds.get(OhlcvDataSet.DIM_X, 2)).isEqualTo(m1.time(10) / 1000.0);
        assertThat(ds.get(OhlcvDataSet.DIM_Y_OPEN, 2)).isEqualTo(m1.open(10));
        assertThat(ds.get(OhlcvDataSet.DIM_Y_HIGH, 2)).isEqualTo(hi);
        assertThat(ds.get(OhlcvDataSet.DIM_Y_LOW, 2)).isEqualTo(lo);
        assertThat(ds.get(OhlcvDataSet.DIM_Y_CLOSE, 2)).isEqualTo(m1.close(14));
        assertThat(ds.get(OhlcvDataSet.DIM_Y_VOLUME, 2)).isCloseTo(vol, Offset.offset(1e-9));

        // a new bar and then an update of it: only the last bucket changes
        long t = m1.lastTime() + 60_000;
        int idx = cols.upsert(t, 500, 501, 499, 500.5, 1);
        ds.changedFrom(idx);
        idx = cols.upsert(t, 500, 9_999, 1, 600, 2);
        ds.changedFrom(idx);
        int last = ds.getDataCount() - 1;
        assertThat(ds.get(OhlcvDataSet.DIM_Y_HIGH, last)).isEqualTo(9_999);
        assertThat(ds.get(OhlcvDataSet.DIM_Y_LOW, last)).isEqualTo(1);
        assertThat(ds.get(OhlcvDataSet.DIM_Y_CLOSE, last)).isEqualTo(600);
        assertThat(cols.size()).isEqualTo(m1.size() + 1);
        // an older time that is not stored is ignored (no hole filled in the middle)
        assertThat(cols.upsert(m1.time(0) - 60_000, 1, 1, 1, 1, 1)).isEqualTo(-1);
        ds.setBucket(1);
        assertThat(ds.getDataCount()).isEqualTo(m1.size() + 1);
    }
}
