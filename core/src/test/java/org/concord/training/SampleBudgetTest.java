package org.concord.training;

import org.concord.model.Action;
import org.concord.model.InferenceFrameReference;
import org.concord.model.InferenceFrameReference.Source;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleBudgetTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");

    private static InferenceFrameReference frame(String id, long windowEnd, Source source) {
        return new InferenceFrameReference(id, BTC, List.of(Timeframe.M1), List.of(60), windowEnd, "cnn-btcusd", "v1", Action.HOLD, 0.5,
                "0".repeat(64), source, 60_000, null, null);
    }

    @Test
    void anEighthOfTheHeapForTheInputs() {
        // the desk's 512 MB heap and the default frame (3 timeframes x 6 channels x 60 bars = 1,080 floats)
        assertThat(SampleBudget.of(512L << 20, 1_080).samples()).isEqualTo(15_534);
        assertThat(SampleBudget.of(2L << 30, 1_080).samples()).isEqualTo(4 * 15_534 + 1); // 62,137: floor of the exact quarter
        assertThatThrownBy(() -> SampleBudget.of(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SampleBudget.of(1 << 20, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyAnnotationAndTheNewestInferenceFramesAreKeptInTheirOrder() {
        List<InferenceFrameReference> matured = List.of(frame("a", 5, Source.INFERENCE), frame("old-label", 1, Source.ANNOTATION),
                frame("b", 9, Source.INFERENCE), frame("c", 2, Source.INFERENCE), frame("d", 7, Source.INFERENCE),
                frame("tie-1", 5, Source.INFERENCE));
        assertThat(new SampleBudget(10).frames(matured)).isSameAs(matured); // room for all: nothing cut
        // room for 4: the label, then the 3 newest inference frames (9, 7, and one of the two at 5)
        assertThat(new SampleBudget(4).frames(matured)).extracting(InferenceFrameReference::id).containsExactly("a", "old-label", "b", "d");
        assertThat(new SampleBudget(1).frames(matured)).extracting(InferenceFrameReference::id).containsExactly("old-label");
        assertThat(new SampleBudget(0).frames(matured)).extracting(InferenceFrameReference::id).containsExactly("old-label");
    }

    @Test
    void historyFillsWhatTheFramesLeave() {
        SampleBudget b = new SampleBudget(1_000);
        assertThat(b.historyBars(400, 2, 300_000)).isEqualTo(1_200);
        assertThat(b.historyBars(400, 2, 500)).isEqualTo(500); // the configured cap still holds
        assertThat(b.historyBars(1_000, 2, 300_000)).isZero();
        assertThat(b.historyBars(5_000, 2, 300_000)).isZero();
    }
}
