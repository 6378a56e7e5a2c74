package org.concord.risk;

import org.concord.execution.AccountView;
import org.concord.model.Symbol;

/** Prices the risk check values exposure at. */
@FunctionalInterface
public interface MarketView {
    /** The current price, or 0/NaN when none (an order on such an instrument is rejected with NO_PRICE). */
    double price(Symbol symbol);

    /** The account's own marks. */
    static MarketView of(AccountView account) {
        return account::markPrice;
    }
}
