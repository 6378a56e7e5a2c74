package org.concord.execution.binance;

import org.concord.model.Symbol;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One symbol's trading rules from {@code GET /api/v3/exchangeInfo}: PRICE_FILTER (minPrice, maxPrice, tickSize),
 * LOT_SIZE (minQty, maxQty, stepSize) and MIN_NOTIONAL or NOTIONAL (minNotional, applied to market orders or not).
 * A zero disables a bound, as on Binance.
 */
public record SymbolRules(Symbol symbol, String baseAsset, String quoteAsset, String status,
                          BigDecimal minPrice, BigDecimal maxPrice, BigDecimal tickSize,
                          BigDecimal minQty, BigDecimal maxQty, BigDecimal stepSize,
                          BigDecimal minNotional, boolean minNotionalAppliesToMarket) {
    public SymbolRules {
        if (symbol == null || baseAsset == null || quoteAsset == null) {
            throw new IllegalArgumentException("symbol, baseAsset and quoteAsset are required");
        }
        minPrice = nz(minPrice);
        maxPrice = nz(maxPrice);
        tickSize = nz(tickSize);
        minQty = nz(minQty);
        maxQty = nz(maxQty);
        stepSize = nz(stepSize);
        minNotional = nz(minNotional);
        status = status == null ? "TRADING" : status;
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b.stripTrailingZeros();
    }

    /** {@code quantity} rounded DOWN onto the LOT_SIZE grid (never more than asked). */
    public BigDecimal roundQuantity(double quantity) {
        return onGrid(BigDecimal.valueOf(quantity), minQty, stepSize, RoundingMode.DOWN);
    }

    /**
     * {@code price} rounded onto the PRICE_FILTER grid in the direction that never worsens the order: a BUY's
     * prices round down (pay no more than asked; a buy stop triggers no later), a SELL's round up.
     */
    public BigDecimal roundPrice(double price, boolean buy) {
        return onGrid(BigDecimal.valueOf(price), minPrice, tickSize, buy ? RoundingMode.FLOOR : RoundingMode.CEILING);
    }

    private static BigDecimal onGrid(BigDecimal v, BigDecimal origin, BigDecimal step, RoundingMode mode) {
        if (step.signum() == 0 || v.compareTo(origin) < 0) {
            return v.stripTrailingZeros(); // off the grid below its origin: the bound check refuses it
        }
        BigDecimal steps = v.subtract(origin).divide(step, 0, mode);
        return origin.add(steps.multiply(step)).stripTrailingZeros();
    }

    /** Why the PRICE_FILTER refuses {@code p}, or null. */
    String priceProblem(BigDecimal p) {
        if (p.signum() <= 0) {
            return "price " + p.toPlainString() + " rounds to zero on tick " + tickSize.toPlainString();
        }
        if (minPrice.signum() > 0 && p.compareTo(minPrice) < 0) {
            return "price " + p.toPlainString() + " below minPrice " + minPrice.toPlainString();
        }
        if (maxPrice.signum() > 0 && p.compareTo(maxPrice) > 0) {
            return "price " + p.toPlainString() + " above maxPrice " + maxPrice.toPlainString();
        }
        return null;
    }

    /** Why the LOT_SIZE filter refuses {@code q}, or null. */
    String quantityProblem(BigDecimal q) {
        if (q.signum() <= 0 || (minQty.signum() > 0 && q.compareTo(minQty) < 0)) {
            return "quantity " + q.toPlainString() + " below minQty " + minQty.toPlainString() + " (step " + stepSize.toPlainString() + ")";
        }
        if (maxQty.signum() > 0 && q.compareTo(maxQty) > 0) {
            return "quantity " + q.toPlainString() + " above maxQty " + maxQty.toPlainString();
        }
        return null;
    }
}
