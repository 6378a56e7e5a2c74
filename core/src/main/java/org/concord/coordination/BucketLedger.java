package org.concord.coordination;

import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The buckets' virtual books inside the one real account: each bucket's position per symbol, what it has on order
 * (pending), its average price, realized profit and fees. The account holds the sum; a fill of a netted order is
 * split between the buckets it serves in proportion to what each asked for, at the fill's price, and fees are split
 * the same way. Opposite wishes in one decision cross internally at the mark price, without an order or a fee.
 *
 * <p>A bucket's position going flat (or flipping) closes a trade: its return is the profit after fees over the
 * notional it was opened with; it goes to the {@link TradeListener}.
 */
public final class BucketLedger {
    private static final double DUST = 1e-12;

    /** Receives each closed bucket trade. */
    @FunctionalInterface
    public interface TradeListener {
        void onTradeClosed(Bucket bucket, Symbol symbol, Position position, long exitTime, double realizedReturn, double pnl);
    }

    /** One bucket's book in one symbol (mutable; read through the accessors). */
    public static final class Position {
        double quantity;
        double pending;
        double averagePrice;
        double realizedTotal;
        double feesTotal;
        double crossedNotional; // what this book filled internally against opposite books (fee-free), at the mark
        // the trade currently open
        long entryTime;
        double openNotional;
        double tradePnl;
        String leadSource = "";
        Double predictedReturn;
        int minHoldingBars = 1;
        int maxHoldingBars = Integer.MAX_VALUE;
        // the opening details of the next trade, set when a plan opens or flips this book
        String nextLead = "";
        Double nextPredicted;
        int nextMin = 1;
        int nextMax = Integer.MAX_VALUE;

        public double quantity() {
            return quantity;
        }

        public double pending() {
            return pending;
        }

        public double averagePrice() {
            return averagePrice;
        }

        public long entryTime() {
            return entryTime;
        }

        public String leadSource() {
            return leadSource;
        }

        public Double predictedReturn() {
            return predictedReturn;
        }

        public int minHoldingBars() {
            return minHoldingBars;
        }

        public int maxHoldingBars() {
            return maxHoldingBars;
        }

        /** Realized profit plus open profit at {@code mark}, less fees, since the book started. */
        public double pnl(double mark) {
            return realizedTotal + (quantity == 0 ? 0 : quantity * (mark - averagePrice)) - feesTotal;
        }
    }

    private final Map<Symbol, Position[]> books = new LinkedHashMap<>();
    /** The same books by index, in creation order: walked every bar without an iterator. */
    private final List<Symbol> symbolOrder = new ArrayList<>();
    private final List<Position[]> bookRows = new ArrayList<>();
    private TradeListener listener = (b, s, p, t, r, pnl) -> { };

    public void setTradeListener(TradeListener l) {
        if (l == null) {
            throw new IllegalArgumentException("listener is null");
        }
        this.listener = l;
    }

    public Position position(Bucket b, Symbol s) {
        return books(s)[b.ordinal()];
    }

    /** The four books of {@code s}, bucket order (created on first use). */
    Position[] books(Symbol s) {
        Position[] a = books.get(s);
        if (a == null) {
            a = new Position[Bucket.COUNT];
            for (int i = 0; i < a.length; i++) {
                a[i] = new Position();
            }
            books.put(s, a);
            symbolOrder.add(s);
            bookRows.add(a);
        }
        return a;
    }

    /** Whether any book holds a position past its maximum holding period at {@code time}. */
    boolean anyHeldPastMax(long time) {
        for (int i = 0; i < bookRows.size(); i++) {
            for (Position p : bookRows.get(i)) {
                if (p.quantity != 0 && (time - p.entryTime) / Bucket.BAR_MILLIS >= p.maxHoldingBars) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How many symbols any bucket has touched (for the decision thread, with {@link #symbolAt}: no iterator). */
    int symbolCount() {
        return symbolOrder.size();
    }

    /** The {@code i}-th symbol with books, in creation order. */
    Symbol symbolAt(int i) {
        return symbolOrder.get(i);
    }

    /** Symbols any bucket has touched. */
    public List<Symbol> symbols() {
        return Collections.unmodifiableList(new ArrayList<>(books.keySet()));
    }

    /** Filled plus pending quantity of a book: what the book will hold when its orders are done. */
    public double committed(Bucket b, Symbol s) {
        Position p = position(b, s);
        return p.quantity + p.pending;
    }

    /** Records the opening details a plan gives a book that is flat or flips. */
    void planOpening(Bucket b, Symbol s, String lead, Double predicted, int minHolding, int maxHolding) {
        Position p = position(b, s);
        p.nextLead = lead;
        p.nextPredicted = predicted;
        p.nextMin = minHolding;
        p.nextMax = maxHolding;
    }

    /** A planned change goes on order. */
    void addPending(Bucket b, Symbol s, double q) {
        position(b, s).pending += q;
    }

    /** A part of an order that will not fill (canceled, rejected, expired) stops being pending. */
    void releasePending(Bucket b, Symbol s, double q) {
        Position p = position(b, s);
        p.pending -= q;
        if (Math.abs(p.pending) < DUST) {
            p.pending = 0;
        }
    }

    /**
     * Crosses the opposite parts of {@code comps} (signed quantity per bucket, bucket order) at {@code price}: each
     * book gets its share of the crossing volume as a fee-free fill. {@code comps} is left holding what still needs
     * an order (all on one side).
     *
     * @return the volume crossed
     */
    double crossInternally(Symbol s, double[] comps, double price, long time) {
        double buys = 0;
        double sells = 0;
        for (double c : comps) {
            if (c > 0) {
                buys += c;
            } else {
                sells -= c;
            }
        }
        double x = Math.min(buys, sells);
        if (!(x > 0)) {
            return 0;
        }
        for (int i = 0; i < comps.length; i++) {
            double c = comps[i];
            if (c == 0) {
                continue;
            }
            double q = c > 0 ? x * c / buys : -x * (-c) / sells;
            fill(Bucket.at(i), s, q, price, 0, time);
            position(Bucket.at(i), s).crossedNotional += Math.abs(q) * price;
            comps[i] = c - q;
            if (Math.abs(comps[i]) < DUST * Math.max(1, Math.abs(c))) {
                comps[i] = 0;
            }
        }
        return x;
    }

    /** A fill of {@code q} (signed) for book {@code b} at {@code price} with {@code fee}. */
    void fill(Bucket b, Symbol s, double q, double price, double fee, long time) {
        Position p = position(b, s);
        p.pending -= q;
        if (Math.abs(p.pending) < DUST * Math.max(1, Math.abs(q))) {
            p.pending = 0;
        }
        p.feesTotal += fee;
        double old = p.quantity;
        if (old == 0 || Math.signum(old) == Math.signum(q)) {
            if (old == 0) {
                open(p, time);
            }
            p.averagePrice = (Math.abs(old) * p.averagePrice + Math.abs(q) * price) / Math.abs(old + q);
            p.openNotional += Math.abs(q) * price;
            p.tradePnl -= fee;
            p.quantity = old + q;
            return;
        }
        double closed = Math.min(Math.abs(q), Math.abs(old));
        double realized = closed * (price - p.averagePrice) * Math.signum(old);
        double closeFee = fee * closed / Math.abs(q);
        p.realizedTotal += realized;
        p.tradePnl += realized - closeFee;
        double next = old + q;
        if (Math.abs(next) < DUST * Math.max(1, Math.abs(old))) {
            next = 0;
        }
        p.quantity = next;
        if (next == 0 || Math.signum(next) != Math.signum(old)) {
            double pnl = p.tradePnl;
            double ret = p.openNotional > 0 ? pnl / p.openNotional : 0;
            listener.onTradeClosed(b, s, p, time, ret, pnl);
            if (next != 0) {
                open(p, time);
                p.averagePrice = price;
                p.openNotional = Math.abs(next) * price;
                p.tradePnl = -(fee - closeFee);
            } else {
                p.averagePrice = 0;
                p.openNotional = 0;
                p.tradePnl = 0;
            }
        }
    }

    private static void open(Position p, long time) {
        p.entryTime = time;
        p.openNotional = 0;
        p.tradePnl = 0;
        p.leadSource = p.nextLead;
        p.predictedReturn = p.nextPredicted;
        p.minHoldingBars = p.nextMin;
        p.maxHoldingBars = p.nextMax;
    }

    /** A bucket's profit (realized + open at the marks - fees) since the start. */
    public double pnl(Bucket b, ToDoubleFunction<Symbol> marks) {
        double v = 0;
        for (int i = 0; i < bookRows.size(); i++) {
            Position p = bookRows.get(i)[b.ordinal()];
            v += p.pnl(p.quantity == 0 ? 0 : marks.applyAsDouble(symbolOrder.get(i)));
        }
        return v;
    }

    /** Notional a bucket filled internally against opposite buckets since the start (no order, no fee). */
    public double crossedNotional(Bucket b) {
        double v = 0;
        for (int i = 0; i < bookRows.size(); i++) {
            v += bookRows.get(i)[b.ordinal()].crossedNotional;
        }
        return v;
    }

    /** Filled plus pending quantity of a symbol over all books: what they will hold when their orders are done. */
    public double committed(Symbol s) {
        Position[] a = books.get(s);
        double q = 0;
        if (a != null) {
            for (Position p : a) {
                q += p.quantity + p.pending;
            }
        }
        return q;
    }

    /** Sum of the books' quantities of a symbol (equals the account's position when all orders are the coordinator's). */
    public double total(Symbol s) {
        Position[] a = books.get(s);
        if (a == null) {
            return 0;
        }
        double q = 0;
        for (Position p : a) {
            q += p.quantity;
        }
        return q;
    }
}
