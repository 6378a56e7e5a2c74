package org.concord.execution;

/** Receives a broker's events synchronously on the thread that caused them (the decision thread in Concord). */
public interface ExecutionListener {
    default void onOrderEvent(OrderEvent event, Order order) {
    }

    default void onFill(Fill fill, Order order) {
    }
}
