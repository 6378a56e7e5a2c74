package org.concord.modules.extrema;

/**
 * A confirmed local extremum: a label usable for training (where the market turned), known only from
 * {@code confirmedAt} on.
 *
 * @param barTime     open time of the bar that made it
 * @param price       its high (MAX) or low (MIN)
 * @param max         true for a local maximum, false for a minimum
 * @param confirmedAt close time of the {@code lag}-th bar after it
 */
public record Extremum(long barTime, double price, boolean max, long confirmedAt) {
}
