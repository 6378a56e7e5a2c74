package org.concord.execution;

/**
 * Where a {@link PaperBroker} reports what a restart needs: every fill, and each order's new state after every
 * transition. Called on the broker's thread, so an implementation must hand the work off (never block it).
 */
public interface PaperJournal {
    PaperJournal NONE = new PaperJournal() {
        @Override
        public void order(PaperOrderRecord order) {
        }

        @Override
        public void fill(Fill fill) {
        }
    };

    void order(PaperOrderRecord order);

    void fill(Fill fill);
}
