package org.concord.app.live;

import org.concord.model.Action;
import org.concord.model.Symbol;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which decisions the chart marks: a BUY or SELL where the call changes side, not every bar on which it is repeated
 * (a diamond on every candle hid the candles; each bar's decision stays in the module panel and the decision log).
 * HOLD never marks and does not end a side.
 */
final class SideChanges {
    private final Map<Symbol, Action> last = new ConcurrentHashMap<>();

    /** True when {@code action} on {@code symbol} should be marked (and from now on is the side). */
    boolean marks(Symbol symbol, Action action) {
        if (action == Action.HOLD) {
            return false;
        }
        return last.put(symbol, action) != action;
    }

    /** Forget {@code symbol}'s side (its timeline restarted). */
    void reset(Symbol symbol) {
        last.remove(symbol);
    }
}
