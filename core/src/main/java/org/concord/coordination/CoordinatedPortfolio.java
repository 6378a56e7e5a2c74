package org.concord.coordination;

import org.concord.execution.AccountView;
import org.concord.execution.OrderSide;
import org.concord.model.Symbol;
import org.concord.risk.AccountBooks;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The account as the risk check sees it, split into the buckets' books: a book's quantity is what it holds plus
 * what it has on order (worst case).
 */
final class CoordinatedPortfolio implements AccountBooks {
    private static final Set<String> BOOKS;

    static {
        Set<String> s = new LinkedHashSet<>();
        for (Bucket b : Bucket.ALL) {
            s.add(b.book());
        }
        BOOKS = Set.copyOf(s);
    }

    private final AccountView account;
    private final BucketLedger ledger;

    CoordinatedPortfolio(AccountView account, BucketLedger ledger) {
        this.account = account;
        this.ledger = ledger;
    }

    @Override
    public double bookQuantity(String book, Symbol symbol) {
        Bucket b = Bucket.ofBook(book);
        return b == null ? 0 : ledger.committed(b, symbol);
    }

    @Override
    public Set<String> books() {
        return BOOKS;
    }

    @Override
    public long time() {
        return account.time();
    }

    @Override
    public long time(Symbol symbol) {
        return account.time(symbol);
    }

    @Override
    public double cash() {
        return account.cash();
    }

    @Override
    public double equity() {
        return account.equity();
    }

    @Override
    public double positionQuantity(Symbol symbol) {
        return account.positionQuantity(symbol);
    }

    @Override
    public double openQuantity(Symbol symbol, OrderSide side) {
        return account.openQuantity(symbol, side);
    }

    @Override
    public double markPrice(Symbol symbol) {
        return account.markPrice(symbol);
    }

    @Override
    public Set<Symbol> symbols() {
        Set<Symbol> s = new LinkedHashSet<>(account.symbols());
        s.addAll(ledger.symbols());
        return s;
    }
}
