package org.concord.execution.binance;

import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderState;

/** The adapter's mutable record of one order (decision thread only; snapshots leave as {@link Order}). */
final class SpotOrder {
    final OrderRequest request;
    final String parentClientId;
    final long createdTime;
    /** The exchange's order id, 0 until known. */
    long orderId;
    /** null while the submit's outcome is not known yet (no event has been emitted for it). */
    OrderState state;
    double filled;
    double notional;
    double fees;
    /** Commission charged in the base asset (a buy's fee on Binance): what the account received is filled minus this. */
    double baseCommission;
    long updatedTime;
    String reason = "";
    /** The other leg of an exit pair (one-cancels-other), or null. */
    String ocoSiblingId;
    /** The new-order request may have reached the exchange but its answer was lost: query, never resend. */
    boolean outcomeUnknown;
    /** When the last attempt to send it was made (epoch ms, the adapter's clock): with recvWindow, the deadline for it to appear. */
    long sentAt;
    boolean exitsPlaced;
    /** A cancel was asked for by this client (so the exchange's CANCELED report reads "canceled by client"). */
    boolean cancelRequested;

    SpotOrder(OrderRequest request, String parentClientId, long createdTime) {
        this.request = request;
        this.parentClientId = parentClientId;
        this.createdTime = createdTime;
        this.updatedTime = createdTime;
    }

    String clientOrderId() {
        return request.clientOrderId();
    }

    boolean working() {
        return state == null || state.isWorking();
    }

    double remaining() {
        return Math.max(0, request.quantity() - filled);
    }

    Order snapshot() {
        String why = reason;
        if (state == null || outcomeUnknown) {
            why = why.isEmpty() ? "submit outcome unknown: reconciling with the exchange" : why;
        }
        return new Order(orderId, request, state == null ? OrderState.NEW : state, filled, filled > 0 ? notional / filled : 0, fees,
                createdTime, updatedTime, parentClientId, why);
    }
}
