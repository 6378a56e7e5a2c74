package org.concord.execution;

import org.concord.model.Symbol;

import java.util.regex.Pattern;

/**
 * What a client (the coordination layer, the backtester or a person at the desk) asks a {@link Broker} for.
 * Validated on construction: an order is a typed boundary, so a NaN, infinite or non-positive quantity or price
 * is refused here with a clear message and never reaches a venue.
 *
 * <p>Prices that do not apply are 0: {@code limitPrice} only for LIMIT, {@code stopPrice} only for STOP,
 * {@code stopLoss}/{@code takeProfit} (attached exits, created as a one-cancels-other pair when the order fills)
 * only when wanted. {@code expireTime} (epoch ms) only for {@link TimeInForce#GTD}.
 *
 * @param clientOrderId the client's id, 1-36 of {@code [A-Za-z0-9._:/-]} (Binance's rule); submitting the same id
 *                      twice never creates two orders
 * @param book          which book the order belongs to (a bucket, "manual", ...), for attribution and reports
 * @param riskOverride  a person's explicit override of a risk cap; honoured for MANUAL orders only and logged
 */
public record OrderRequest(String clientOrderId, Symbol symbol, OrderSide side, OrderType type, double quantity,
                           double limitPrice, double stopPrice, TimeInForce timeInForce, long expireTime,
                           double stopLoss, double takeProfit, OrderOrigin origin, String book, boolean riskOverride) {
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:/-]{1,36}");

    public OrderRequest {
        if (clientOrderId == null || !CLIENT_ID.matcher(clientOrderId).matches()) {
            throw new IllegalArgumentException("clientOrderId must be 1-36 of [A-Za-z0-9._:/-], got '" + clientOrderId + "'");
        }
        if (symbol == null || side == null || type == null || timeInForce == null || origin == null) {
            throw new IllegalArgumentException("order " + clientOrderId + ": symbol, side, type, timeInForce and origin are required");
        }
        if (!(quantity > 0) || Double.isInfinite(quantity)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": quantity must be finite and > 0, got " + quantity);
        }
        checkPrice(clientOrderId, "limitPrice", limitPrice, type == OrderType.LIMIT);
        checkPrice(clientOrderId, "stopPrice", stopPrice, type == OrderType.STOP);
        checkPrice(clientOrderId, "stopLoss", stopLoss, false);
        checkPrice(clientOrderId, "takeProfit", takeProfit, false);
        if ((timeInForce == TimeInForce.GTD) != (expireTime > 0)) {
            throw new IllegalArgumentException("order " + clientOrderId + ": expireTime is required with GTD and only with GTD");
        }
        if (book == null || book.isBlank() || book.length() > 32) {
            throw new IllegalArgumentException("order " + clientOrderId + ": book must be 1-32 characters, got '" + book + "'");
        }
        if (stopLoss > 0 && takeProfit > 0) {
            boolean ordered = side == OrderSide.BUY ? stopLoss < takeProfit : stopLoss > takeProfit;
            if (!ordered) {
                throw new IllegalArgumentException("order " + clientOrderId + ": a " + side + " needs stopLoss "
                        + (side == OrderSide.BUY ? "below" : "above") + " takeProfit, got " + stopLoss + " / " + takeProfit);
            }
        }
    }

    private static void checkPrice(String id, String name, double value, boolean required) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            throw new IllegalArgumentException("order " + id + ": " + name + " must be finite and >= 0 (0 = none), got " + value);
        }
        if (required && value == 0) {
            throw new IllegalArgumentException("order " + id + ": " + name + " is required for this order type");
        }
    }

    public static OrderRequest market(String clientOrderId, Symbol symbol, OrderSide side, double quantity) {
        return new OrderRequest(clientOrderId, symbol, side, OrderType.MARKET, quantity, 0, 0, TimeInForce.GTC, 0, 0, 0,
                OrderOrigin.STRATEGY, "default", false);
    }

    public static OrderRequest limit(String clientOrderId, Symbol symbol, OrderSide side, double quantity, double limitPrice) {
        return new OrderRequest(clientOrderId, symbol, side, OrderType.LIMIT, quantity, limitPrice, 0, TimeInForce.GTC, 0, 0, 0,
                OrderOrigin.STRATEGY, "default", false);
    }

    public static OrderRequest stop(String clientOrderId, Symbol symbol, OrderSide side, double quantity, double stopPrice) {
        return new OrderRequest(clientOrderId, symbol, side, OrderType.STOP, quantity, 0, stopPrice, TimeInForce.GTC, 0, 0, 0,
                OrderOrigin.STRATEGY, "default", false);
    }

    /** The same order with attached exits (0 = none). */
    public OrderRequest withBracket(double stopLossPrice, double takeProfitPrice) {
        return new OrderRequest(clientOrderId, symbol, side, type, quantity, limitPrice, stopPrice, timeInForce, expireTime,
                stopLossPrice, takeProfitPrice, origin, book, riskOverride);
    }

    /** The same order on {@code venueSymbol} (what a venue calls the instrument, e.g. BTCUSDT for our BTCUSD). */
    public OrderRequest withSymbol(Symbol venueSymbol) {
        return new OrderRequest(clientOrderId, venueSymbol, side, type, quantity, limitPrice, stopPrice, timeInForce, expireTime,
                stopLoss, takeProfit, origin, book, riskOverride);
    }

    public OrderRequest withTimeInForce(TimeInForce tif, long expireAt) {
        return new OrderRequest(clientOrderId, symbol, side, type, quantity, limitPrice, stopPrice, tif, expireAt,
                stopLoss, takeProfit, origin, book, riskOverride);
    }

    public OrderRequest withOrigin(OrderOrigin newOrigin, String newBook) {
        return new OrderRequest(clientOrderId, symbol, side, type, quantity, limitPrice, stopPrice, timeInForce, expireTime,
                stopLoss, takeProfit, newOrigin, newBook, riskOverride);
    }

    /** A person's order (origin MANUAL, book "manual"). */
    public OrderRequest manual() {
        return withOrigin(OrderOrigin.MANUAL, "manual");
    }

    /** The same order with the person's explicit risk override (honoured for MANUAL orders only). */
    public OrderRequest withRiskOverride() {
        return new OrderRequest(clientOrderId, symbol, side, type, quantity, limitPrice, stopPrice, timeInForce, expireTime,
                stopLoss, takeProfit, origin, book, true);
    }

    /**
     * The same order under another client id with other quantity/prices (what a replace submits), without the person's
     * risk override: it was given for the order as sent, and a moved order is judged again. Carried over, a drag of
     * an overridden order's line passed the limits with no box ticked (a new trader's trial: three moves logged as
     * overrides).
     */
    public OrderRequest replacedBy(String newClientOrderId, double newQuantity, double newLimit, double newStop) {
        return new OrderRequest(newClientOrderId, symbol, side, type, newQuantity, newLimit, newStop, timeInForce, expireTime,
                stopLoss, takeProfit, origin, book, false);
    }

    /** Signed position change if fully filled. */
    public double signedQuantity() {
        return side.sign() * quantity;
    }

    public boolean hasBracket() {
        return stopLoss > 0 || takeProfit > 0;
    }
}
