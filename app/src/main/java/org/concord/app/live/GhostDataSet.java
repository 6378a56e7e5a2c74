package org.concord.app.live;

import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.financial.OhlcvDataSet;
import org.concord.live.GhostCandle;

import java.util.List;

/**
 * The model's predicted next candles as a ChartFX OHLCV data set (x in seconds), drawn by their own translucent
 * renderer beside the real candles. Replaced as a whole with each live snapshot; FX thread only.
 */
public final class GhostDataSet extends SortedDataSet<GhostDataSet> {
    private List<GhostCandle> ghosts = List.of();

    public GhostDataSet(String name) {
        super(name, 7);
    }

    public void set(List<GhostCandle> g) {
        ghosts = List.copyOf(g);
    }

    public List<GhostCandle> ghosts() {
        return ghosts;
    }

    @Override
    public double get(int dimIndex, int index) {
        GhostCandle g = ghosts.get(index);
        return switch (dimIndex) {
            case DIM_X -> g.openTime() / 1000.0;
            case OhlcvDataSet.DIM_Y_OPEN -> g.open();
            case OhlcvDataSet.DIM_Y_HIGH -> g.high();
            case OhlcvDataSet.DIM_Y_LOW -> g.low();
            case OhlcvDataSet.DIM_Y_CLOSE -> g.close();
            case OhlcvDataSet.DIM_Y_VOLUME, OhlcvDataSet.DIM_Y_OI -> 0;
            default -> throw new IllegalArgumentException("dimension " + dimIndex + " of 7");
        };
    }

    @Override
    public int getDataCount() {
        return ghosts.size();
    }

    @Override
    public DataSet set(DataSet other, boolean copy) {
        throw new UnsupportedOperationException("ghost candles are set from a live snapshot");
    }
}
