package org.concord.coordination;

import org.concord.bus.EventBus;
import org.concord.model.RecentEvents;

import java.util.List;

/**
 * What the plans said besides their orders: signals rejected, buckets aligned, conflicts settled. Each is published
 * on the bus (when there is one) and kept for reports and the desk: the newest {@value #KEPT} of each kind, all of
 * them counted. Single writer (the engine's thread).
 */
final class CoordinationEvents {
    static final int KEPT = 10_000;
    private final EventBus bus;
    private final RecentEvents<SignalRejected> rejected = new RecentEvents<>(KEPT);
    private final RecentEvents<AlignmentEvent> alignments = new RecentEvents<>(KEPT);
    private final RecentEvents<ConflictEvent> conflicts = new RecentEvents<>(KEPT);
    private long conflictsResolved;

    /** @param bus where the events go (null: only kept) */
    CoordinationEvents(EventBus bus) {
        this.bus = bus;
    }

    void record(PositionCoordinator.PlanResult pr) {
        // indexed: an iterator per list and decision would be the only allocation of the usual bar, which has none
        List<SignalRejected> rs = pr.rejected();
        for (int i = 0; i < rs.size(); i++) {
            rejected.add(rs.get(i));
            if (bus != null) {
                bus.publish(CoordinationTopics.REJECTED_SIGNALS, rs.get(i));
            }
        }
        List<AlignmentEvent> as = pr.alignments();
        for (int i = 0; i < as.size(); i++) {
            alignments.add(as.get(i));
            if (bus != null) {
                bus.publish(CoordinationTopics.ALIGNMENTS, as.get(i));
            }
        }
        List<ConflictEvent> cs = pr.conflicts();
        for (int i = 0; i < cs.size(); i++) {
            ConflictEvent c = cs.get(i);
            conflicts.add(c);
            if (c.policy() != null) {
                conflictsResolved++;
            }
            if (bus != null) {
                bus.publish(CoordinationTopics.CONFLICTS, c);
            }
        }
    }

    List<SignalRejected> rejected() {
        return rejected.list();
    }

    List<AlignmentEvent> alignments() {
        return alignments.list();
    }

    List<ConflictEvent> conflicts() {
        return conflicts.list();
    }

    EventCounts counts(long riskEvents) {
        return new EventCounts(riskEvents, rejected.total(), alignments.total(), conflicts.total(), conflictsResolved);
    }
}
