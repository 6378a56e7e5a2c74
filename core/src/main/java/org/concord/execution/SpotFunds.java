package org.concord.execution;

/**
 * What a paper account can pay for and deliver. A spot account ({@code allowShort = false}) holds cash for working
 * buys (quantity x estimated price x (1 + taker fee)) and refuses buys it cannot pay and sells of more than it
 * holds; at fill time a buy is cut to the cash left and a sell to the position. Exits are reduce-only on any
 * account. A margin account has no such limits (the risk manager's leverage limits apply).
 */
final class SpotFunds {
    private static final double DUST = 1e-12;

    private final PaperBrokerConfig config;
    private final PaperLedger ledger;
    private double reserved;
    private double capped;

    SpotFunds(PaperBrokerConfig config, PaperLedger ledger) {
        this.config = config;
        this.ledger = ledger;
    }

    /** Cash held by working buys. */
    double reserved() {
        return reserved;
    }

    private double unitCost(double price) {
        return price * (1 + config.fees().takerBps() * 1e-4);
    }

    double estimatePrice(OrderRequest r) {
        double mark = ledger.markPrice(r.symbol());
        return switch (r.type()) {
            case LIMIT -> r.limitPrice();
            case STOP -> Math.max(mark, r.stopPrice());
            case MARKET -> mark;
        };
    }

    /**
     * Why a spot account cannot take {@code r}, or null.
     *
     * @param openSells working sells on the symbol (not counting exits)
     * @param replacing an order being replaced, whose cash does not count against its replacement (or null)
     */
    String refusal(OrderRequest r, double openSells, WorkingOrder replacing) {
        if (config.allowShort()) {
            return null;
        }
        if (r.side() == OrderSide.BUY) {
            double need = r.quantity() * unitCost(estimatePrice(r));
            double free = ledger.cash() - reserved + (replacing != null ? replacing.reservedCash : 0);
            if (need > free) {
                return String.format("insufficient cash: need %.2f %s, free %.2f", need, config.quoteAsset(), free);
            }
            return null;
        }
        double free = ledger.quantity(r.symbol()) - openSells;
        if (r.quantity() > free + DUST) {
            return "insufficient position: selling " + r.quantity() + " " + r.symbol() + " with " + free + " free (this account cannot short)";
        }
        return null;
    }

    /** Holds again the cash a restored working order held. */
    void hold(WorkingOrder w) {
        reserved += w.reservedCash;
    }

    void clear() {
        reserved = 0;
    }

    /** Holds cash for a new working buy on a spot account. */
    void reserve(WorkingOrder w) {
        if (!config.allowShort() && w.request.side() == OrderSide.BUY) {
            w.reservedCash = w.request.quantity() * unitCost(estimatePrice(w.request));
            reserved += w.reservedCash;
        }
    }

    /** Frees the cash a buy held, in proportion to what {@code lastQty} filled, or all of it when done. */
    void release(WorkingOrder w, double lastQty, boolean done) {
        if (w.reservedCash == 0) {
            return;
        }
        double keep = done ? 0 : w.reservedCash * w.remaining() / (w.remaining() + lastQty);
        reserved -= w.reservedCash - keep;
        w.reservedCash = keep;
        if (reserved < 1e-9) {
            reserved = 0;
        }
    }

    /**
     * Cuts a fill of {@code qty} at {@code price} to what the account allows; the result is {@link #cappedQuantity()}.
     *
     * @return null when something can fill, else why the rest of the order is canceled
     */
    String capFill(WorkingOrder w, double qty, double price) {
        double pos = ledger.quantity(w.request.symbol());
        OrderSide side = w.request.side();
        capped = qty;
        if (w.reduceOnly) {
            double closable = side == OrderSide.SELL ? Math.max(0, pos) : Math.max(0, -pos);
            if (closable <= DUST) {
                return "reduce-only exit: position already closed";
            }
            capped = Math.min(qty, closable);
            return null;
        }
        if (config.allowShort()) {
            return null;
        }
        if (side == OrderSide.SELL) {
            capped = Math.min(qty, Math.max(0, pos));
            return capped <= DUST ? "insufficient position at fill: spot account holds " + pos + " " + w.request.symbol() : null;
        }
        double available = ledger.cash() - (reserved - w.reservedCash);
        if (qty * unitCost(price) > available) {
            capped = Math.max(0, available / unitCost(price));
            if (capped <= DUST) {
                return "insufficient cash at fill: " + available + " " + config.quoteAsset() + " free";
            }
        }
        return null;
    }

    double cappedQuantity() {
        return capped;
    }
}
