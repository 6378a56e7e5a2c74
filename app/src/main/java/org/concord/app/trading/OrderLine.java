package org.concord.app.trading;

import org.concord.execution.Order;
import org.concord.execution.OrderType;
import org.concord.execution.Position;
import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One horizontal line the chart draws for trading: a working order's entry price, its stop-loss or take-profit,
 * or a position's average entry (the person's, and the orchestrator's own). Only the person's order entry, SL and
 * TP (before its exits exist) can be dragged.
 */
public record OrderLine(Kind kind, String clientOrderId, double price, String label, boolean draggable) {
    public enum Kind { ENTRY, STOP_LOSS, TAKE_PROFIT, POSITION, BOT_POSITION }

    /** What identifies the line across snapshots (its order and kind), so a redraw updates it in place. */
    public String key() {
        return kind + "/" + (clientOrderId == null ? "" : clientOrderId);
    }

    /** The lines of {@code symbol}'s working orders and positions in {@code s}: the person's, and the bot's position. */
    public static List<OrderLine> of(TradingSnapshot s, Symbol symbol) {
        List<OrderLine> out = new ArrayList<>();
        if (s == null || symbol == null) {
            return out;
        }
        for (Order o : s.manual().working()) {
            if (!o.symbol().equals(symbol)) {
                continue;
            }
            var r = o.request();
            boolean exit = o.parentClientId() != null;
            double entry = o.type() == OrderType.LIMIT ? r.limitPrice() : o.type() == OrderType.STOP ? r.stopPrice() : 0;
            if (entry > 0) {
                Kind k = !exit ? Kind.ENTRY : o.type() == OrderType.STOP ? Kind.STOP_LOSS : Kind.TAKE_PROFIT;
                String what = exit ? (k == Kind.STOP_LOSS ? "SL " : "TP ") : o.side() + " " + o.type() + " ";
                out.add(new OrderLine(k, o.clientOrderId(), entry, what + Amounts.number(o.remainingQuantity()) + " @ " + Amounts.number(entry) + "  " + o.clientOrderId(),
                        !exit));
            }
            // a parent's attached exits are only prices until it is done: draggable (the order is re-sent with them)
            if (!exit && r.stopLoss() > 0) {
                out.add(new OrderLine(Kind.STOP_LOSS, o.clientOrderId(), r.stopLoss(), "SL @ " + Amounts.number(r.stopLoss()) + "  " + o.clientOrderId(),
                        o.filledQuantity() == 0));
            }
            if (!exit && r.takeProfit() > 0) {
                out.add(new OrderLine(Kind.TAKE_PROFIT, o.clientOrderId(), r.takeProfit(), "TP @ " + Amounts.number(r.takeProfit()) + "  " + o.clientOrderId(),
                        o.filledQuantity() == 0));
            }
        }
        position(out, Kind.POSITION, "position ", s.manual(), symbol);
        if (!s.bot().shared()) {
            position(out, Kind.BOT_POSITION, "bot position ", s.bot(), symbol);
        }
        return out;
    }

    private static void position(List<OrderLine> out, Kind kind, String what, AccountSnapshot a, Symbol symbol) {
        for (Position p : a.positions()) {
            if (p.symbol().equals(symbol) && !p.isFlat() && p.averagePrice() > 0) {
                out.add(new OrderLine(kind, null, p.averagePrice(), what + Amounts.number(p.quantity()) + " @ " + Amounts.number(p.averagePrice())
                        + "  P&L " + String.format(Locale.ROOT, "%+.2f", p.unrealizedPnl()), false));
            }
        }
    }
}
