package org.concord.execution;

import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A paper account's orders and what happened to them: every order by client id and in submission order, the ones
 * still working (matched oldest first), its fills and its order events. {@link PaperBroker} decides; this keeps the
 * record and answers the queries. The broker's thread only, like the broker.
 */
final class PaperOrderBook {
    private final Map<String, WorkingOrder> byClientId = new HashMap<>();
    private final List<WorkingOrder> all = new ArrayList<>();
    private final List<WorkingOrder> working = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<OrderEvent> events = new ArrayList<>();

    /** The order with this client id, or null. */
    WorkingOrder get(String clientOrderId) {
        return clientOrderId == null ? null : byClientId.get(clientOrderId);
    }

    /** The order with this client id; an unknown id is the caller's mistake. */
    WorkingOrder find(String clientOrderId) {
        WorkingOrder w = get(clientOrderId);
        if (w == null) {
            throw new IllegalArgumentException("unknown client order id '" + clientOrderId + "'");
        }
        return w;
    }

    /** Records a new order (working or not). */
    void add(WorkingOrder w) {
        byClientId.put(w.request.clientOrderId(), w);
        all.add(w);
    }

    /** Puts a recorded order among the working ones, after the others. */
    void work(WorkingOrder w) {
        working.add(w);
    }

    /** The working list itself, oldest first, for the broker's matching loop (it may hold finished orders until {@link #compact}). */
    List<WorkingOrder> working() {
        return working;
    }

    void compact() {
        working.removeIf(w -> !w.state.isWorking());
    }

    void fill(Fill f) {
        fills.add(f);
    }

    void event(OrderEvent e) {
        events.add(e);
    }

    /** Forgets everything (a paper account started again). */
    void clear() {
        byClientId.clear();
        all.clear();
        working.clear();
        fills.clear();
        events.clear();
    }

    /**
     * Takes back a stored account's fills and orders: the working ones work again and hold their cash again in
     * {@code funds}; a stop-loss / take-profit pair is linked again only with both sides working. Returns the
     * newest order change's time (MIN_VALUE: none).
     */
    long restore(PaperAccountState s, SpotFunds funds) {
        fills.addAll(s.fills());
        long last = Long.MIN_VALUE;
        Map<WorkingOrder, String> oco = new HashMap<>();
        for (PaperOrderRecord r : s.orders()) {
            WorkingOrder w = r.toWorking();
            add(w);
            last = Math.max(last, r.updatedTime());
            if (w.state.isWorking()) {
                working.add(w);
                funds.hold(w);
                oco.put(w, r.ocoClientId());
            }
        }
        for (WorkingOrder w : working) {
            WorkingOrder sib = get(oco.get(w));
            w.ocoSibling = sib != null && sib.state.isWorking() ? sib : null;
        }
        return last;
    }

    Optional<Order> order(String clientOrderId) {
        WorkingOrder w = get(clientOrderId);
        return w == null ? Optional.empty() : Optional.of(w.snapshot());
    }

    List<Order> openOrders() {
        List<Order> out = new ArrayList<>();
        for (WorkingOrder w : working) {
            if (w.state.isWorking()) {
                out.add(w.snapshot());
            }
        }
        return out;
    }

    List<Order> orders() {
        List<Order> out = new ArrayList<>(all.size());
        for (WorkingOrder w : all) {
            out.add(w.snapshot());
        }
        return out;
    }

    List<Fill> fills() {
        return Collections.unmodifiableList(fills);
    }

    List<OrderEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** Working quantity on {@code side} of {@code symbol}, without reduce-only exits and without {@code except}. */
    double openQuantity(Symbol symbol, OrderSide side, WorkingOrder except) {
        double q = 0;
        for (int i = 0, n = working.size(); i < n; i++) {
            WorkingOrder w = working.get(i);
            if (w != except && !w.reduceOnly && w.state.isWorking() && w.request.side() == side && w.request.symbol().equals(symbol)) {
                q += w.remaining();
            }
        }
        return q;
    }
}
