package org.concord.execution;

import org.concord.model.Symbol;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Several accounts seen as one by the risk manager: cash, equity, positions and working orders are the sums of the
 * accounts'; a mark, and an instrument's clock, are the first account's that has a mark; the time is the latest. The
 * desk's two paper accounts (the person's and the orchestrator's) are judged together through it, so the limits hold
 * for everything they trade. A live read-through view: it copies nothing, so it is read on the thread that owns the
 * accounts.
 */
public final class CombinedAccount implements AccountView {
    private final List<AccountView> accounts;

    public CombinedAccount(List<? extends AccountView> accounts) {
        if (accounts == null || accounts.isEmpty() || accounts.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("at least one account, none null");
        }
        if (new LinkedHashSet<>(accounts).size() != accounts.size()) {
            throw new IllegalArgumentException("an account may be counted once only");
        }
        this.accounts = List.copyOf(accounts);
    }

    @Override
    public long time() {
        long t = Long.MIN_VALUE;
        for (AccountView a : accounts) {
            t = Math.max(t, a.time());
        }
        return t;
    }

    @Override
    public long time(Symbol symbol) {
        for (AccountView a : accounts) {
            if (a.markPrice(symbol) > 0) {
                return a.time(symbol);
            }
        }
        return time();
    }

    @Override
    public double cash() {
        double c = 0;
        for (AccountView a : accounts) {
            c += a.cash();
        }
        return c;
    }

    @Override
    public double equity() {
        double e = 0;
        for (AccountView a : accounts) {
            e += a.equity();
        }
        return e;
    }

    @Override
    public double positionQuantity(Symbol symbol) {
        double q = 0;
        for (AccountView a : accounts) {
            q += a.positionQuantity(symbol);
        }
        return q;
    }

    @Override
    public double openQuantity(Symbol symbol, OrderSide side) {
        double q = 0;
        for (AccountView a : accounts) {
            q += a.openQuantity(symbol, side);
        }
        return q;
    }

    @Override
    public double markPrice(Symbol symbol) {
        for (AccountView a : accounts) {
            double m = a.markPrice(symbol);
            if (m > 0) {
                return m;
            }
        }
        return 0;
    }

    @Override
    public Set<Symbol> symbols() {
        Set<Symbol> out = new LinkedHashSet<>();
        for (AccountView a : accounts) {
            out.addAll(a.symbols());
        }
        return out;
    }
}
