package org.concord.feed;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

class LoopPricingTest {
    /** A recording from 800 to 1,000 (the bundled tape's first price and a round end). */
    private final LoopPricing pricing = LoopPricing.of(800, 1_000);

    @Test
    void theMirrorJoinsBothEndsAndTheNextCopyIsTheRecording() {
        assertThat(pricing.price(1, 800)).as("the mirror opens where the recording ended").isCloseTo(1_000, offset(1e-9));
        assertThat(pricing.price(1, 1_000)).as("and ends where it began").isCloseTo(800, offset(1e-9));
        assertThat(pricing.price(2, 900)).as("copy 2 is the recording").isEqualTo(900);
        assertThat(pricing.price(3, 900)).as("copy 3 the mirror again").isCloseTo(800_000.0 / 900, offset(1e-9));
    }

    @Test
    void aMoveUpIsTheSameMoveDownInTheMirror() {
        double up = Math.log(pricing.price(0, 880) / pricing.price(0, 800));
        double down = Math.log(pricing.price(1, 880) / pricing.price(1, 800));
        assertThat(down).isCloseTo(-up, offset(1e-12));
    }

    @Test
    void aMirroredBarKeepsItsHighAboveItsLowAndTheAggressorSwaps() {
        assertThat(pricing.high(1, 900, 850)).isCloseTo(800_000.0 / 850, offset(1e-9));
        assertThat(pricing.low(1, 900, 850)).isCloseTo(800_000.0 / 900, offset(1e-9));
        assertThat(pricing.high(1, 900, 850)).isGreaterThan(pricing.low(1, 900, 850));
        assertThat(pricing.high(2, 900, 850)).isEqualTo(900);
        assertThat(pricing.low(2, 900, 850)).isEqualTo(850);
        assertThat(LoopPricing.buyerMaker(1, true)).isFalse();
        assertThat(LoopPricing.buyerMaker(1, false)).isTrue();
        assertThat(LoopPricing.buyerMaker(2, true)).isTrue();
    }

    @Test
    void aRecordingWithoutPositiveEndsCannotLoop() {
        assertThatThrownBy(() -> LoopPricing.of(0, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive finite");
        assertThatThrownBy(() -> LoopPricing.of(10, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoopPricing.of(Double.POSITIVE_INFINITY, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
