package org.concord.coordination;

/**
 * What closes new entries on a symbol. While one holds, a book may only shrink toward flat: no new, larger or
 * flipped position; what is held stays and exits still go out. Each closes entries for its own reason and is counted
 * on its own ({@link CoordinationEngine#entriesBlocked(EntryGate)}).
 */
public enum EntryGate {
    /** The macro gate module says BLOCK for the symbol ({@link CoordinationEngine#setEntriesOpen}). */
    MACRO("entries closed (macro gate): no new exposure"),
    /**
     * The account's drawdown is past the risk manager's halt threshold. The risk manager would refuse the new exposure
     * anyway; planning none spares a planned opening and a refusal per bucket per bar while the halt holds.
     */
    DRAWDOWN_HALT("entries closed (drawdown halt): no new exposure");

    private final String note;

    EntryGate(String note) {
        this.note = note;
    }

    /** The note on each intent and planned order the gate held back (a constant: no text built per decision). */
    public String note() {
        return note;
    }
}
