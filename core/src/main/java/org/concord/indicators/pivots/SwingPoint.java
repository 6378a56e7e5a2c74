package org.concord.indicators.pivots;

/**
 * A confirmed swing high or low.
 *
 * @param barTime     open time of the bar that made the extreme
 * @param price       the high (swing high) or low (swing low)
 * @param confirmedAt close time of the bar that confirmed it (the output can use it from then on)
 */
public record SwingPoint(long barTime, double price, long confirmedAt) {
}
