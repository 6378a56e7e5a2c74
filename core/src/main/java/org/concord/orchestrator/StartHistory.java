package org.concord.orchestrator;

import org.concord.data.DataProvider;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.Direction;

import java.util.List;

/**
 * What an orchestrator knows when it starts: the newest closed bars of each of its symbols in every timeframe, read
 * once from the DataProvider into the decision thread's {@link BarHistory}, so that its modules warm up at once and
 * its models' frames have whole windows. The desk starts before its feed resumes (no session clock yet) and gets the
 * stored bars, all closed in earlier runs; a preset switch mid-session gets those closed by the session clock (the
 * DataProvider never returns a bar that has not closed by it). Called with the orchestrator subscribed and its events
 * held ({@link DecisionLoop#start}): a bar closing meanwhile is in both, and the history keeps it once.
 */
final class StartHistory {
    private StartHistory() {
    }

    static void seed(DecisionEngine engine, DataProvider data, List<Symbol> symbols) {
        for (Symbol s : symbols) {
            int si = engine.symbolIndex(s);
            for (Timeframe tf : Timeframe.all()) {
                BarSeries b = data.bars(s, tf, Long.MIN_VALUE, Long.MAX_VALUE, DecisionEngine.HISTORY_BARS, Direction.LATEST);
                if (!b.isEmpty()) {
                    engine.history().seed(si, b);
                }
            }
        }
    }
}
