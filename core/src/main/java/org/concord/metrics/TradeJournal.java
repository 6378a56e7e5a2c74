package org.concord.metrics;

import org.concord.execution.Fill;
import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link RoundTrip}s from an account's fills: per symbol, a trade opens when the position leaves flat and
 * closes when it returns to flat; a fill that flips the position closes one trade and opens the next with the
 * rest. Profit uses average-price accounting (as the broker's positions do) and includes every fee.
 */
public final class TradeJournal {
    private static final double DUST = 1e-12;

    private static final class Open {
        double position;
        double avg;
        long entryTime;
        double maxQty;
        double entryNotional;
        double entryQty;
        double exitNotional;
        double exitQty;
        double realized;
        double fees;
    }

    private final Map<Symbol, Open> open = new HashMap<>();
    private final List<RoundTrip> trips = new ArrayList<>();

    public static List<RoundTrip> of(List<Fill> fills) {
        TradeJournal j = new TradeJournal();
        for (Fill f : fills) {
            j.onFill(f);
        }
        return j.roundTrips();
    }

    public void onFill(Fill f) {
        apply(f.symbol(), f.time(), f.signedQuantity(), f.price(), f.fee());
    }

    /** One execution: {@code q} signed. */
    public void apply(Symbol s, long time, double q, double price, double fee) {
        Open o = open.computeIfAbsent(s, k -> new Open());
        double old = o.position;
        if (old == 0) {
            start(o, time);
        }
        if (old == 0 || Math.signum(old) == Math.signum(q)) {
            o.avg = (Math.abs(old) * o.avg + Math.abs(q) * price) / Math.abs(old + q);
            o.position = old + q;
            o.entryNotional += Math.abs(q) * price;
            o.entryQty += Math.abs(q);
            o.maxQty = Math.max(o.maxQty, Math.abs(o.position));
            o.fees += fee;
            return;
        }
        double closed = Math.min(Math.abs(q), Math.abs(old));
        double closeFee = fee * closed / Math.abs(q);
        o.realized += closed * (price - o.avg) * Math.signum(old);
        o.exitNotional += closed * price;
        o.exitQty += closed;
        o.fees += closeFee;
        double next = old + q;
        if (Math.abs(next) < DUST * Math.max(1, Math.abs(old))) {
            next = 0;
        }
        o.position = next;
        if (next == 0 || Math.signum(next) != Math.signum(old)) {
            int dir = (int) Math.signum(old);
            double entryPrice = o.entryNotional / o.entryQty;
            double pnl = o.realized - o.fees;
            trips.add(new RoundTrip(s, dir, o.entryTime, time, o.maxQty, entryPrice, o.exitNotional / o.exitQty, pnl, o.fees,
                    pnl / (entryPrice * o.maxQty), o.entryQty));
            if (next != 0) {
                start(o, time);
                o.position = next;
                o.avg = price;
                o.entryNotional = Math.abs(next) * price;
                o.entryQty = Math.abs(next);
                o.maxQty = Math.abs(next);
                o.fees = fee - closeFee;
            }
        }
    }

    private static void start(Open o, long time) {
        o.entryTime = time;
        o.maxQty = 0;
        o.entryNotional = 0;
        o.entryQty = 0;
        o.exitNotional = 0;
        o.exitQty = 0;
        o.realized = 0;
        o.fees = 0;
        o.avg = 0;
    }

    public List<RoundTrip> roundTrips() {
        return Collections.unmodifiableList(trips);
    }
}
