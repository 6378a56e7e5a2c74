package org.concord.coordination;

/**
 * How many events of each kind a coordination engine has recorded since it started; its histories keep only the
 * newest {@value CoordinationEvents#KEPT} of each (the risk manager's: {@code UnifiedRiskManager.HISTORY}).
 *
 * @param conflictsResolved conflicts a policy settled between two sides (the rest: the net limit cut a bucket)
 */
public record EventCounts(long riskEvents, long rejectedSignals, long alignments, long conflicts, long conflictsResolved) {
    /** Conflicts where the net limit cut a bucket's wanted position. */
    public long netLimitCuts() {
        return conflicts - conflictsResolved;
    }
}
