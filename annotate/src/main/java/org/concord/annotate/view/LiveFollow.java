package org.concord.annotate.view;

import org.concord.annotate.FxCoalescer;
import org.concord.annotate.chart.CandlePane;
import org.concord.data.DataProvider;
import org.concord.bus.Subscription;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps the panes at the live edge: a bar close of the shown symbol on one of the panes' timeframes lets each pane
 * page right again through the {@link HistoryLoader}. Closes arrive on the ingest thread and are coalesced to one
 * update per FX pulse, so a fast replay costs the FX thread one pass, not one per bar.
 */
public final class LiveFollow implements AutoCloseable {
    private final Subscription subscription;

    public LiveFollow(DataProvider data, Collection<Timeframe> timeframes, Supplier<Symbol> shown, List<CandlePane> panes, HistoryLoader loader) {
        Set<Timeframe> watched = EnumSet.copyOf(timeframes);
        FxCoalescer update = new FxCoalescer(() -> {
            for (CandlePane p : panes) {
                loader.barsClosed(p);
            }
        });
        subscription = data.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> {
            if (watched.contains(tf) && s.equals(shown.get())) {
                update.request();
            }
        });
    }

    @Override
    public void close() {
        subscription.close();
    }
}
