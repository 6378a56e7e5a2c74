package org.concord.annotation;

import org.concord.annotation.AnnotationMath.PricePoint;
import org.concord.annotation.AnnotationMath.Snap;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The annotation tools' pure rules: magnet snapping, direction inference, risk/reward, mark time. */
class AnnotationMathTest {
    // a real-looking candle: open 100, high 110, low 95, close 104
    @Test
    void magnetSnapsToTheNearestOfOpenHighLowClose() {
        assertThat(AnnotationMath.snap(100, 110, 95, 104, 108.9)).isEqualTo(new Snap(PricePoint.HIGH, 110));
        assertThat(AnnotationMath.snap(100, 110, 95, 104, 200)).isEqualTo(new Snap(PricePoint.HIGH, 110));
        assertThat(AnnotationMath.snap(100, 110, 95, 104, 96.0)).isEqualTo(new Snap(PricePoint.LOW, 95));
        assertThat(AnnotationMath.snap(100, 110, 95, 104, 1)).isEqualTo(new Snap(PricePoint.LOW, 95));
        assertThat(AnnotationMath.snap(100, 110, 95, 104, 101.9)).isEqualTo(new Snap(PricePoint.OPEN, 100));
        assertThat(AnnotationMath.snap(100, 110, 95, 104, 102.1)).isEqualTo(new Snap(PricePoint.CLOSE, 104));
    }

    @Test
    void tiesGoToTheFirstPointAndNoPointerMeansTheClose() {
        // 102 is 2 from open and 2 from close: open wins
        assertThat(AnnotationMath.snap(100, 110, 95, 104, 102)).isEqualTo(new Snap(PricePoint.OPEN, 100));
        // a doji: open == close, open is reported
        assertThat(AnnotationMath.snap(100, 101, 99, 100, 100)).isEqualTo(new Snap(PricePoint.OPEN, 100));
        assertThat(AnnotationMath.snap(100, 110, 95, 104, Double.NaN)).isEqualTo(new Snap(PricePoint.CLOSE, 104));
    }

    @Test
    void invalidCandlesAreRejected() {
        assertThatThrownBy(() -> AnnotationMath.snap(100, 90, 95, 100, 100)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid candle");
        assertThatThrownBy(() -> AnnotationMath.snap(120, 110, 95, 100, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnnotationMath.snap(Double.NaN, 110, 95, 100, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnnotationMath.snap(0, 0, 0, 0, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directionIsTheWinningSideOfTheMarkedMove() {
        assertThat(AnnotationMath.inferDirection(100, 101)).isEqualTo(AnnotationDirection.LONG);
        assertThat(AnnotationMath.inferDirection(100, 99)).isEqualTo(AnnotationDirection.SHORT);
        assertThat(AnnotationMath.inferDirection(100, 100)).isEqualTo(AnnotationDirection.LONG);
        assertThatThrownBy(() -> AnnotationMath.inferDirection(-1, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AnnotationMath.inferDirection(100, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
        // an inferred direction always yields a P&L >= 0
        for (double exit : new double[] {50, 99.99, 100, 100.01, 300}) {
            AnnotationDirection d = AnnotationMath.inferDirection(100, exit);
            assertThat(AnnotationMath.pnlPct(d, 100, exit)).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void pnlMatchesTheAnnotationsOwnRule() {
        assertThat(AnnotationMath.pnlPct(AnnotationDirection.LONG, 100, 103)).isCloseTo(3.0, within(1e-12));
        assertThat(AnnotationMath.pnlPct(AnnotationDirection.SHORT, 100, 103)).isCloseTo(-3.0, within(1e-12));
        assertThat(AnnotationMath.pnlPct(AnnotationDirection.NO_TRADE, 100, 103)).isZero();
        Annotation a = Annotation.draft("m-1", org.concord.model.Symbol.of("BTCUSD"), Timeframe.M1, 60_000, 100, 120_000, 97,
                AnnotationDirection.SHORT, Double.NaN, Double.NaN, null, null, null, 1);
        assertThat(a.pnlPct()).isEqualTo(AnnotationMath.pnlPct(AnnotationDirection.SHORT, 100, 97));
    }

    @Test
    void riskRewardNeedsBothLevels() {
        assertThat(AnnotationMath.riskReward(AnnotationDirection.LONG, 100, 98, 106)).isCloseTo(3.0, within(1e-12));
        assertThat(AnnotationMath.riskReward(AnnotationDirection.SHORT, 100, 104, 94)).isCloseTo(1.5, within(1e-12));
        assertThat(AnnotationMath.riskReward(AnnotationDirection.LONG, 100, Double.NaN, 106)).isNaN();
        assertThat(AnnotationMath.riskReward(AnnotationDirection.LONG, 100, 98, Double.NaN)).isNaN();
        assertThat(AnnotationMath.riskReward(AnnotationDirection.NO_TRADE, 100, 98, 106)).isNaN();
    }

    @Test
    void aMarkStandsForItsCandlesOpenTime() {
        assertThat(AnnotationMath.markTime(Timeframe.M1, 1_385_337_659_999L)).isEqualTo(1_385_337_600_000L);
        assertThat(AnnotationMath.markTime(Timeframe.H1, 1_385_337_659_999L)).isEqualTo(Timeframe.H1.floor(1_385_337_659_999L));
        assertThatThrownBy(() -> AnnotationMath.markTime(null, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
