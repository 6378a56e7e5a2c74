package org.concord.coordination;

import org.concord.bus.InProcessEventBus;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.concord.risk.TradePlan;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A plan's side events are published, the newest kept and all of them counted, resolved conflicts apart. */
class CoordinationEventsTest {
    private static final Symbol BTC = BundledData.BTCUSD;

    private static ConflictEvent conflict(long t, ConflictPolicy policy) {
        return new ConflictEvent(t, BTC, policy, List.of(Bucket.SHORT), List.of(Bucket.LONG), 0.8, 0.4, 1, 0.5, Double.NaN, Double.NaN,
                "why", List.of("a"), List.of("b"));
    }

    @Test
    void keepsTheNewestPublishesEachAndCountsAll() {
        InProcessEventBus bus = new InProcessEventBus();
        List<ConflictEvent> published = new ArrayList<>();
        bus.subscribe(CoordinationTopics.CONFLICTS, published::add);
        CoordinationEvents events = new CoordinationEvents(bus);
        int n = CoordinationEvents.KEPT + 7;
        for (int t = 1; t <= n; t++) {
            ConflictEvent c = conflict(t, t % 2 == 0 ? ConflictPolicy.PARTIAL : null);
            events.record(new PositionCoordinator.PlanResult(TradePlan.EMPTY, Map.of(), List.of(), List.of(),
                    List.of(new AlignmentEvent(t, BTC, 0.9, 1.45, 1, List.of(Bucket.SHORT, Bucket.MEDIUM))), List.of(c)));
        }
        assertThat(published).hasSize(n);
        assertThat(events.conflicts()).hasSize(CoordinationEvents.KEPT);
        assertThat(events.conflicts().get(0).time()).isEqualTo(8);
        assertThat(events.alignments()).hasSize(CoordinationEvents.KEPT);
        EventCounts counts = events.counts(3);
        assertThat(counts).isEqualTo(new EventCounts(3, 0, n, n, n / 2));
        assertThat(counts.netLimitCuts()).isEqualTo(n - n / 2);
    }
}
