package org.concord.live;

import org.concord.model.Action;

/**
 * Running paper P&L of a model's live signals, so a person can judge it before activating it: the signals drive
 * {@link TwoActionPositionRules}; a position opens and closes at the close price of the bar the signal was made
 * on (no fees, no slippage: an upper bound on what the model could have earned). Returns are simple percent per
 * trade, summed (not compounded). Not thread-safe: one owner, signal order.
 */
public final class PaperSignalPnl {
    private final TwoActionPositionRules rules;
    private double entryPrice = Double.NaN;
    private double realizedPct;
    private int trades;
    private int wins;
    private double lastPrice = Double.NaN;

    public PaperSignalPnl(TwoActionPositionRules.Thresholds thresholds) {
        this.rules = new TwoActionPositionRules(thresholds);
    }

    /** Feeds one signal made at {@code price}; returns the position transition it caused. */
    public TwoActionPositionRules.Transition onSignal(Action action, double confidence, double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, got " + price);
        }
        TwoActionPositionRules.Side before = rules.side();
        TwoActionPositionRules.Transition t = rules.onSignal(action, confidence);
        lastPrice = price;
        if (before != TwoActionPositionRules.Side.FLAT && rules.side() != before) {
            double r = returnPct(before, entryPrice, price);
            realizedPct += r;
            trades++;
            if (r > 0) {
                wins++;
            }
            entryPrice = Double.NaN;
        }
        if (rules.side() != TwoActionPositionRules.Side.FLAT && before != rules.side()) {
            entryPrice = price;
        }
        return t;
    }

    /** Marks the open position to a new price (a bar close without a signal). */
    public void mark(double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, got " + price);
        }
        lastPrice = price;
    }

    private static double returnPct(TwoActionPositionRules.Side side, double entry, double exit) {
        double sign = side == TwoActionPositionRules.Side.LONG ? 1 : -1;
        return sign * 100.0 * (exit / entry - 1.0);
    }

    public TwoActionPositionRules.Side side() {
        return rules.side();
    }

    public double entryPrice() {
        return entryPrice;
    }

    public double realizedPct() {
        return realizedPct;
    }

    /** P&L of the open position at the last price (0 when flat). */
    public double unrealizedPct() {
        return rules.side() == TwoActionPositionRules.Side.FLAT || Double.isNaN(lastPrice) ? 0 : returnPct(rules.side(), entryPrice, lastPrice);
    }

    public double totalPct() {
        return realizedPct + unrealizedPct();
    }

    public int trades() {
        return trades;
    }

    public int wins() {
        return wins;
    }
}
