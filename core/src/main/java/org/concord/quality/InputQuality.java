package org.concord.quality;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Counts bad input by source and kind and logs one clear line per occurrence (source, position, rule applied).
 * To keep a bad file from flooding the log, the first {@value #LOG_FIRST} lines per source and kind are logged,
 * then every {@value #LOG_EVERY}th. Thread-safe.
 */
public final class InputQuality {
    static final int LOG_FIRST = 20;
    static final int LOG_EVERY = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(InputQuality.class);
    private static final InputIssue[] ISSUES = InputIssue.values();

    private final Map<String, AtomicLongArray> bySource = new ConcurrentHashMap<>();

    /**
     * Records one issue.
     *
     * @param source   where the input came from, e.g. "bitstamp_trades.csv" or "binance-ws BTCUSDT"
     * @param position line number, message sequence or timestamp, whatever locates it in the source
     * @param detail   what was wrong and what was done
     */
    public void report(String source, String position, InputIssue issue, String detail) {
        long n = bySource.computeIfAbsent(source, s -> new AtomicLongArray(ISSUES.length)).incrementAndGet(issue.ordinal());
        if (n <= LOG_FIRST || n % LOG_EVERY == 0) {
            LOG.warn("bad input [{}] source={} at={} : {} (#{} of this kind from this source)", issue, source, position, detail, n);
        }
    }

    public long count(String source, InputIssue issue) {
        AtomicLongArray a = bySource.get(source);
        return a == null ? 0 : a.get(issue.ordinal());
    }

    public long count(InputIssue issue) {
        long s = 0;
        for (AtomicLongArray a : bySource.values()) {
            s += a.get(issue.ordinal());
        }
        return s;
    }

    public long total() {
        long s = 0;
        for (InputIssue i : ISSUES) {
            s += count(i);
        }
        return s;
    }

    /** Snapshot of all counts: source → issue → count (only non-zero). */
    public Map<String, Map<InputIssue, Long>> snapshot() {
        Map<String, Map<InputIssue, Long>> out = new TreeMap<>();
        bySource.forEach((src, a) -> {
            Map<InputIssue, Long> m = new EnumMap<>(InputIssue.class);
            for (InputIssue i : ISSUES) {
                if (a.get(i.ordinal()) > 0) {
                    m.put(i, a.get(i.ordinal()));
                }
            }
            out.put(src, m);
        });
        return out;
    }
}
