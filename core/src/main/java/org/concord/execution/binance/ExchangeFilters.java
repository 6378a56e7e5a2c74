package org.concord.execution.binance;

import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderType;
import org.concord.model.Symbol;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the exchange's symbol filters to an order BEFORE it is sent, so the exchange never rejects it for
 * rounding: the quantity is rounded down onto the LOT_SIZE step, prices onto the tick (see
 * {@link SymbolRules#roundPrice}), then min/max quantity, price bounds and the minimum notional (price x quantity;
 * a market order is valued at the mark price) are checked. An order that still fails is refused locally with the
 * filter named and never reaches the exchange.
 */
public final class ExchangeFilters {
    /** The order as it will be sent (rounded), or why it is refused. */
    public record Result(OrderRequest request, BigDecimal quantity, BigDecimal limitPrice, BigDecimal stopPrice, String refusal) {
        public boolean accepted() {
            return refusal == null;
        }
    }

    private final Map<Symbol, SymbolRules> rules = new LinkedHashMap<>();

    public ExchangeFilters(Iterable<SymbolRules> symbols) {
        for (SymbolRules r : symbols) {
            rules.put(r.symbol(), r);
        }
    }

    public Optional<SymbolRules> rules(Symbol s) {
        return Optional.ofNullable(rules.get(s));
    }

    public Map<Symbol, SymbolRules> all() {
        return Map.copyOf(rules);
    }

    /**
     * @param mark the last price seen for the symbol (values a market order for MIN_NOTIONAL), 0 when none
     */
    public Result apply(OrderRequest r, double mark) {
        SymbolRules f = rules.get(r.symbol());
        if (f == null) {
            return refuse(r, "symbol " + r.symbol() + " is not listed on the exchange (exchangeInfo)");
        }
        if (!"TRADING".equals(f.status())) {
            return refuse(r, "symbol " + r.symbol() + " is " + f.status() + ", not TRADING");
        }
        boolean buy = r.side() == OrderSide.BUY;
        BigDecimal q = f.roundQuantity(r.quantity());
        String why = f.quantityProblem(q);
        if (why != null) {
            return refuse(r, "filter LOT_SIZE: " + why + " (checked locally, not sent)");
        }
        BigDecimal limit = null;
        BigDecimal stop = null;
        if (r.type() == OrderType.LIMIT) {
            limit = f.roundPrice(r.limitPrice(), buy);
            why = f.priceProblem(limit);
        } else if (r.type() == OrderType.STOP) {
            stop = f.roundPrice(r.stopPrice(), buy);
            why = f.priceProblem(stop);
        }
        if (why != null) {
            return refuse(r, "filter PRICE_FILTER: " + why + " (checked locally, not sent)");
        }
        if (f.minNotional().signum() > 0) {
            BigDecimal px = limit != null ? limit : stop != null ? stop : mark > 0 ? BigDecimal.valueOf(mark) : null;
            boolean applies = r.type() == OrderType.LIMIT || f.minNotionalAppliesToMarket();
            if (applies && px == null) {
                return refuse(r, "filter NOTIONAL: no price to value a " + r.type() + " order against minNotional "
                        + f.minNotional().toPlainString() + " (no market data yet)");
            }
            if (applies && px.multiply(q).compareTo(f.minNotional()) < 0) {
                return refuse(r, "filter NOTIONAL: notional " + px.multiply(q).stripTrailingZeros().toPlainString() + " " + f.quoteAsset()
                        + " below minNotional " + f.minNotional().toPlainString() + " (checked locally, not sent)");
            }
        }
        OrderRequest sent = new OrderRequest(r.clientOrderId(), r.symbol(), r.side(), r.type(), q.doubleValue(),
                limit == null ? 0 : limit.doubleValue(), stop == null ? 0 : stop.doubleValue(), r.timeInForce(), r.expireTime(),
                r.stopLoss(), r.takeProfit(), r.origin(), r.book(), r.riskOverride());
        return new Result(sent, q, limit, stop, null);
    }

    private static Result refuse(OrderRequest r, String why) {
        return new Result(r, null, null, null, why);
    }
}
