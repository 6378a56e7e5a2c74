package org.concord.app.trading;

import org.concord.execution.Order;
import org.concord.execution.OrderState;

/**
 * The answer to one desk action (submit, cancel, replace, move), for the ticket's message line.
 *
 * @param riskRule the rule named when the broker's risk gate refused the order (then "override risk" applies), else null
 */
public record ActionResult(String action, String clientOrderId, boolean ok, String message, String riskRule) {
    private static final String RISK_PREFIX = "risk rule ";

    public static ActionResult of(String action, Order o) {
        boolean ok = o.state() != OrderState.REJECTED;
        String text = action + " " + o.clientOrderId() + ": " + o.state() + (o.reason().isEmpty() ? "" : " — " + o.reason());
        String rule = null;
        if (!ok && o.reason().startsWith(RISK_PREFIX)) {
            int colon = o.reason().indexOf(':');
            rule = colon > RISK_PREFIX.length() ? o.reason().substring(RISK_PREFIX.length(), colon) : "?";
        }
        return new ActionResult(action, o.clientOrderId(), ok, text, rule);
    }

    public static ActionResult failed(String action, String clientOrderId, String why) {
        return new ActionResult(action, clientOrderId, false, action + (clientOrderId == null ? "" : " " + clientOrderId) + " refused: " + why, null);
    }
}
