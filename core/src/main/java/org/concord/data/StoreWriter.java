package org.concord.data;

import org.concord.model.Bar;
import org.concord.store.BarStore;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Write-behind for closed bars: the ingest path hands bars over without waiting for the disk, and one
 * background thread commits them in batches (one transaction per batch, at most every {@code maxDelayMs} or
 * {@code maxBatch} bars). {@link #flush()} returns once everything handed over before it is durable. A failed
 * commit (disk full, locked file) keeps the batch and retries with backoff: nothing is dropped.
 */
final class StoreWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreWriter.class);

    private final BarStore store;
    private final long maxDelayMs;
    private final int maxBatch;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition pendingOrClosed = lock.newCondition();
    private final Condition written = lock.newCondition();
    private List<Bar> pending = new ArrayList<>();
    private long enqueued;
    private long committed;
    private volatile boolean closed;
    private volatile String lastError;
    private final Thread thread;

    StoreWriter(BarStore store, long maxDelayMs, int maxBatch) {
        this.store = store;
        this.maxDelayMs = maxDelayMs;
        this.maxBatch = maxBatch;
        this.thread = Daemons.start(this::run, "concord-store-writer");
    }

    void enqueue(Bar bar) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("store writer closed");
            }
            pending.add(bar);
            enqueued++;
            if (pending.size() >= maxBatch) {
                pendingOrClosed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Blocks until every bar enqueued before this call is committed. */
    void flush() {
        lock.lock();
        try {
            long target = enqueued;
            pendingOrClosed.signal();
            while (committed < target) {
                if (!written.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("store flush timed out; last error: " + lastError);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while flushing the store", e);
        } finally {
            lock.unlock();
        }
    }

    long backlog() {
        lock.lock();
        try {
            return enqueued - committed;
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        long backoff = 100;
        while (true) {
            List<Bar> batch;
            lock.lock();
            try {
                if (pending.isEmpty() && !closed) {
                    pendingOrClosed.await(maxDelayMs, TimeUnit.MILLISECONDS);
                }
                if (pending.isEmpty()) {
                    if (closed) {
                        return;
                    }
                    continue;
                }
                batch = pending;
                pending = new ArrayList<>(Math.max(16, batch.size()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                lock.unlock();
            }
            try {
                store.upsertAll(batch);
                lastError = null;
                backoff = 100;
                lock.lock();
                try {
                    committed += batch.size();
                    written.signalAll();
                } finally {
                    lock.unlock();
                }
            } catch (RuntimeException e) {
                lastError = e.getMessage();
                LOG.error("store write of {} bars failed, keeping them and retrying in {} ms: {}", batch.size(), backoff, e.getMessage());
                lock.lock();
                try {
                    batch.addAll(pending);
                    pending = batch;
                } finally {
                    lock.unlock();
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    @Override
    public void close() {
        flush();
        lock.lock();
        try {
            closed = true;
            pendingOrClosed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
