package org.concord.coordination;

import org.concord.execution.Broker;
import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.OrderEvent;
import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.model.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The coordination layer's orders at the broker: due slices go out as market orders (book
 * {@link CoordinationEngine#BOOK}), their fills are split between the books they serve, and what will not fill stops
 * being on order for the books.
 *
 * <p>On a spot account ({@code allowShort = false}) a sell never leaves for more than the account holds free: the
 * books count what they have on order as theirs, so an exit planned while a buy is still on its way (or queued as a
 * later slice) can ask for more than is held. Such a sell is cut to the free position, or dropped when nothing is
 * free, counted once in {@link #sellsBeyondPosition()} (the first one logged); the books keep the difference and the
 * next decision plans again from what they then hold.
 */
final class CoordinationOrders {
    private static final Logger LOG = LoggerFactory.getLogger(CoordinationOrders.class);
    private static final double DUST = 1e-12;

    /** One order at the broker and the books it serves (signed quantity per bucket). */
    private static final class Inflight {
        final Symbol symbol;
        final double quantity;
        final double[] composition;
        double filled;

        Inflight(Symbol symbol, double quantity, double[] composition) {
            this.symbol = symbol;
            this.quantity = quantity;
            this.composition = composition;
        }
    }

    private final Broker broker;
    private final BucketLedger ledger;
    private final TradeScheduler scheduler;
    private final boolean allowShort;
    private final ToDoubleFunction<Symbol> price;
    private final Map<String, Inflight> inflight = new HashMap<>();
    private long sellsBeyondPosition;

    CoordinationOrders(Broker broker, BucketLedger ledger, TradeScheduler scheduler, boolean allowShort, ToDoubleFunction<Symbol> price) {
        this.broker = broker;
        this.ledger = ledger;
        this.scheduler = scheduler;
        this.allowShort = allowShort;
        this.price = price;
    }

    /** Sends the slices due at {@code time}; returns their client order ids. */
    List<String> submitDue(long time) {
        List<TradeScheduler.Slice> due = scheduler.due(time);
        if (due.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>(due.size());
        for (TradeScheduler.Slice s : due) {
            double qty = s.quantity();
            double[] comp = s.composition().clone();
            if (qty < 0 && !allowShort) {
                double free = Math.max(0, broker.account().positionQuantity(s.symbol()) - broker.account().openQuantity(s.symbol(), OrderSide.SELL));
                if (-qty > free) {
                    double k = free / -qty;
                    noteSellBeyondPosition(s, free);
                    release(s.symbol(), comp, 1 - k);
                    qty *= k;
                    for (int b = 0; b < comp.length; b++) {
                        comp[b] *= k;
                    }
                    if (-qty * price.applyAsDouble(s.symbol()) <= CoordinationEngine.DUST_NOTIONAL) {
                        continue;
                    }
                }
            }
            boolean attributed = false;
            for (double c : comp) {
                attributed |= c != 0;
            }
            OrderRequest req = OrderRequest.market(s.clientOrderId(), s.symbol(), OrderSide.of(qty), Math.abs(qty))
                    .withOrigin(attributed ? OrderOrigin.STRATEGY : OrderOrigin.RISK, CoordinationEngine.BOOK);
            inflight.put(s.clientOrderId(), new Inflight(s.symbol(), qty, comp));
            broker.submit(req);
            ids.add(s.clientOrderId());
        }
        return ids;
    }

    /** The books' parts of an order that will not be sent ({@code share} of {@code comp}) stop being on order. */
    void release(Symbol s, double[] comp, double share) {
        for (Bucket b : Bucket.ALL) {
            double c = comp[b.ordinal()];
            if (c != 0 && share > 0) {
                ledger.releasePending(b, s, c * share);
            }
        }
    }

    private void noteSellBeyondPosition(TradeScheduler.Slice s, double free) {
        if (sellsBeyondPosition++ == 0) {
            LOG.info("slice {} sells {} {} with {} free on a spot account: cut to what is held (further cuts are counted, not logged)",
                    s.clientOrderId(), -s.quantity(), s.symbol(), free);
        }
    }

    /** Drops every slice still queued and releases what the books had on order for them. */
    List<TradeScheduler.Slice> cancelQueued() {
        List<TradeScheduler.Slice> dropped = new ArrayList<>();
        for (Symbol s : new LinkedHashSet<>(scheduler.queued().stream().map(TradeScheduler.Slice::symbol).toList())) {
            dropped.addAll(scheduler.cancel(s));
        }
        for (TradeScheduler.Slice s : dropped) {
            release(s.symbol(), s.composition(), 1);
        }
        return dropped;
    }

    /** A fill of one of these orders goes to the books it serves, in proportion; a person's fill to none. */
    void onFill(Fill fill) {
        Inflight in = inflight.get(fill.clientOrderId());
        if (in == null) {
            return; // a person's order: the account has it, no bucket does
        }
        double phi = fill.quantity() / Math.abs(in.quantity);
        for (Bucket b : Bucket.ALL) {
            double c = in.composition[b.ordinal()];
            if (c != 0) {
                double q = c * phi;
                ledger.fill(b, in.symbol, q, fill.price(), fill.fee() * Math.abs(q) / fill.quantity(), fill.time());
            }
        }
        in.filled += fill.quantity();
    }

    /** A finished order: what did not fill stops being on order for the books. */
    void onOrderEvent(OrderEvent event, Order order) {
        if (!event.state().isTerminal()) {
            return;
        }
        Inflight in = inflight.remove(event.clientOrderId());
        if (in == null) {
            return;
        }
        double rest = (Math.abs(in.quantity) - Math.max(in.filled, order == null ? 0 : order.filledQuantity())) / Math.abs(in.quantity);
        if (rest > DUST) {
            release(in.symbol, in.composition, rest);
        }
    }

    long sellsBeyondPosition() {
        return sellsBeyondPosition;
    }
}
