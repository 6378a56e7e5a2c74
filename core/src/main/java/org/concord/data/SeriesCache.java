package org.concord.data;

import org.concord.store.Direction;
import org.concord.model.Bar;
import org.concord.model.BarChecks;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.concurrent.locks.StampedLock;

/**
 * The in-memory tail of one symbol × timeframe series. It holds every stored bar with open time
 * {@code >= coveredFrom} (so a query starting there needs no SQLite). One writer (the DataProvider's ingest
 * path) and any number of readers, who get copies.
 */
final class SeriesCache {
    private final BarSeries series;
    /**
     * Not reentrant, and no method here takes it twice. Cheaper than a ReentrantReadWriteLock for the one writer's
     * lock per bar (its owner bookkeeping was 3 % of an EMA-cross backtest, async-profiler).
     */
    private final StampedLock lock = new StampedLock();
    private final int maxBars;
    private final StoreWriter writer;
    /** Every bar of the series is in the store or on its way there (read and written under the write lock). */
    private boolean persisted;
    /** Every stored bar at or after this time is in memory; Long.MAX_VALUE while nothing is known. */
    private long coveredFrom = Long.MAX_VALUE;
    /** The last open time before the latest {@link #put}, for its caller (the one writer): one lock per bar, not two. */
    private long lastBeforePut = Long.MIN_VALUE;

    /**
     * @param writer    where the closed bars offered to {@link #put} are written behind, once {@link #persisted}
     * @param persisted false for a transient session's series: kept in memory only until its first eviction
     */
    SeriesCache(Symbol symbol, Timeframe tf, int maxBars, StoreWriter writer, boolean persisted) {
        this.series = new BarSeries(symbol, tf, 1024);
        this.maxBars = maxBars;
        this.writer = writer;
        this.persisted = persisted;
    }

    /** Outcome of offering a closed bar to the cache. */
    enum Put { APPENDED, DUPLICATE, CORRECTED, INSERTED }

    Put put(long t, double o, double h, double l, double c, double v) {
        long stamp = lock.writeLock();
        try {
            Put result;
            int n = series.size();
            lastBeforePut = n == 0 ? Long.MIN_VALUE : series.time(n - 1);
            if (n == 0 || t > series.time(n - 1)) {
                series.append(t, o, h, l, c, v);
                result = Put.APPENDED;
                if (coveredFrom == Long.MAX_VALUE) {
                    coveredFrom = t;
                }
            } else {
                int i = series.indexOf(t);
                if (i >= 0 && series.sameValues(i, o, h, l, c, v)) {
                    return Put.DUPLICATE;
                }
                result = i >= 0 ? Put.CORRECTED : Put.INSERTED;
                series.upsert(t, o, h, l, c, v);
                if (t < coveredFrom) {
                    coveredFrom = t; // the store may hold older bars than this; only a load may lower it further
                }
            }
            if (persisted) {
                writer.enqueue(new Bar(series.symbol(), series.timeframe(), t, o, h, l, c, v, true));
            }
            if (series.size() > maxBars) {
                int drop = series.size() - maxBars * 3 / 4;
                persistBeforeEviction();
                series.dropFirst(drop);
                coveredFrom = series.time(0);
            }
            return result;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * A transient session's series is kept in memory only until its first eviction: then everything in memory is
     * written and flushed before the oldest bars leave it, and every later closed bar is written behind. Memory plus
     * store stay the whole series, so a query that falls back to the store finds every bar, as in a kept session.
     */
    private void persistBeforeEviction() {
        if (persisted) {
            return;
        }
        for (int i = 0; i < series.size(); i++) {
            writer.enqueue(series.bar(i, true));
        }
        writer.flush();
        persisted = true;
    }

    /**
     * Seeds the cache with bars loaded from the store, older than anything cached.
     *
     * @param completeFrom the time from which the loaded bars plus the cache are the whole stored series
     */
    void seed(BarSeries loaded, long completeFrom) {
        long stamp = lock.writeLock();
        try {
            for (int i = 0; i < loaded.size(); i++) {
                long t = loaded.time(i);
                if (series.indexOf(t) < 0) {
                    series.upsert(t, loaded.open(i), loaded.high(i), loaded.low(i), loaded.close(i), loaded.volume(i));
                }
            }
            coveredFrom = Math.min(coveredFrom, completeFrom);
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /**
     * Adds backfilled bars older than anything stored. Only a cache that holds the whole stored series takes
     * them (a partial cache would get a hole between them and its covered range); otherwise they stay in SQLite.
     */
    void addOlder(BarSeries older) {
        long stamp = lock.writeLock();
        try {
            if (coveredFrom != Long.MIN_VALUE) {
                return;
            }
            for (int i = 0; i < older.size(); i++) {
                String p = BarChecks.problem(older.open(i), older.high(i), older.low(i), older.close(i), older.volume(i));
                if (p == null) {
                    series.upsert(older.time(i), older.open(i), older.high(i), older.low(i), older.close(i), older.volume(i));
                }
            }
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    long coveredFrom() {
        long stamp = lock.readLock();
        try {
            return coveredFrom;
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /**
     * Answers a query from memory, or returns null when memory cannot prove the answer complete (bars older than
     * {@link #coveredFrom} may be in the store only; the caller then asks the store).
     */
    BarSeries query(long from, long to, int limit, Direction direction) {
        long stamp = lock.readLock();
        try {
            boolean known = coveredFrom != Long.MAX_VALUE;
            int lo;
            int hi; // result is [lo, hi)
            if (direction == Direction.AFTER) {
                if (!known || (from != Long.MIN_VALUE && from + 1 < coveredFrom) || (from == Long.MIN_VALUE && coveredFrom != Long.MIN_VALUE)) {
                    return null;
                }
                lo = upperBound(from);
                hi = Math.max(lo, upperBound(to));
                hi = Math.min(hi, lo + limit);
            } else {
                lo = series.lowerBound(from);
                hi = Math.max(lo, direction == Direction.LATEST ? upperBound(to) : series.lowerBound(to));
                if (hi - lo >= limit) {
                    lo = hi - limit; // the newest `limit` matching bars are all in memory
                } else if (!known || from < coveredFrom) {
                    return null;
                }
            }
            return series.copyRange(lo, hi);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** First index with time > t. */
    private int upperBound(long t) {
        return t == Long.MAX_VALUE ? series.size() : series.lowerBound(t + 1);
    }

    int size() {
        long stamp = lock.readLock();
        try {
            return series.size();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** The last bar's open time before the latest {@link #put} (Long.MIN_VALUE when there was none); the writer's thread only. */
    long lastBeforePut() {
        return lastBeforePut;
    }

    Bar last() {
        long stamp = lock.readLock();
        try {
            return series.isEmpty() ? null : series.bar(series.size() - 1, true);
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Forgets bars with open time >= t (a replay restarting or seeking backwards: they are "the future"). */
    void truncateFrom(long t) {
        long stamp = lock.writeLock();
        try {
            series.truncateFrom(t);
        } finally {
            lock.unlockWrite(stamp);
        }
    }
}
