package org.concord.model;

/**
 * Bar durations Concord aggregates and stores. Bars are keyed by their open time (epoch ms, UTC) and
 * cover {@code [openTime, openTime + millis)}; a bar is closed once time reaches {@code openTime + millis}.
 */
public enum Timeframe {
    S1("1s", 1_000L),
    M1("1m", 60_000L),
    M5("5m", 300_000L),
    M15("15m", 900_000L),
    H1("1h", 3_600_000L),
    H4("4h", 14_400_000L),
    D1("1d", 86_400_000L);

    private static final Timeframe[] ALL = values();

    private final String code;
    private final long millis;

    Timeframe(String code, long millis) {
        this.code = code;
        this.millis = millis;
    }

    /** Short code as used by exchanges and the config ("1s", "1m", ..., "1d"). */
    public String code() {
        return code;
    }

    public long millis() {
        return millis;
    }

    /** Open time of the bar that contains {@code epochMs}. Works for negative times too. */
    public long floor(long epochMs) {
        return Math.floorDiv(epochMs, millis) * millis;
    }

    /** Close time (exclusive end) of the bar opened at {@code openTime}. */
    public long closeTime(long openTime) {
        return openTime + millis;
    }

    public static Timeframe ofCode(String code) {
        if (code == null) {
            throw new IllegalArgumentException("timeframe code is null");
        }
        for (Timeframe tf : ALL) {
            if (tf.code.equalsIgnoreCase(code.trim()) || tf.name().equalsIgnoreCase(code.trim())) {
                return tf;
            }
        }
        throw new IllegalArgumentException("unknown timeframe '" + code + "' (expected one of 1s,1m,5m,15m,1h,4h,1d)");
    }

    /** All timeframes, shortest first (the cached array; callers must not modify it). */
    public static Timeframe[] all() {
        return ALL.clone();
    }

    @Override
    public String toString() {
        return code;
    }
}
