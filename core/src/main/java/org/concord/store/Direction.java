package org.concord.store;

/**
 * How {@code DataProvider.bars(symbol, tf, from, to, limit, direction)} picks bars when more than {@code limit}
 * match. In every case the result is ordered oldest first.
 */
public enum Direction {
    /** The most recent {@code limit} bars with open time in {@code [from, to]}. */
    LATEST,
    /** The most recent {@code limit} bars with open time in {@code [from, to)}: page left from {@code to}. */
    BEFORE,
    /** The earliest {@code limit} bars with open time in {@code (from, to]}: page right from {@code from}. */
    AFTER
}
