package org.concord.risk;

import org.concord.execution.AccountView;
import org.concord.model.Symbol;

import java.util.Set;

/**
 * An account plus its split into books (the coordination layer's buckets). A plain account has no books.
 */
public interface AccountBooks extends AccountView {
    /** Signed quantity {@code book} holds of {@code symbol}. */
    double bookQuantity(String book, Symbol symbol);

    /** Books with a position. */
    Set<String> books();

    /** A view of an account with no books. */
    static AccountBooks of(AccountView account) {
        if (account instanceof AccountBooks p) {
            return p;
        }
        return new AccountPortfolio(account);
    }
}
