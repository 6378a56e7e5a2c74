package org.concord.execution.binance;

import org.concord.execution.Fill;
import org.concord.model.Symbol;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Average entry price, realized profit and fees per symbol from this adapter's own fills (the quantity held is
 * the exchange's balance; this ledger only prices it).
 */
final class SpotLedger {
    static final class Book {
        double quantity;
        double averagePrice;
        double realized;
        double fees;
    }

    private final Map<Symbol, Book> books = new LinkedHashMap<>();

    void apply(Fill f) {
        Book b = books.computeIfAbsent(f.symbol(), k -> new Book());
        double q = f.signedQuantity();
        double old = b.quantity;
        double next = old + q;
        b.fees += f.fee();
        if (old == 0 || Math.signum(old) == Math.signum(q)) {
            b.averagePrice = (Math.abs(old) * b.averagePrice + Math.abs(q) * f.price()) / Math.abs(next);
        } else {
            double closed = Math.min(Math.abs(old), Math.abs(q));
            b.realized += closed * (f.price() - b.averagePrice) * Math.signum(old);
            if (Math.abs(q) > Math.abs(old)) {
                b.averagePrice = f.price();
            }
        }
        if (Math.abs(next) < 1e-12 * Math.max(1, Math.abs(old))) {
            next = 0;
        }
        b.quantity = next;
        if (next == 0) {
            b.averagePrice = 0;
        }
    }

    Book book(Symbol s) {
        Book b = books.get(s);
        return b == null ? new Book() : b;
    }
}
