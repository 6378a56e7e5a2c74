package org.concord.execution.binance;

/**
 * A request whose effect on the exchange is unknown: the connection broke or timed out after it was sent, or the
 * exchange answered 5xx / -1006 / -1007 ("execution status unknown"). For a new order this means: do NOT send it
 * again; query it by client order id.
 */
public final class OutcomeUnknownException extends RuntimeException {
    public OutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
