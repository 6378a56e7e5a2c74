package org.concord.execution;

/**
 * The check every order passes before a broker accepts it, whoever sent it (the coordination layer or a person).
 * A broker calls it on the decision thread with its own account view; the order is not yet counted in it.
 */
@FunctionalInterface
public interface PreTradeCheck {
    PreTradeDecision check(OrderRequest request, AccountView account);

    PreTradeCheck NONE = (r, a) -> PreTradeDecision.ACCEPT;
}
