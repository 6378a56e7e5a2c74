package org.concord.indicators;

/** Which number of a bar a single-input indicator reads. */
public enum Price {
    OPEN, HIGH, LOW, CLOSE,
    /** (high + low) / 2, the "median price". */
    HL2,
    /** (high + low + close) / 3, the "typical price". */
    HLC3,
    /** (open + high + low + close) / 4. */
    OHLC4,
    VOLUME;

    public double of(double open, double high, double low, double close, double volume) {
        switch (this) {
            case OPEN: return open;
            case HIGH: return high;
            case LOW: return low;
            case CLOSE: return close;
            case HL2: return (high + low) / 2;
            case HLC3: return (high + low + close) / 3;
            case OHLC4: return (open + high + low + close) / 4;
            default: return volume;
        }
    }
}
