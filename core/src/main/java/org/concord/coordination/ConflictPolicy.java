package org.concord.coordination;

/**
 * How opposite signals on one symbol are resolved (side score = sum of the buckets' confidences):
 * <ul>
 *   <li>CONFIDENCE_PRIORITY: the stronger side trades as asked; the weaker side's buckets do nothing.</li>
 *   <li>PARTIAL: the stronger side trades a share {@code (W - L) / W} of what it asked; the weaker side nothing.</li>
 *   <li>NETTING: both sides keep their targets in their own books; the account holds the net and the crossing part
 *       is exchanged between the books internally, without an order.</li>
 * </ul>
 * A tie under the first two policies: neither side trades.
 */
public enum ConflictPolicy {
    CONFIDENCE_PRIORITY, PARTIAL, NETTING
}
