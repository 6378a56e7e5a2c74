package org.concord.execution;

import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps one paper account in a {@link PaperAccountStore}: {@link #restore} puts the stored account into a broker and
 * journals it from then on. The broker's thread only queues (no I/O on the trading thread); one writer thread
 * ({@code concord-paper-journal}) writes what is queued, in order, one transaction per batch. {@link #close} writes
 * everything queued before it returns (the desk's shutdown, SIGTERM included), so what a fill or order did before a
 * stop is in the store.
 */
public final class PaperJournalWriter implements PaperJournal, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PaperJournalWriter.class);

    private final PaperAccountStore store;
    private final String account;
    private final ExecutorService writer;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile long epoch; // written on the writer thread (archive), read for tests and logs
    private volatile boolean closed;

    /** A reset: the epoch so far is archived and the next opens at this cash (queued in order with the rows). */
    private record Archive(double initialCash) {
    }

    private PaperJournalWriter(PaperAccountStore store, String account, long epoch) {
        this.store = store;
        this.account = account;
        this.epoch = epoch;
        this.writer = Executors.newSingleThreadExecutor(Daemons.named("concord-paper-journal"));
    }

    /**
     * Makes {@code broker} the stored account {@code account} (a new one at the broker's initial cash when none is
     * stored) and journals it from now on. Call it on the broker's thread, before it trades.
     */
    public static PaperJournalWriter restore(PaperBroker broker, PaperAccountStore store, String account) {
        if (broker == null || store == null) {
            throw new IllegalArgumentException("broker and store are required");
        }
        PaperAccountStore.Loaded loaded = store.load(account, broker.config().initialCash(), System.currentTimeMillis());
        broker.restore(loaded.state());
        PaperJournalWriter w = new PaperJournalWriter(store, account, loaded.epoch());
        broker.journalTo(w);
        return w;
    }

    public long epoch() {
        return epoch;
    }

    @Override
    public void order(PaperOrderRecord order) {
        enqueue(order);
    }

    @Override
    public void fill(Fill fill) {
        enqueue(fill);
    }

    /** The account was reset: what is queued goes to the current epoch, which is then archived; later rows to the next. */
    public void archive(double initialCash) {
        enqueue(new Archive(initialCash));
    }

    private void enqueue(Object item) {
        if (closed) {
            LOG.warn("paper journal of '{}' is closed: {} not stored", account, item);
            return;
        }
        queue.add(item);
        if (scheduled.compareAndSet(false, true)) {
            writer.execute(this::drain);
        }
    }

    private void drain() {
        scheduled.set(false); // an item queued from here on schedules another drain
        List<Fill> fills = new ArrayList<>();
        List<PaperOrderRecord> orders = new ArrayList<>();
        Object item;
        while ((item = queue.poll()) != null) {
            if (item instanceof Fill f) {
                fills.add(f);
            } else if (item instanceof PaperOrderRecord o) {
                orders.add(o);
            } else if (item instanceof Archive a) {
                write(fills, orders);
                epoch = store.archive(account, epoch, a.initialCash(), System.currentTimeMillis());
                LOG.info("paper account '{}' reset: the previous epoch is archived, epoch {} starts at {}", account, epoch, a.initialCash());
            }
        }
        write(fills, orders);
    }

    private void write(List<Fill> fills, List<PaperOrderRecord> orders) {
        try {
            store.write(account, epoch, fills, orders);
        } catch (RuntimeException e) {
            LOG.error("paper account '{}': {} fill(s) and {} order update(s) could not be stored: {}", account, fills.size(), orders.size(), e.toString());
        } finally {
            fills.clear();
            orders.clear();
        }
    }

    /** Waits until everything queued so far is written (tests; the desk never waits on it from the trading thread). */
    public boolean flush(long timeout, TimeUnit unit) throws InterruptedException {
        try {
            writer.submit(this::drain).get(timeout, unit);
            return true;
        } catch (ExecutionException e) {
            LOG.error("paper journal flush failed: {}", e.getCause().toString());
            return false;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Writes what is queued, then stops the writer thread. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.execute(this::drain);
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.error("paper journal of '{}' did not finish writing within 10 s; {} item(s) not stored", account, queue.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
