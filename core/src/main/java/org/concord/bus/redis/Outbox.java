package org.concord.bus.redis;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Durable messages accepted by publish() and not yet acknowledged by Redis, in publish order.
 *
 * <p>Overflow policy: up to {@code capacity} messages are held in memory; past that, messages are appended to
 * the spill file and, to keep the order, every later message goes there too until the file has been read
 * back. publish() therefore never blocks and never drops a durable message while the disk takes writes. A
 * message that cannot be written to the file (disk full, no spill directory configured) is counted as lost and
 * logged as an error. On close, what is still in memory is written in front of the file's rest, and the next
 * bus opened with the same group and consumer resends it first.
 *
 * <p>Many publishers add; only the sender thread peeks and removes.
 */
final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int REFILL = 4096;

    private final ArrayDeque<Pending> memory = new ArrayDeque<>();
    private final int capacity;
    private final SpillFile spill;
    private final BusCounters counters;
    private boolean spilling;

    Outbox(Path dir, String name, int capacity, BusCounters counters) {
        this.capacity = capacity;
        this.counters = counters;
        SpillFile s = null;
        if (dir != null) {
            try {
                s = new SpillFile(dir, name);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the bus outbox in " + dir, e);
            }
            if (s.count() > 0) {
                spilling = true;
                LOG.warn("outbox {}: {} durable messages kept from an earlier run are resent first", s.path(), s.count());
            }
        }
        this.spill = s;
    }

    synchronized void add(Pending p) {
        if (!spilling && memory.size() < capacity) {
            memory.add(p);
            return;
        }
        if (spill == null) {
            lose(p, "outbox full (" + capacity + " in memory) and no spill directory configured");
            return;
        }
        try {
            if (!spilling) {
                LOG.warn("outbox full ({} messages in memory, Redis not keeping up or down): spilling to {}", capacity, spill.path());
            }
            spill.append(p);
            spilling = true;
            counters.spilled.incrementAndGet();
        } catch (IOException e) {
            lose(p, "cannot write the spill file " + spill.path() + ": " + e);
        }
    }

    /** Up to {@code max} oldest messages, left in place until {@link #remove(int)}. Sender thread only. */
    synchronized List<Pending> peek(int max) {
        if (memory.isEmpty() && spilling) {
            refill();
        }
        List<Pending> out = new ArrayList<>(Math.min(max, memory.size()));
        for (Pending p : memory) {
            if (out.size() == max) {
                break;
            }
            out.add(p);
        }
        return out;
    }

    /** Drops the {@code n} oldest messages: Redis acknowledged them. Sender thread only. */
    synchronized void remove(int n) {
        for (int i = 0; i < n; i++) {
            memory.poll();
        }
    }

    synchronized long size() {
        return memory.size() + (spill == null ? 0 : spill.count());
    }

    /** Reports the oldest message as lost (Redis keeps rejecting it) so the ones behind it can go. */
    synchronized void dropHead(String why) {
        Pending p = memory.poll();
        if (p != null) {
            lose(p, why);
        }
    }

    /** Keeps what was not sent for the next bus with the same identity; returns how many were kept. */
    @Override
    public synchronized void close() {
        long left = size();
        if (spill == null) {
            if (left > 0) {
                LOG.error("LOST {} durable messages not yet in Redis at close: no outbox directory configured", left);
                counters.lost.addAndGet(left);
            }
            return;
        }
        try {
            if (!memory.isEmpty()) {
                spill.rewrite(new ArrayList<>(memory));
                memory.clear();
            }
            if (left > 0) {
                LOG.warn("outbox: {} durable messages not yet in Redis were kept in {}; the next bus with the same group "
                        + "and consumer resends them", left, spill.path());
            }
            spill.close();
        } catch (IOException e) {
            LOG.error("LOST up to {} durable messages: cannot write the outbox file {}: {}", left, spill.path(), e.toString());
            counters.lost.addAndGet(left);
        }
    }

    private void refill() {
        try {
            List<Pending> chunk = spill.read(Math.min(REFILL, capacity));
            memory.addAll(chunk);
            if (spill.count() == 0) {
                spill.reset();
                spilling = false;
            }
        } catch (IOException e) {
            // The file is unreadable: what is left in it cannot be sent. Say so loudly and go on with memory.
            LOG.error("LOST {} durable messages: cannot read the outbox file {}: {}", spill.count(), spill.path(), e.toString());
            counters.lost.addAndGet(spill.count());
            try {
                spill.reset();
            } catch (IOException ignored) {
                // already reported
            }
            spilling = false;
        }
    }

    private void lose(Pending p, String why) {
        counters.lost.incrementAndGet();
        LOG.error("LOST durable message for {}: {} (message: {})", p.key(), why, Envelope.oneLine(p.json()));
    }
}
