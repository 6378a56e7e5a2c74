package org.concord.execution;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PositionSizerTest {

    @Test
    void fixedFractionalScalesBySquareRootOfStrengthMetaAndToxicity() {
        PositionSizer s = new PositionSizer(new SizingConfig(SizingConfig.Method.FIXED_FRACTIONAL, 0.5, 0.5, 0.5, 30, 1.0, 0.6, 0.25, 0.5));
        assertThat(s.fraction(1, 1, 0)).isEqualTo(0.5);
        assertThat(s.fraction(0.25, 1, 0)).isEqualTo(0.25);          // sqrt(0.25) = 0.5
        assertThat(s.fraction(0.25, 0.8, 0)).isCloseTo(0.2, within(1e-12));
        assertThat(s.toxicityScale(0.6)).isEqualTo(1);
        assertThat(s.toxicityScale(0.8)).isCloseTo(0.625, within(1e-12)); // 1 - 0.75 * 0.2 / 0.4
        assertThat(s.toxicityScale(1.0)).isCloseTo(0.25, within(1e-12));
        assertThat(s.fraction(1, 1, 1.0)).isCloseTo(0.125, within(1e-12));
    }

    @Test
    void cappedKellyAfterEnoughTrades() {
        PositionSizer s = new PositionSizer(SizingConfig.defaults().withMethod(SizingConfig.Method.KELLY));
        // p = 0.55, b = 1.5: f* = 0.55 - 0.45 / 1.5 = 0.25; half Kelly 0.125
        assertThat(PositionSizer.kelly(0.55, 1.5)).isCloseTo(0.25, within(1e-12));
        assertThat(s.fraction(1, 1, 0, 0.55, 1.5, 30)).isCloseTo(0.125, within(1e-12));
        assertThat(s.fraction(1, 1, 0, 0.55, 1.5, 29)).as("too few trades: the fixed fraction").isEqualTo(1.0);
        PositionSizer full = new PositionSizer(new SizingConfig(SizingConfig.Method.KELLY, 1.0, 1.0, 0.5, 30, 1.0, 0.6, 0.25, 0.5));
        assertThat(full.fraction(1, 1, 0, 0.99, 100, 500)).as("full Kelly 0.9899 capped at 0.5").isEqualTo(0.5);
        assertThat(s.fraction(1, 1, 0, 0.99, 100, 500)).as("half Kelly under the cap").isCloseTo(0.49495, within(1e-12));
        assertThat(s.fraction(1, 1, 0, 0.3, 1.0, 500)).as("no edge, no bet").isZero();
    }

    @Property(tries = 500)
    void noInputRaisesASizeAboveTheSafetyLimit(@ForAll @DoubleRange(min = 0, max = 1) double strength,
                                               @ForAll @DoubleRange(min = 0, max = 1) double meta,
                                               @ForAll @DoubleRange(min = 0, max = 1) double vpin,
                                               @ForAll @DoubleRange(min = 0, max = 1) double winRate,
                                               @ForAll @DoubleRange(min = 0, max = 1e6) double payoff,
                                               @ForAll @IntRange(min = 0, max = 10_000) int trades,
                                               @ForAll @DoubleRange(min = 0.01, max = 1) double cap,
                                               @ForAll boolean kelly) {
        SizingConfig c = SizingConfig.defaults().withMaxFraction(cap).withMethod(kelly ? SizingConfig.Method.KELLY : SizingConfig.Method.FIXED_FRACTIONAL);
        double f = new PositionSizer(c).fraction(strength, meta, vpin, winRate, payoff, trades);
        assertThat(f).isBetween(0.0, cap);
    }

    @Test
    void outOfRangeInputsAreRefusedLoudly() {
        PositionSizer s = new PositionSizer(SizingConfig.defaults());
        assertThatThrownBy(() -> s.fraction(Double.NaN, 1, 0)).hasMessageContaining("strength must be in [0, 1], got NaN");
        assertThatThrownBy(() -> s.fraction(1, 1.5, 0)).hasMessageContaining("metaConfidence");
        assertThatThrownBy(() -> new SizingConfig(SizingConfig.Method.KELLY, 0, 0.5, 0.5, 30, 1, 0.6, 0.25, 0.5)).hasMessageContaining("fixedFraction");
    }

    @Test
    void orderStatesOnlyMoveForward() {
        for (OrderState s : OrderState.values()) {
            for (OrderState n : OrderState.values()) {
                if (s.isTerminal()) {
                    assertThat(s.canTransitionTo(n)).isFalse();
                }
            }
        }
        assertThat(OrderState.NEW.canTransitionTo(OrderState.REJECTED)).isFalse();
        assertThat(OrderState.PARTIALLY_FILLED.canTransitionTo(OrderState.PARTIALLY_FILLED)).isTrue();
    }
}
