package org.concord.training;

import org.concord.model.Action;
import org.concord.model.InferenceFrameReference;
import org.concord.model.InferenceFrameReference.Source;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stored and rejected frame is counted and published, however rarely a rejection is logged as a warning. */
class FrameTallyTest {
    private static InferenceFrameReference ref(String id) {
        return new InferenceFrameReference(id, Symbol.of("BTCUSD"), List.of(Timeframe.M1), List.of(60), 1_385_337_600_000L,
                "cnn-btcusd", "v000001", Action.BUY, 0.61, "ab".repeat(32), Source.INFERENCE, 15 * 60_000L, null, null);
    }

    @Test
    void aBatchOfRejectionsIsCountedAndPublishedInFull() {
        List<TrainingEvent> events = new ArrayList<>();
        FrameTally tally = new FrameTally(events::add);
        tally.stored(ref("s-1"));
        tally.stored(ref("s-2"));
        for (int i = 0; i < 2 * FrameTally.WARN_EVERY + 7; i++) {
            tally.rejected(ref("r-" + i), "content hash mismatch");
        }
        assertThat(tally.stored()).isEqualTo(2);
        assertThat(tally.rejected()).isEqualTo(207);
        assertThat(tally.matured()).isZero();
        assertThat(events).filteredOn(e -> e.type() == TrainingEventType.FRAME_STORED).hasSize(2);
        assertThat(events).filteredOn(e -> e.type() == TrainingEventType.FRAME_REJECTED).hasSize(207)
                .allSatisfy(e -> assertThat(e.message()).isEqualTo("content hash mismatch"));
    }
}
