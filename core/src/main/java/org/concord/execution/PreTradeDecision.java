package org.concord.execution;

/**
 * The answer of a {@link PreTradeCheck}: accept, or reject naming the rule that was broken. An accepted order that
 * broke a rule under a person's explicit override carries {@code overridden = true} and the rule it broke.
 */
public record PreTradeDecision(boolean accepted, boolean overridden, String rule, String message) {
    public static final PreTradeDecision ACCEPT = new PreTradeDecision(true, false, "", "");

    public PreTradeDecision {
        rule = rule == null ? "" : rule;
        message = message == null ? "" : message;
        if (!accepted && rule.isEmpty()) {
            throw new IllegalArgumentException("a rejection must name its rule");
        }
    }

    public static PreTradeDecision reject(String rule, String message) {
        return new PreTradeDecision(false, false, rule, message);
    }

    public static PreTradeDecision overridden(String rule, String message) {
        return new PreTradeDecision(true, true, rule, message);
    }
}
