package org.concord.execution;

/**
 * The life of an order. NEW is accepted and working (a stop not yet triggered is NEW too). Terminal states never
 * change again. Every transition is published as an {@link OrderEvent}.
 */
public enum OrderState {
    NEW, PARTIALLY_FILLED, FILLED, CANCELED, REJECTED, EXPIRED;

    public boolean isTerminal() {
        return this == FILLED || this == CANCELED || this == REJECTED || this == EXPIRED;
    }

    public boolean isWorking() {
        return this == NEW || this == PARTIALLY_FILLED;
    }

    /**
     * Whether an order in this state may move to {@code next}. A partially filled order may be partially filled
     * again (another fill); REJECTED is reachable only from creation ({@code null} previous state).
     */
    public boolean canTransitionTo(OrderState next) {
        if (next == null) {
            return false;
        }
        return switch (this) {
            case NEW -> next == PARTIALLY_FILLED || next == FILLED || next == CANCELED || next == EXPIRED;
            case PARTIALLY_FILLED -> next == PARTIALLY_FILLED || next == FILLED || next == CANCELED || next == EXPIRED;
            default -> false;
        };
    }
}
