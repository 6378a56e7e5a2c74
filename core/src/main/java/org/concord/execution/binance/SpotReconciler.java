package org.concord.execution.binance;

import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderType;
import org.concord.execution.TimeInForce;
import org.concord.model.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the adapter's book in line with the exchange over REST: balances, then every unfinished order (missed
 * trades applied once, by trade id), then open orders of ours the journal lacks. Orders whose submit outcome is
 * unknown are queried by client id, never resent. Decision thread only.
 */
final class SpotReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(SpotReconciler.class);

    private final BinanceSpotConfig config;
    private final BinanceSpotRestClient rest;
    private final SpotOrderBook book;
    private final SpotExecution exec;
    private final SpotAccount account;
    private long reconciliations;
    private long lastUnknownCheck;

    SpotReconciler(BinanceSpotConfig config, BinanceSpotRestClient rest, SpotOrderBook book, SpotExecution exec, SpotAccount account) {
        this.config = config;
        this.rest = rest;
        this.book = book;
        this.exec = exec;
        this.account = account;
    }

    long count() {
        return reconciliations;
    }

    void reconcileAll(String why) {
        reconciliations++;
        LOG.info("binance spot {}: reconciling with REST ({})", config.venue(), why);
        try {
            account.refresh(rest);
        } catch (RuntimeException e) {
            LOG.warn("balances not refreshed: {}", e.getMessage());
        }
        for (SpotOrder o : book.unresolved()) {
            try {
                if (o.outcomeUnknown) {
                    exec.resolveUnknown(o, false);
                } else {
                    exec.sync(o, rest.queryOrder(o.request.symbol(), o.clientOrderId()));
                }
            } catch (RuntimeException e) {
                LOG.warn("order {} not reconciled: {}", o.clientOrderId(), e.getMessage());
            }
        }
        for (Symbol s : config.symbols()) {
            try {
                for (SpotJson.ExchangeOrder eo : rest.openOrders(s)) {
                    if (book.get(eo.clientOrderId()) == null && eo.clientOrderId().startsWith(config.clientIdPrefix() + "-")) {
                        recover(eo);
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("open orders of {} not reconciled: {}", s, e.getMessage());
            }
        }
    }

    /** Orders whose submit outcome is still unknown (the exchange was unreachable) are queried again, at most once a second. */
    void retryUnknownOutcomes() {
        long t = System.currentTimeMillis();
        if (t - lastUnknownCheck < 1000) {
            return;
        }
        lastUnknownCheck = t;
        for (SpotOrder o : book.unresolved()) {
            if (o.outcomeUnknown) {
                exec.resolveUnknown(o, false);
            }
        }
    }

    /** An open order with our prefix the journal does not know (journal lost): tracked from now on. */
    private void recover(SpotJson.ExchangeOrder eo) {
        OrderType type = switch (eo.type()) {
            case "LIMIT", "LIMIT_MAKER" -> OrderType.LIMIT;
            case "MARKET" -> OrderType.MARKET;
            default -> OrderType.STOP;
        };
        OrderRequest r = new OrderRequest(eo.clientOrderId(), eo.symbol(), OrderSide.valueOf(eo.side()), type, eo.origQty(),
                type == OrderType.LIMIT ? eo.price() : 0, type == OrderType.STOP ? eo.stopPrice() : 0, TimeInForce.GTC, 0, 0, 0,
                OrderOrigin.STRATEGY, "recovered", false);
        SpotOrder o = book.create(r, null, eo.time());
        LOG.warn("order {} found open on the exchange but not in the journal: tracked as book 'recovered'", eo.clientOrderId());
        exec.adopt(o, eo);
    }
}
