package org.concord.app.trading;

import org.concord.execution.Balance;
import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.Position;

import java.util.List;

/**
 * What the blotter, the chart's order lines and the mode badge show, taken on the pipeline's thread (immutable).
 *
 * @param working   orders in a working state, oldest first (parents and attached exits)
 * @param done      the most recent finished orders, newest first
 * @param fills     the most recent fills, newest first
 * @param positions non-flat positions with the broker's mark (live P&L)
 */
public record TradingSnapshot(long seq, TradingMode mode, List<Order> working, List<Order> done, List<Fill> fills,
                              List<Position> positions, List<Balance> balances, double cash, double equity, long time) {
    public TradingSnapshot {
        working = List.copyOf(working);
        done = List.copyOf(done);
        fills = List.copyOf(fills);
        positions = List.copyOf(positions);
        balances = List.copyOf(balances);
    }
}
