package org.concord.engine;

import org.concord.execution.PaperAccountStore;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.PaperJournalWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The person's paper account on a desk: the broker behind the order ticket and, where the desk keeps it, the journal
 * that restored it at start and writes its every fill and order change to the store. The pipeline's thread only.
 */
final class PersonAccount {
    private static final Logger LOG = LoggerFactory.getLogger(PersonAccount.class);

    private final PaperBroker paper;
    private final PaperJournalWriter journal; // null: in memory only

    /** Restores {@code paper} from {@code store} (null: kept in memory only); before any bar or order reaches it. */
    PersonAccount(PaperBroker paper, PaperAccountStore store) {
        this.paper = paper;
        this.journal = store == null ? null : PaperJournalWriter.restore(paper, store, TradingPipeline.MANUAL_ACCOUNT);
    }

    PaperBroker paper() {
        return paper;
    }

    /** Starts the account again at its initial cash, its kept history archived (not deleted); says what happened. */
    String reset() {
        PaperBrokerConfig c = paper.config();
        paper.reset();
        if (journal != null) {
            journal.archive(c.initialCash());
        }
        LOG.warn("the person's paper account was reset to {} {}{}", c.initialCash(), c.quoteAsset(),
                journal != null ? " (its history archived in the store)" : "");
        return String.format("paper account reset to %,.2f %s", c.initialCash(), c.quoteAsset());
    }

    /** Writes what the journal still has queued; after the account's last event. */
    void close() {
        if (journal != null) {
            journal.close();
        }
    }
}
