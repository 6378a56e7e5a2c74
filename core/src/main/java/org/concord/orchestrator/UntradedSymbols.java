package org.concord.orchestrator;

import org.concord.model.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says once per symbol that bars arrive for a symbol no orchestrator decides on: a feed on BTCUSDT with an
 * orchestrator configured for BTCUSD otherwise closes bar after bar with zero decisions and not a word. Called on
 * feed threads for every bar close the orchestrator drops; after the first one per symbol it only reads a set. An
 * orchestrator run for one instrument of the file (one per instrument in a session) drops its siblings' bars: those
 * are traded, by the sibling, and not reported.
 */
final class UntradedSymbols {
    private static final Logger LOG = LoggerFactory.getLogger(TradingOrchestrator.class);

    private final List<Symbol> traded;
    private final Set<Symbol> warned = ConcurrentHashMap.newKeySet();

    /** @param traded every instrument of the configuration (the file's list, not one orchestrator's narrowed one) */
    UntradedSymbols(List<Symbol> traded) {
        this.traded = List.copyOf(traded);
    }

    void barFor(Symbol s) {
        if (!traded.contains(s) && !warned.contains(s) && warned.add(s)) {
            LOG.warn("bars for {} arrive but no orchestrator trades {}: check orchestrator.symbols in concord.yaml (it trades {}; a venue's "
                    + "symbol maps to ours through the instruments: section)", s, s, traded);
        }
    }

    Set<Symbol> warned() {
        return Set.copyOf(warned);
    }
}
