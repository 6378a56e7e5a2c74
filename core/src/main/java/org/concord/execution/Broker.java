package org.concord.execution;

import org.concord.bus.Subscription;
import org.concord.model.Symbol;

import java.util.List;
import java.util.Optional;

/**
 * The one order interface the coordination layer, the backtester and the desk UI use. {@link PaperBroker} is
 * the default; a venue adapter (Binance spot) implements the same contract.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #submit} is idempotent by client order id: the same id again returns the existing order (whatever
 *       its state) and creates nothing.</li>
 *   <li>Every order passes the broker's {@link PreTradeCheck} (risk) first; a refused order is returned in state
 *       REJECTED with the rule in its reason. Invalid requests never get this far ({@link OrderRequest} refuses
 *       them on construction).</li>
 *   <li>Every state transition is an {@link OrderEvent} delivered to listeners and, where a bus is attached,
 *       published on {@link ExecutionTopics#ORDER_EVENTS}. A fill is delivered ({@link ExecutionListener#onFill})
 *       before the order event it causes.</li>
 *   <li>Methods are called on one thread (the decision thread); implementations need no locks.</li>
 * </ul>
 */
public interface Broker {
    /** Submits an order, or returns the existing one with this client order id. */
    Order submit(OrderRequest request);

    /**
     * Cancels a working order (and, for a parent, its not-yet-created exits). Canceling an order already CANCELED
     * returns it unchanged; one that is FILLED, REJECTED or EXPIRED cannot be canceled.
     *
     * @throws IllegalArgumentException for an unknown client id
     * @throws IllegalStateException    for an order in a terminal state other than CANCELED
     */
    Order cancel(String clientOrderId);

    /**
     * Replaces a working order by a new one under {@code newClientOrderId} with a new quantity and prices (0 keeps
     * a price as it was): the new order is checked first; only when it is accepted is the old one canceled (reason
     * "replaced by ..."), so a refused replace leaves the old order working. Quantity already filled on the old
     * order stays filled; the new order is for {@code newQuantity} more. Idempotent on {@code newClientOrderId}.
     *
     * @return the new order (REJECTED when refused)
     */
    Order replace(String clientOrderId, String newClientOrderId, double newQuantity, double newLimitPrice, double newStopPrice);

    Optional<Order> order(String clientOrderId);

    /** Orders in a working state, oldest first. */
    List<Order> openOrders();

    /** Every order ever submitted, oldest first. */
    List<Order> orders();

    /** Non-flat positions. */
    List<Position> positions();

    Position position(Symbol symbol);

    List<Balance> balances();

    /** Every fill, oldest first. */
    List<Fill> fills();

    /** Cash, equity, positions and working orders as the risk check sees them. */
    AccountView account();

    Subscription addListener(ExecutionListener listener);
}
