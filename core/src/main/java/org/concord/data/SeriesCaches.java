package org.concord.data;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.Direction;

/**
 * How a symbol's series cache is made on its first use: sized, written behind to the store (a transient session's only
 * from its first eviction), and seeded with the newest stored bars that closed before the session's clock, so a store
 * filled by an earlier run cannot put the future into a replay. Called under the symbol's lock.
 */
final class SeriesCaches {
    private final BarStore store;
    private final StoreWriter writer;
    private final int seedBars;
    private final int maxCachedBars;
    private final boolean persisted;

    SeriesCaches(BarStore store, StoreWriter writer, int seedBars, int maxCachedBars, boolean persisted) {
        this.store = store;
        this.writer = writer;
        this.seedBars = seedBars;
        this.maxCachedBars = maxCachedBars;
        this.persisted = persisted;
    }

    /** {@code st}'s cache of {@code tf}, made and seeded if it has none yet. */
    SeriesCache of(SymbolState st, Timeframe tf) {
        SeriesCache c = st.caches[tf.ordinal()];
        if (c == null) {
            c = new SeriesCache(st.symbol, tf, maxCachedBars, writer, persisted);
            long bound = st.clock == Long.MIN_VALUE ? Long.MAX_VALUE : tf.floor(st.clock);
            BarSeries seed = store.query(st.symbol, tf, Long.MIN_VALUE, bound, seedBars, Direction.BEFORE);
            c.seed(seed, seed.size() < seedBars ? Long.MIN_VALUE : seed.time(0));
            st.gaps.saw(seed); // whether this market trades on weekends, from what is stored
            st.caches[tf.ordinal()] = c;
        }
        return c;
    }
}
