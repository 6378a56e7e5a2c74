package org.concord.bus.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Collects events from any thread and waits for them. */
final class Collector<T> implements Consumer<T> {
    private final List<T> events = new ArrayList<>();
    private final List<String> threads = new ArrayList<>();

    @Override
    public synchronized void accept(T e) {
        events.add(e);
        threads.add(Thread.currentThread().getName());
        notifyAll();
    }

    synchronized List<T> events() {
        return new ArrayList<>(events);
    }

    synchronized List<String> threads() {
        return new ArrayList<>(threads);
    }

    synchronized int size() {
        return events.size();
    }

    /** Waits until at least {@code n} events arrived; returns what arrived (fewer on timeout). */
    synchronized List<T> await(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (events.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return new ArrayList<>(events);
    }

    static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
