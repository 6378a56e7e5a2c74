package org.concord.execution;

import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cash, positions, marks and each instrument's clock of a paper account; applies fills (average-price accounting). */
final class PaperLedger {
    private static final class Pos {
        double quantity;
        double averagePrice;
        double realized;
        double fees;
        double mark;
        long time = Long.MIN_VALUE; // of the symbol's last market event (or replayed fill)
    }

    private final Map<Symbol, Pos> positions = new LinkedHashMap<>();
    // the same positions by index (never removed): equity() walks them on every bar and decision without an iterator
    private final List<Pos> all = new ArrayList<>();
    private double cash;

    PaperLedger(double cash) {
        this.cash = cash;
    }

    /** Applies a stored account's fills, oldest first, each marking its symbol; the last fill's time (MIN_VALUE: none). */
    long replay(List<Fill> fills) {
        long last = Long.MIN_VALUE;
        for (Fill f : fills) {
            apply(f);
            mark(f.symbol(), f.price(), f.time());
            last = Math.max(last, f.time());
        }
        return last;
    }

    /** Empties the account: {@code newCash}, no positions, no marks. */
    void clear(double newCash) {
        positions.clear();
        all.clear();
        cash = newCash;
    }

    double cash() {
        return cash;
    }

    private Pos pos(Symbol s) {
        Pos p = positions.get(s);
        if (p == null) {
            p = new Pos();
            positions.put(s, p);
            all.add(p);
        }
        return p;
    }

    /** A market event of {@code s} starts at {@code t}: its clock moves on to it, never back (see {@link #clear}). */
    void advance(Symbol s, long t) {
        Pos p = pos(s);
        p.time = Math.max(p.time, t);
    }

    /** {@code s} is marked at {@code price}, seen at {@code t}. */
    void mark(Symbol s, double price, long t) {
        Pos p = pos(s);
        p.mark = price;
        p.time = Math.max(p.time, t);
    }

    /** The time of {@code s}'s last market event, or {@code none} when it has had none since the last clear. */
    long time(Symbol s, long none) {
        Pos p = positions.get(s);
        return p == null || p.time == Long.MIN_VALUE ? none : p.time;
    }

    double markPrice(Symbol s) {
        Pos p = positions.get(s);
        return p == null ? 0 : p.mark;
    }

    double quantity(Symbol s) {
        Pos p = positions.get(s);
        return p == null ? 0 : p.quantity;
    }

    void apply(Fill f) {
        Pos p = pos(f.symbol());
        double q = f.signedQuantity();
        cash -= q * f.price() + f.fee();
        p.fees += f.fee();
        double old = p.quantity;
        double next = old + q;
        if (old == 0 || Math.signum(old) == Math.signum(q)) {
            p.averagePrice = (Math.abs(old) * p.averagePrice + Math.abs(q) * f.price()) / Math.abs(next);
        } else {
            double closed = Math.min(Math.abs(old), Math.abs(q));
            p.realized += closed * (f.price() - p.averagePrice) * Math.signum(old);
            if (Math.abs(q) > Math.abs(old)) {
                p.averagePrice = f.price(); // flipped: the rest opens a new position at this price
            }
        }
        // Snap dust from floating-point arithmetic so a closed position reads flat.
        if (Math.abs(next) < 1e-12 * Math.max(1, Math.abs(old))) {
            next = 0;
        }
        p.quantity = next;
        if (next == 0) {
            p.averagePrice = 0;
        }
        if (p.mark == 0) {
            p.mark = f.price();
        }
    }

    double equity() {
        double e = cash;
        for (int i = 0, n = all.size(); i < n; i++) {
            Pos p = all.get(i);
            e += p.quantity * p.mark;
        }
        return e;
    }

    Position position(Symbol s) {
        Pos p = positions.get(s);
        return p == null ? new Position(s, 0, 0, 0, 0, 0) : new Position(s, p.quantity, p.averagePrice, p.realized, p.fees, p.mark);
    }

    List<Position> openPositions() {
        List<Position> out = new ArrayList<>();
        positions.forEach((s, p) -> {
            if (p.quantity != 0) {
                out.add(position(s));
            }
        });
        return out;
    }

    Iterable<Symbol> symbols() {
        return positions.keySet();
    }
}
