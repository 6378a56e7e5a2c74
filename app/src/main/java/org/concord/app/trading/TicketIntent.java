package org.concord.app.trading;

import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderType;
import org.concord.execution.TimeInForce;
import org.concord.model.Symbol;

/**
 * What the person asked for on the ticket, as typed (numbers already parsed). It becomes an {@link OrderRequest}
 * on the pipeline's thread, where the mark price (for a notional size) and the symbol's clock in the account (for GTD)
 * are known.
 *
 * @param notional   true: {@code amount} is in the quote currency and is divided by the order's price (limit/stop,
 *                   else the mark); false: {@code amount} is the quantity
 * @param price      the limit price (LIMIT) or stop price (STOP); ignored for MARKET
 * @param stopLoss   attached stop-loss price, 0 = none
 * @param takeProfit attached take-profit price, 0 = none
 * @param gtdMinutes minutes the order works with GTD (from the symbol's clock in the account), else 0
 * @param override   the person's explicit "override risk" (only honoured for manual orders; logged by the broker)
 */
public record TicketIntent(Symbol symbol, OrderSide side, OrderType type, boolean notional, double amount, double price,
                           double stopLoss, double takeProfit, TimeInForce timeInForce, long gtdMinutes, boolean override) {
    public TicketIntent {
        if (symbol == null || side == null || type == null || timeInForce == null) {
            throw new IllegalArgumentException("symbol, side, type and time in force are required");
        }
        if (!(amount > 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException((notional ? "notional" : "quantity") + " must be a positive number");
        }
        if (type != OrderType.MARKET && (!(price > 0) || Double.isInfinite(price))) {
            throw new IllegalArgumentException(type + " order needs a positive " + (type == OrderType.LIMIT ? "limit" : "stop") + " price");
        }
        if (!(stopLoss >= 0) || !(takeProfit >= 0) || Double.isInfinite(stopLoss) || Double.isInfinite(takeProfit)) {
            throw new IllegalArgumentException("stop-loss and take-profit must be positive prices or empty");
        }
        if ((timeInForce == TimeInForce.GTD) != (gtdMinutes > 0)) {
            throw new IllegalArgumentException("GTD needs a number of minutes (and only GTD)");
        }
        // a market order takes the next price there is: on daily bars a GTD left on the ticket expired it unfilled
        if (type == OrderType.MARKET && timeInForce == TimeInForce.GTD) {
            throw new IllegalArgumentException("a MARKET order fills at the next price: GTD is for LIMIT and STOP orders");
        }
    }

    /**
     * The manual order for this intent under {@code clientOrderId}.
     *
     * @param mark the broker's mark for the symbol (sizes a notional market order)
     * @param now  the symbol's clock in the account (epoch ms, {@code AccountView.time(Symbol)}) for GTD
     * @throws IllegalArgumentException when a notional market order has no mark yet, or the order is invalid
     */
    public OrderRequest toRequest(String clientOrderId, double mark, long now) {
        double reference = type == OrderType.MARKET ? mark : price;
        if (notional && !(reference > 0)) {
            throw new IllegalArgumentException("no market price for " + symbol + " yet: give a quantity, not a notional");
        }
        double qty = notional ? amount / reference : amount;
        OrderRequest r = switch (type) {
            case MARKET -> OrderRequest.market(clientOrderId, symbol, side, qty);
            case LIMIT -> OrderRequest.limit(clientOrderId, symbol, side, qty, price);
            case STOP -> OrderRequest.stop(clientOrderId, symbol, side, qty, price);
        };
        if (stopLoss > 0 || takeProfit > 0) {
            r = r.withBracket(stopLoss, takeProfit);
        }
        if (timeInForce != TimeInForce.GTC) {
            r = r.withTimeInForce(timeInForce, timeInForce == TimeInForce.GTD ? now + gtdMinutes * 60_000L : 0);
        }
        r = r.manual();
        return override ? r.withRiskOverride() : r;
    }

    /** One line for a confirmation dialog. */
    public String describe() {
        String size = notional ? amount + " quote" : String.valueOf(amount);
        String px = type == OrderType.MARKET ? "at market" : "@ " + price;
        String exits = (stopLoss > 0 ? " SL " + stopLoss : "") + (takeProfit > 0 ? " TP " + takeProfit : "");
        return side + " " + size + " " + symbol.code() + " " + type + " " + px + exits + " " + timeInForce + (override ? " (risk override)" : "");
    }
}
