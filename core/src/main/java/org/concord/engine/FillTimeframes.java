package org.concord.engine;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Which closed bars mark and fill a symbol's paper orders on a desk: those of the pipeline's timeframe where the
 * symbol has it, else those of the shortest longer timeframe it has. The bundled ETHUSD recording is 5m bars and AAPL's
 * daily: with 1m bars only, a person's ETHUSD order was refused "no market data for ETHUSD yet" while the watchlist
 * showed its price. A symbol's shortest timeframe is the first one seen (closes of one instant arrive shortest first);
 * a shorter one seen later takes over. Feed threads, one per symbol.
 */
final class FillTimeframes {
    private final Timeframe wanted;
    private final ConcurrentHashMap<Symbol, Timeframe> chosen = new ConcurrentHashMap<>();

    FillTimeframes(Timeframe wanted) {
        this.wanted = wanted;
    }

    /** Whether the close of {@code s} at {@code t} is one its marks and fills come from. */
    boolean fills(Symbol s, Timeframe t) {
        if (t.compareTo(wanted) < 0) {
            return false;
        }
        Timeframe c = chosen.get(s);
        if (c == null || t.compareTo(c) < 0) {
            chosen.put(s, t);
            return true;
        }
        return t == c;
    }
}
