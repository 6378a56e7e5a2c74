package org.concord.data;

import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.model.BarChecks;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backfill from a {@link HistorySource} (exchange REST) for a range older than anything stored: asked once per
 * series and start, bad bars rejected and counted, the rest written through and added to the memory cache.
 */
final class HistoryBackfill {
    private static final Logger LOG = LoggerFactory.getLogger(DataProvider.class);
    private final BarStore store;
    private final StoreWriter writer;
    private final InputQuality quality;

    HistoryBackfill(BarStore store, StoreWriter writer, InputQuality quality) {
        this.store = store;
        this.writer = writer;
        this.quality = quality;
    }

    /** Fetches bars older than the store from {@code src}; @return true when bars were fetched and stored. */
    boolean fill(HistorySource src, SymbolState st, Timeframe tf, SeriesCache cache, long from, long to) {
        Symbol symbol = st.symbol;
        long[] range = store.range(symbol, tf);
        long fetchTo = range == null ? to : Math.min(to, range[0] - tf.millis());
        if (fetchTo < from) {
            return false;
        }
        synchronized (st.backfillLock) {
            Long asked = st.backfilledFrom.get(tf);
            if (asked != null && asked <= from) {
                return false; // asked before: the source has nothing older
            }
            BarSeries fetched = src.fetch(symbol, tf, from, fetchTo);
            int valid = 0;
            for (int i = 0; i < fetched.size(); i++) {
                String p = BarChecks.problem(fetched.open(i), fetched.high(i), fetched.low(i), fetched.close(i), fetched.volume(i));
                if (p != null) {
                    quality.report("backfill " + symbol + " " + tf, "@" + fetched.time(i), InputIssue.INVALID_PRICE, p + ": rejected");
                    continue;
                }
                writer.enqueue(fetched.bar(i, true));
                valid++;
            }
            writer.flush();
            cache.addOlder(fetched);
            st.backfilledFrom.put(tf, from);
            LOG.info("backfilled {} {} bars of {} from {} for [{}, {}]", valid, tf, symbol, src.getClass().getSimpleName(), from, fetchTo);
            return valid > 0;
        }
    }
}
