package org.concord.live;

import org.concord.execution.ExecutionListener;
import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.Position;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

/**
 * The paper account a live session's signals trade, so its P&L is what they would have earned after costs: a
 * {@link PaperBroker} of its own with the desk's fees and slippage, never the person's or the bot's account, and its
 * fills go to no bus (they are not the desk's orders).
 *
 * <ul>
 *   <li><b>Size:</b> a position is the account's whole equity in notional at the signal's price, long or short (a
 *       margin account: the rules' SHORT is a short sale), so the percent figures read as the signals' return on the
 *       money.</li>
 *   <li><b>Fills:</b> a signal is known at the close it was made on, so its market order fills on the next bar of the
 *       model's timeframe, at that bar's open with the slippage (no lookahead); a signal overtaken before any bar
 *       came (a gap in the tape) replaces the unfilled order.</li>
 *   <li><b>Trades:</b> a round trip from the first fill that opens a position to the fill that flattens it; its result
 *       is the realized P&L after the fees of all its fills, a win when above zero.</li>
 * </ul>
 * Beside it, the baseline a trader compares it with: buy-and-hold of the same money from the first signal, with the
 * same fills and costs, and the cost of selling at the last close counted (what holding would have earned after costs).
 * Not thread-safe: the session's thread only.
 */
final class SignalAccount {
    private final PaperBroker broker;
    private final PaperBroker holder;
    private boolean holding;
    private final Symbol symbol;
    private final Timeframe tf;
    private final double initialCash;
    private long nextOrder = 1;
    private int trades;
    private int wins;
    /** Realized P&L after fees before the fill that opened the current position. */
    private double netAtOpen;

    SignalAccount(PaperBrokerConfig desk, Symbol symbol, Timeframe tf) {
        if (desk == null || symbol == null || tf == null) {
            throw new IllegalArgumentException("the desk's paper config, symbol and timeframe are required");
        }
        this.broker = new PaperBroker(desk.withBars(tf).withShorting(true).withParticipation(0));
        this.holder = new PaperBroker(desk.withBars(tf).withParticipation(0));
        this.symbol = symbol;
        this.tf = tf;
        this.initialCash = desk.initialCash();
        broker.addListener(new ExecutionListener() {
            @Override
            public void onFill(Fill fill, Order order) {
                afterFill(fill);
            }
        });
    }

    /** A closed bar of the model's timeframe, in time order: fills the previous signal's order, marks the position. */
    void onBar(long openTime, double open, double high, double low, double close, double volume) {
        broker.onBarClose(symbol, tf, openTime, open, high, low, close, volume);
        holder.onBarClose(symbol, tf, openTime, open, high, low, close, volume);
    }

    /** Moves the position to {@code side}, sized at {@code price} (the close the signal was made on). */
    void target(TwoActionPositionRules.Side side, double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be finite and > 0, got " + price);
        }
        if (!holding) {
            holding = true;
            // all the cash a spot account can spend with the fee (the fill is cut to the cash left if the open is higher)
            double unit = price * (1 + holder.config().fees().takerBps() * 1e-4);
            holder.submit(OrderRequest.market("hold", symbol, OrderSide.BUY, holder.cash() / unit));
        }
        for (Order o : broker.openOrders()) {
            broker.cancel(o.clientOrderId());
        }
        double held = broker.positionQuantity(symbol);
        int to = side == TwoActionPositionRules.Side.LONG ? 1 : side == TwoActionPositionRules.Side.SHORT ? -1 : 0;
        if ((int) Math.signum(held) == to) {
            return;
        }
        double equity = broker.equity();
        if (held != 0) {
            submit(-held); // the close first: a trade's result carries its own fees, not the next one's
        }
        if (to != 0 && equity > 0) {
            submit(to * equity / price);
        }
    }

    private void submit(double signedQuantity) {
        OrderSide s = signedQuantity > 0 ? OrderSide.BUY : OrderSide.SELL;
        broker.submit(OrderRequest.market("signal-" + nextOrder++, symbol, s, Math.abs(signedQuantity)));
    }

    private void afterFill(Fill fill) {
        Position p = broker.position(symbol);
        double net = p.realizedPnl() - p.fees();
        double before = p.quantity() - signed(fill);
        if (before == 0 && p.quantity() != 0) {
            netAtOpen = net + fill.fee(); // the opening fill's fee is the trade's, not the one before
        } else if (before != 0 && p.quantity() == 0) {
            trades++;
            if (net - netAtOpen > 0) {
                wins++;
            }
        }
    }

    private static double signed(Fill f) {
        return f.side() == OrderSide.BUY ? f.quantity() : -f.quantity();
    }

    /** LONG, SHORT or FLAT by the account's position (an order not filled yet does not count). */
    String position() {
        double q = broker.positionQuantity(symbol);
        return q > 0 ? "LONG" : q < 0 ? "SHORT" : "FLAT";
    }

    /** The open position's average entry price, NaN when flat. */
    double entryPrice() {
        Position p = broker.position(symbol);
        return p.quantity() == 0 ? Double.NaN : p.averagePrice();
    }

    /** Realized P&L after every fee paid, percent of the starting cash. */
    double realizedPct() {
        Position p = broker.position(symbol);
        return 100.0 * (p.realizedPnl() - p.fees()) / initialCash;
    }

    /** The open position at the last mark, percent of the starting cash. */
    double unrealizedPct() {
        return 100.0 * broker.position(symbol).unrealizedPnl() / initialCash;
    }

    /** Fees paid, percent of the starting cash (already inside the realized figure). */
    double feesPct() {
        return 100.0 * broker.position(symbol).fees() / initialCash;
    }

    /**
     * Buy-and-hold of the starting cash from the first signal (bought like a signal, at the next bar's open with
     * slippage and fee), less what selling at the last close would cost: percent of the starting cash.
     */
    double buyHoldPct() {
        Position p = holder.position(symbol);
        double exit = 0;
        if (p.quantity() != 0) {
            PaperBrokerConfig c = holder.config();
            double notional = p.quantity() * p.markPrice();
            exit = notional * c.slippage().slippageBps(p.quantity(), p.markPrice(), 0) * 1e-4 + c.fees().fee(notional, Liquidity.TAKER);
        }
        return 100.0 * (holder.equity() - exit - initialCash) / initialCash;
    }

    int trades() {
        return trades;
    }

    int wins() {
        return wins;
    }

    /** The account's equity (cash plus the position at its mark). */
    double equity() {
        return broker.equity();
    }
}
