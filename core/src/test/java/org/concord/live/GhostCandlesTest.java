package org.concord.live;

import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GhostCandlesTest {
    @Test
    void volatilityIsTheSampleSigmaOfLogReturns() {
        // returns ln(1.01), ln(0.99), ln(1.02): mean m, sample variance by hand
        double[] c = {100, 101, 99.99, 101.9898};
        double r1 = Math.log(1.01);
        double r2 = Math.log(0.99);
        double r3 = Math.log(1.02);
        double m = (r1 + r2 + r3) / 3;
        double expected = Math.sqrt(((r1 - m) * (r1 - m) + (r2 - m) * (r2 - m) + (r3 - m) * (r3 - m)) / 2);
        assertThat(GhostCandles.volatility(c, 4)).isCloseTo(expected, within(1e-12));
        assertThat(GhostCandles.volatility(c, 2)).isNaN();
    }

    @Test
    void aConfidentBuyWalksUpByTheExpectedMoveWithWicksOfHalfSigma() {
        double sigma = 0.01;
        List<GhostCandle> g = GhostCandles.predict(Timeframe.M1, 60_000, 100, 0.8, 0.1, sigma, 3);
        assertThat(g).hasSize(3);
        double mu = 0.7 * sigma;
        assertThat(g.get(0).openTime()).isEqualTo(120_000);
        assertThat(g.get(2).openTime()).isEqualTo(240_000);
        assertThat(g.get(0).open()).isEqualTo(100);
        assertThat(g.get(0).close()).isCloseTo(100 * Math.exp(mu), within(1e-9));
        assertThat(g.get(0).high()).isCloseTo(100 * Math.exp(mu) * Math.exp(sigma / 2), within(1e-9));
        assertThat(g.get(0).low()).isCloseTo(100 * Math.exp(-sigma / 2), within(1e-9));
        assertThat(g.get(1).open()).isEqualTo(g.get(0).close());
        assertThat(g.get(2).close()).isCloseTo(100 * Math.exp(3 * mu), within(1e-9));
        // a sell mirrors it; a 50/50 split is flat
        assertThat(GhostCandles.predict(Timeframe.M1, 0, 100, 0.1, 0.8, sigma, 1).get(0).close()).isCloseTo(100 * Math.exp(-mu), within(1e-9));
        GhostCandle flat = GhostCandles.predict(Timeframe.M1, 0, 100, 0.3, 0.3, sigma, 1).get(0);
        assertThat(flat.close()).isEqualTo(100);
        assertThat(flat.high()).isGreaterThan(100);
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> GhostCandles.predict(Timeframe.M1, 0, 0, 0.5, 0.5, 0.01, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GhostCandles.predict(Timeframe.M1, 0, 100, 0.7, 0.7, 0.01, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GhostCandles.predict(Timeframe.M1, 0, 100, 0.5, 0.5, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GhostCandles.predict(null, 0, 100, 0.5, 0.5, 0.01, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GhostCandle(0, 10, 9, 8, 9.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
