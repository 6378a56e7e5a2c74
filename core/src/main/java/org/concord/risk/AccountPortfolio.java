package org.concord.risk;

import org.concord.execution.AccountView;
import org.concord.execution.OrderSide;
import org.concord.model.Symbol;

import java.util.Set;

/** {@link AccountBooks} of a bare account: no books. */
final class AccountPortfolio implements AccountBooks {
    private final AccountView a;

    AccountPortfolio(AccountView a) {
        if (a == null) {
            throw new IllegalArgumentException("account is null");
        }
        this.a = a;
    }

    @Override
    public double bookQuantity(String book, Symbol symbol) {
        return 0;
    }

    @Override
    public Set<String> books() {
        return Set.of();
    }

    @Override
    public long time() {
        return a.time();
    }

    @Override
    public double cash() {
        return a.cash();
    }

    @Override
    public double equity() {
        return a.equity();
    }

    @Override
    public double positionQuantity(Symbol symbol) {
        return a.positionQuantity(symbol);
    }

    @Override
    public double openQuantity(Symbol symbol, OrderSide side) {
        return a.openQuantity(symbol, side);
    }

    @Override
    public double markPrice(Symbol symbol) {
        return a.markPrice(symbol);
    }

    @Override
    public Set<Symbol> symbols() {
        return a.symbols();
    }
}
