package org.concord.training.frames;

import org.concord.data.DataProvider;
import org.concord.store.Direction;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.List;
import java.util.Map;

/**
 * Where frames and labels read closed bars. The live path is the {@link DataProvider}; bulk training over
 * history uses {@link SeriesWindowSource}, which applies the same rule on in-memory series (a test checks that
 * both give the same windows on real data).
 */
public interface WindowSource {
    /** For each timeframe the latest {@code limit} bars that closed at or before {@code at}. */
    Map<Timeframe, BarSeries> windows(Symbol symbol, List<Timeframe> timeframes, long at, int limit);

    /** Closed bars with open time in {@code [fromOpen, toOpen]} (at most {@code limit}, the latest), oldest first. */
    BarSeries range(Symbol symbol, Timeframe tf, long fromOpen, long toOpen, int limit);

    static WindowSource of(DataProvider data) {
        if (data == null) {
            throw new IllegalArgumentException("data provider is null");
        }
        return new WindowSource() {
            @Override
            public Map<Timeframe, BarSeries> windows(Symbol symbol, List<Timeframe> timeframes, long at, int limit) {
                return data.multiTimeframe(symbol, timeframes, at, limit);
            }

            @Override
            public BarSeries range(Symbol symbol, Timeframe tf, long fromOpen, long toOpen, int limit) {
                return data.bars(symbol, tf, fromOpen, toOpen, limit, Direction.LATEST);
            }
        };
    }
}
