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
        for (SignalRejected r : pr.rejected()) {
            rejected.add(r);
            if (bus != null) {
                bus.publish(CoordinationTopics.REJECTED_SIGNALS, r);
            }
        }
        for (AlignmentEvent a : pr.alignments()) {
            alignments.add(a);
            if (bus != null) {
                bus.publish(CoordinationTopics.ALIGNMENTS, a);
            }
        }
        for (ConflictEvent c : pr.conflicts()) {
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
