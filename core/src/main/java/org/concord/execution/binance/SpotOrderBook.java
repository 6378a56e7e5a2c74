package org.concord.execution.binance;

import org.concord.bus.EventBus;
import org.concord.execution.ExecutionListener;
import org.concord.execution.ExecutionTopics;
import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.Order;
import org.concord.execution.OrderEvent;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.model.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The adapter's orders and fills and the one place their changes happen: every fill is applied once (keyed by the
 * exchange's trade id), reaches listeners before the order event it causes, and every state change is checked
 * against {@link OrderState#canTransitionTo}, emitted as an {@link OrderEvent} (listeners, bus) and journaled.
 * Decision thread only.
 */
final class SpotOrderBook {
    private static final Logger LOG = LoggerFactory.getLogger(SpotOrderBook.class);
    private static final double DUST = 1e-9;

    private final Map<String, SpotOrder> byClientId = new LinkedHashMap<>();
    private final List<Fill> fills = new ArrayList<>();
    private final Set<Long> tradeIds = new HashSet<>();
    private final List<OrderEvent> events = new ArrayList<>();
    private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();
    private final SpotLedger ledger = new SpotLedger();
    private final SpotJournal journal;
    private final EventBus bus;

    SpotOrderBook(SpotJournal journal, EventBus bus) {
        this.journal = journal;
        this.bus = bus;
    }

    SpotOrder get(String clientOrderId) {
        return clientOrderId == null ? null : byClientId.get(clientOrderId);
    }

    Iterable<SpotOrder> all() {
        return byClientId.values();
    }

    List<SpotOrder> unresolved() {
        List<SpotOrder> out = new ArrayList<>();
        for (SpotOrder o : byClientId.values()) {
            if (o.working() || o.outcomeUnknown) {
                out.add(o);
            }
        }
        return out;
    }

    /** Registers a new order and journals its intent (forced to disk: it is about to be sent). */
    SpotOrder create(OrderRequest r, String parent, long time) {
        return create(r, parent, null, time);
    }

    /** An exit of a one-cancels-other pair: {@code sibling} is the other leg's client id. */
    SpotOrder create(OrderRequest r, String parent, String sibling, long time) {
        SpotOrder o = new SpotOrder(r, parent, time);
        o.ocoSiblingId = sibling;
        o.sentAt = time;
        byClientId.put(r.clientOrderId(), o);
        journal.append(SpotJournal.Entry.submit(o), true);
        return o;
    }

    /** An order refused before it was sent: REJECTED from creation. */
    void rejectNew(SpotOrder o, String reason, long time) {
        o.state = null;
        transition(o, OrderState.REJECTED, reason, time, 0, 0);
    }

    /**
     * Moves {@code o} to {@code next} (from "not yet known" when its state is null) and emits the event. A move the
     * state machine forbids (a late report for a terminal order) is logged and ignored.
     */
    boolean transition(SpotOrder o, OrderState next, String reason, long time, double lastQty, double lastPrice) {
        OrderState prev = o.state;
        if (prev != null && prev == next && next != OrderState.PARTIALLY_FILLED) {
            return false;
        }
        if (prev == null ? !(next == OrderState.NEW || next == OrderState.REJECTED) : !prev.canTransitionTo(next)) {
            LOG.warn("order {}: ignored transition {} -> {} ({})", o.clientOrderId(), prev, next, reason);
            return false;
        }
        o.state = next;
        if (reason != null) {
            o.reason = reason;
        }
        o.updatedTime = Math.max(o.updatedTime, time);
        if (next.isTerminal()) {
            o.outcomeUnknown = false;
        }
        journal.append(SpotJournal.Entry.state(o), next.isTerminal());
        OrderRequest r = o.request;
        OrderEvent e = new OrderEvent(time, o.orderId, r.clientOrderId(), r.symbol(), r.side(), r.type(), prev, next, r.quantity(),
                o.filled, lastQty, lastPrice, o.reason);
        events.add(e);
        Order snap = o.snapshot();
        for (ExecutionListener l : listeners) {
            l.onOrderEvent(e, snap);
        }
        if (bus != null) {
            bus.publish(ExecutionTopics.ORDER_EVENTS, e);
        }
        return true;
    }

    boolean knowsTrade(long tradeId) {
        return tradeIds.contains(tradeId);
    }

    /**
     * Applies one exchange trade to {@code o} exactly once: the fill (id = the exchange's trade id) goes to the
     * listeners, then the order moves to PARTIALLY_FILLED or FILLED.
     *
     * @param feeQuote       the commission valued in the quote asset
     * @param baseCommission the commission when it was charged in the base asset (else 0)
     * @return false when the trade was applied before
     */
    boolean applyTrade(SpotOrder o, long tradeId, double qty, double price, double feeQuote, double baseCommission, Liquidity liq, long time) {
        if (!tradeIds.add(tradeId)) {
            return false;
        }
        if (o.state == null) {
            transition(o, OrderState.NEW, "", time, 0, 0); // a trade proves the order exists
        }
        Fill f = new Fill(tradeId, o.orderId, o.clientOrderId(), o.request.symbol(), o.request.side(), qty, price, feeQuote, liq, time,
                o.request.book());
        record(o, f, baseCommission);
        journal.append(SpotJournal.Entry.fill(f, baseCommission), false);
        Order snap = o.snapshot();
        for (ExecutionListener l : listeners) {
            l.onFill(f, snap);
        }
        if (bus != null) {
            bus.publish(ExecutionTopics.FILLS, f);
        }
        if (o.state.isWorking()) {
            transition(o, isFull(o) ? OrderState.FILLED : OrderState.PARTIALLY_FILLED, "", time, qty, price);
        } else {
            LOG.warn("order {} is {} but the exchange reports trade {} ({} @ {}): fill recorded", o.clientOrderId(), o.state, tradeId, qty, price);
        }
        return true;
    }

    private void record(SpotOrder o, Fill f, double baseCommission) {
        fills.add(f);
        ledger.apply(f);
        o.filled += f.quantity();
        o.notional += f.notional();
        o.fees += f.fee();
        o.baseCommission += baseCommission;
        o.updatedTime = Math.max(o.updatedTime, f.time());
        if (isFull(o)) {
            o.filled = o.request.quantity();
        }
    }

    static boolean isFull(SpotOrder o) {
        return o.request.quantity() - o.filled <= DUST * Math.max(1, o.request.quantity());
    }

    // ---------------------------------------------------------------- restart

    /** Rebuilds state from the journal (no events: they were emitted in the session that wrote them). */
    void restore(SpotJournal.Entry e) {
        switch (e.type()) {
            case SUBMIT -> {
                if (e.request() == null || byClientId.containsKey(e.clientOrderId())) {
                    return;
                }
                SpotOrder o = new SpotOrder(e.request(), e.parent(), e.sentAt() == null ? 0 : e.sentAt());
                o.ocoSiblingId = e.sibling();
                o.sentAt = e.sentAt() == null ? 0 : e.sentAt();
                o.outcomeUnknown = true; // until a STATE line says what the exchange answered
                byClientId.put(e.clientOrderId(), o);
                SpotOrder parent = get(e.parent());
                if (parent != null) {
                    parent.exitsPlaced = true;
                }
            }
            case STATE -> {
                SpotOrder o = get(e.clientOrderId());
                if (o == null) {
                    return;
                }
                o.state = e.state();
                o.orderId = e.orderId() == null ? o.orderId : e.orderId();
                o.reason = e.reason() == null ? "" : e.reason();
                o.outcomeUnknown = Boolean.TRUE.equals(e.unknown());
                o.sentAt = e.sentAt() == null ? o.sentAt : e.sentAt();
            }
            case FILL -> {
                SpotOrder o = get(e.clientOrderId());
                Fill f = e.fill();
                if (o == null || f == null || !tradeIds.add(f.fillId())) {
                    return;
                }
                record(o, f, e.baseCommission() == null ? 0 : e.baseCommission());
            }
            default -> { }
        }
    }

    // ---------------------------------------------------------------- queries

    List<Order> orders(boolean workingOnly) {
        List<Order> out = new ArrayList<>();
        for (SpotOrder o : byClientId.values()) {
            if (!workingOnly || o.working()) {
                out.add(o.snapshot());
            }
        }
        return out;
    }

    List<Fill> fills() {
        return Collections.unmodifiableList(fills);
    }

    List<OrderEvent> events() {
        return Collections.unmodifiableList(events);
    }

    SpotLedger ledger() {
        return ledger;
    }

    /** Remaining quantity of working orders on {@code side}, without exits (they only reduce) and {@code except}. */
    double openQuantity(Symbol s, OrderSide side, SpotOrder except) {
        double q = 0;
        for (SpotOrder o : byClientId.values()) {
            if (o != except && o.parentClientId == null && o.working() && o.request.side() == side && o.request.symbol().equals(s)) {
                q += o.remaining();
            }
        }
        return q;
    }

    List<ExecutionListener> listeners() {
        return listeners;
    }

    /**
     * Replays the journal into the book (after a restart).
     *
     * @return the highest client-id sequence number used so far under {@code prefix} (journaled or seen in an id)
     */
    long restoreFrom(SpotJournal journal, String prefix) {
        long[] seq = {0};
        journal.replay(e -> {
            if (e.type() == SpotJournal.Type.SEQ && e.orderId() != null) {
                seq[0] = Math.max(seq[0], e.orderId());
            } else {
                restore(e);
            }
        });
        String p = prefix + "-";
        for (SpotOrder o : all()) {
            String id = o.clientOrderId();
            if (id.startsWith(p) && id.substring(p.length()).matches("\\d{1,15}")) {
                seq[0] = Math.max(seq[0], Long.parseLong(id.substring(p.length())));
            }
        }
        return seq[0];
    }
}
