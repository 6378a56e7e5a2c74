package org.concord.app.trading;

import org.concord.execution.Balance;
import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.Position;
import org.concord.model.Symbol;

import java.util.List;

/**
 * One account as the blotter shows it, taken on the pipeline's thread (immutable): the person's (manual) or the
 * orchestrator's (bot). The lists of finished orders and fills hold the newest rows only; the totals are the true
 * counts, so the summary never mistakes the table's length for the account's history.
 *
 * @param account     "Manual" or "Bot"
 * @param where       where it trades: "paper", or the venue badge when live
 * @param shared      true when both origins trade one venue account (a LIVE bot beside a LIVE desk): the orders and
 *                    fills are this origin's, the positions and balances the whole venue account's
 * @param working     orders in a working state, oldest first (parents and attached exits)
 * @param done        the newest finished orders, newest first (at most {@link TradingService#DONE_SHOWN})
 * @param fills       the newest fills of each symbol (at most {@link TradingService#FILLS_SHOWN} each), newest first
 * @param positions   non-flat positions with the broker's mark (live P&L)
 * @param doneTotal   finished orders in the account's history
 * @param fillsTotal  fills in the account's history
 * @param realizedPnl realized profit over every symbol the account traded (flat ones too), before fees
 * @param fees        fees over every symbol the account traded
 * @param sellsCut    the bot's sells cut to (or dropped for) the position its spot account held
 *                    ({@code CoordinationEngine.sellsBeyondPosition()}); 0 for the person's account
 */
public record AccountSnapshot(String account, String where, boolean shared, List<Order> working, List<Order> done, List<Fill> fills,
                              List<Position> positions, List<Balance> balances, double cash, double equity, int doneTotal,
                              int fillsTotal, double realizedPnl, double fees, long sellsCut) {
    public AccountSnapshot {
        working = List.copyOf(working);
        done = List.copyOf(done);
        fills = List.copyOf(fills);
        positions = List.copyOf(positions);
        balances = List.copyOf(balances);
    }

    /** The signed position held in {@code symbol} (0 when flat). */
    public double positionQuantity(Symbol symbol) {
        for (Position p : positions) {
            if (p.symbol().equals(symbol)) {
                return p.quantity();
            }
        }
        return 0;
    }

    public double unrealizedPnl() {
        return positions.stream().mapToDouble(Position::unrealizedPnl).sum();
    }
}
