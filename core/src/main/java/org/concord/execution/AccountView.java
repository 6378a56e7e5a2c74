package org.concord.execution;

import org.concord.model.Symbol;

import java.util.Set;

/**
 * A read-only view of an account that risk checks and sizing read: cash, positions, working orders and marks.
 * Quantities are in the instrument's base units, money in the quote currency.
 */
public interface AccountView {
    /** Time of the last market event the account saw (epoch ms). */
    long time();

    /**
     * The clock of {@code symbol}'s market in this account: the time of its last market event, or {@link #time()}
     * when it has none yet. Differs from {@link #time()} where instruments run on calendars of their own (the desk's
     * bundled replay); what one instrument's order needs a time for (a good-till-date expiry) uses this one.
     */
    default long time(Symbol symbol) {
        return time();
    }

    double cash();

    /** cash + the sum of position quantity times mark price. */
    double equity();

    /** Signed net position (0 when flat). */
    double positionQuantity(Symbol symbol);

    /**
     * Remaining quantity of working orders on {@code side}, counting a one-cancels-other exit pair once (only one
     * of the pair can fill): the worst-case position change if they all fill.
     */
    double openQuantity(Symbol symbol, OrderSide side);

    /** The last price seen, or 0 when none yet. */
    double markPrice(Symbol symbol);

    /** Instruments with a position, a working order or a mark. */
    Set<Symbol> symbols();
}
