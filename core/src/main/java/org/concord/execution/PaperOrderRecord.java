package org.concord.execution;

/**
 * One paper order as a journal stores it: its request and everything the paper venue keeps about it, enough to put
 * it back to work after a restart ({@link PaperBroker#restore}). {@code ocoClientId} names the other exit of a
 * stop-loss / take-profit pair; the pair is linked again only when both stored orders are still working.
 */
public record PaperOrderRecord(long orderId, OrderRequest request, OrderState state, double filled, double notionalFilled,
                               double fees, long createdTime, long updatedTime, String reason, String parentClientId,
                               String ocoClientId, boolean reduceOnly, boolean triggered, boolean seenMarket,
                               double reservedCash) {
    public PaperOrderRecord {
        if (request == null || state == null) {
            throw new IllegalArgumentException("order " + orderId + ": request and state are required");
        }
        if (orderId <= 0) {
            throw new IllegalArgumentException("order " + request.clientOrderId() + ": order id must be > 0, got " + orderId);
        }
        if (!finiteAtLeastZero(filled) || !finiteAtLeastZero(notionalFilled) || !finiteAtLeastZero(fees) || !finiteAtLeastZero(reservedCash)
                || filled > request.quantity() * (1 + 1e-9)) {
            throw new IllegalArgumentException("order " + request.clientOrderId() + ": filled " + filled + ", notional " + notionalFilled
                    + ", fees " + fees + " and reserved cash " + reservedCash + " must be finite, >= 0, filled <= quantity " + request.quantity());
        }
        reason = reason == null ? "" : reason;
    }

    private static boolean finiteAtLeastZero(double v) {
        return v >= 0 && !Double.isInfinite(v);
    }

    static PaperOrderRecord of(WorkingOrder w) {
        return new PaperOrderRecord(w.orderId, w.request, w.state == null ? OrderState.NEW : w.state, w.filled, w.notionalFilled, w.fees,
                w.createdTime, w.updatedTime, w.reason, w.parentClientId, w.ocoSibling == null ? null : w.ocoSibling.request.clientOrderId(),
                w.reduceOnly, w.triggered, w.seenMarket, w.reservedCash);
    }

    /** The venue's record again; active from the first market event after the restart (it was sent before it). */
    WorkingOrder toWorking() {
        WorkingOrder w = new WorkingOrder(orderId, request, createdTime, 0);
        w.state = state;
        w.filled = filled;
        w.notionalFilled = notionalFilled;
        w.fees = fees;
        w.updatedTime = updatedTime;
        w.reason = reason;
        w.parentClientId = parentClientId;
        w.reduceOnly = reduceOnly;
        w.triggered = triggered;
        w.seenMarket = seenMarket;
        w.reservedCash = state.isWorking() ? reservedCash : 0;
        return w;
    }
}
