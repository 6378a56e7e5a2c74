package org.concord.execution;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the paper venue takes an order: a quantity it can fill, a market price to judge it by, the risk check
 * (the rule is named), then the account's means. The broker's thread only.
 */
final class PaperAdmission {
    private static final Logger LOG = LoggerFactory.getLogger(PaperBroker.class);
    /** Fills below this are not made. */
    static final double DUST = 1e-12;

    private final PreTradeCheck preTrade;

    PaperAdmission(PreTradeCheck preTrade) {
        if (preTrade == null) {
            throw new IllegalArgumentException("preTrade is required");
        }
        this.preTrade = preTrade;
    }

    /** Why {@code account} refuses {@code r}, or null; {@code funds} judges its means. */
    String refusal(OrderRequest r, AccountView account, SpotFunds funds, WorkingOrder replacing) {
        if (r.quantity() <= DUST) {
            // it could never fill: refused now rather than left working for ever
            return "quantity " + r.quantity() + " is below the smallest quantity the paper venue fills (" + DUST + ")";
        }
        if (!(account.markPrice(r.symbol()) > 0)) {
            return "no market data for " + r.symbol() + " yet";
        }
        PreTradeDecision d = preTrade.check(r, account);
        if (!d.accepted()) {
            return "risk rule " + d.rule() + ": " + d.message();
        }
        if (d.overridden()) {
            LOG.warn("order {} accepted under a manual risk override of {}: {}", r.clientOrderId(), d.rule(), d.message());
        }
        return funds.refusal(r, account.openQuantity(r.symbol(), OrderSide.SELL), replacing);
    }
}
