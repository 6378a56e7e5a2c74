package org.concord.indicators;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Small series worked by hand (the arithmetic is in the comments), for the definitions and the edge rules. */
class HandWorkedExamplesTest {
    private static final double EPS = 1e-12;

    private static double[] run(SeriesIndicator ind, double... xs) {
        return Batch.run(ind, xs)[0];
    }

    @Test
    void emaSeededWithTheMeanOrWithTheFirstValue() {
        // EMA(3), α = 0.5. SMA seed: (1+2+3)/3 = 2, then 2 + ½(4−2) = 3, 3 + ½(5−3) = 4.
        assertThat(run(new Ema(3), 1, 2, 3, 4, 5)).containsExactly(Double.NaN, Double.NaN, 2, 3, 4);
        // First-value seed (ta4j): 1, 1.5, 2.25, 3.125, 4.0625, masked for the same two bars.
        assertThat(run(new Ema(3, Seeding.FIRST_VALUE), 1, 2, 3, 4, 5)).containsExactly(Double.NaN, Double.NaN, 2.25, 3.125, 4.0625);
        // Wilder's RMA(2), α = ½ as well: seed (1+2)/2 = 1.5, then 1.5 + ½(3 − 1.5) = 2.25.
        assertThat(run(new Rma(2), 1, 2, 3)).containsExactly(Double.NaN, 1.5, 2.25);
    }

    @Test
    void wilderRsi() {
        // closes 10, 11, 10.5, 11.5, 12, 11: changes +1, −.5, +1, +.5, −1.
        // RSI(3) at bar 3: gains (1, 0, 1)/3 = 2/3, losses (0, .5, 0)/3 = 1/6, RS 4, RSI 100 − 100/5 = 80.
        // bar 4: gain (2/3·2 + .5)/3 = 11/18, loss (1/6·2)/3 = 1/9, RS 5.5, RSI 100 − 100/6.5.
        // bar 5: gain (11/18·2)/3 = 11/27, loss (1/9·2 + 1)/3 = 11/27, RS 1, RSI 50.
        double[] rsi = run(new Rsi(3), 10, 11, 10.5, 11.5, 12, 11);
        assertThat(rsi[2]).isNaN();
        assertThat(rsi[3]).isCloseTo(80, within(EPS));
        assertThat(rsi[4]).isCloseTo(100 - 100 / 6.5, within(EPS));
        assertThat(rsi[5]).isCloseTo(50, within(EPS));
        Rsi r = new Rsi(3);
        Batch.run(r, new double[] {10, 11, 10.5, 11.5});
        assertThat(r.averageGain()).isCloseTo(2.0 / 3, within(EPS));
        assertThat(r.averageLoss()).isCloseTo(1.0 / 6, within(EPS));
    }

    @Test
    void rsiEdgeRules() {
        assertThat(run(new Rsi(2), 5, 5, 5, 5)[3]).as("no movement at all").isEqualTo(50);
        assertThat(run(new Rsi(2), 5, 6, 7, 8)[3]).as("only gains").isEqualTo(100);
        assertThat(run(new Rsi(2), 8, 7, 6, 5)[3]).as("only losses").isEqualTo(0);
    }

    @Test
    void trueRangeAndAtr() {
        Atr atr = new Atr(2);
        atr.onBar(10, 12, 9, 11, 1);   // TR = 12 − 9 = 3 (first bar: high − low)
        assertThat(atr.trueRange()).isEqualTo(3);
        atr.onBar(11, 11.5, 10.5, 11, 1); // TR = max(1, |11.5−11|, |10.5−11|) = 1; ATR = (3 + 1)/2 = 2
        assertThat(atr.value()).isEqualTo(2);
        atr.onBar(14, 15, 14, 14.5, 1);  // gap up: TR = max(1, |15−11| = 4, |14−11| = 3) = 4; ATR = 2 + ½(4 − 2) = 3
        assertThat(atr.trueRange()).isEqualTo(4);
        assertThat(atr.value()).isEqualTo(3);
    }

    @Test
    void efficiencyRatio() {
        // ER(3) at bar 3 of 10, 11, 10, 13: net |13 − 10| = 3, path 1 + 1 + 3 = 5 → 0.6.
        assertThat(run(new EfficiencyRatio(3), 10, 11, 10, 13)).containsExactly(Double.NaN, Double.NaN, Double.NaN, 0.6);
        assertThat(run(new EfficiencyRatio(3), 10, 11, 12, 13)[3]).as("a straight line").isEqualTo(1);
        assertThat(run(new EfficiencyRatio(2), 10, 11, 10)[2]).as("there and back").isEqualTo(0);
        assertThat(run(new EfficiencyRatio(2), 7, 7, 7, 7)[3]).as("no movement").isEqualTo(0);
    }

    @Test
    void donchianAndStochastic() {
        Donchian d = new Donchian(3);
        d.onBar(5, 6, 4, 5, 1);
        d.onBar(5, 9, 5, 8, 1);
        d.onBar(8, 8, 2, 3, 1);
        assertThat(new double[] {d.upper(), d.lower(), d.middle()}).containsExactly(9, 2, 5.5);
        d.replaceLast(8, 8, 4.5, 7, 1);    // the forming bar's low was a bad tick: back to 4
        assertThat(d.lower()).isEqualTo(4);
        d.onBar(7, 7.5, 6, 7, 1);          // bar 0 leaves: highs 9, 8, 7.5; lows 5, 4.5, 6
        assertThat(new double[] {d.upper(), d.lower()}).containsExactly(9, 4.5);

        Stochastic s = new Stochastic(3, 1, 2);
        s.onBar(5, 6, 4, 5, 1);
        s.onBar(5, 9, 5, 8, 1);
        s.onBar(8, 8, 2, 3, 1);            // %K = 100·(3 − 2)/(9 − 2) = 100/7
        assertThat(s.k()).isCloseTo(100.0 / 7, within(EPS));
        s.onBar(3, 8, 3, 8, 1);            // range 9 − 2, %K = 100·6/7; %D = (100/7 + 600/7)/2 = 50
        assertThat(s.k()).isCloseTo(600.0 / 7, within(EPS));
        assertThat(s.d()).isCloseTo(50, within(EPS));
        Stochastic flat = new Stochastic(2, 1, 1);
        flat.onBar(5, 5, 5, 5, 1);
        flat.onBar(5, 5, 5, 5, 1);
        assertThat(flat.k()).as("zero range").isEqualTo(50);
    }

    @Test
    void supertrendBandsRatchetAndFlip() {
        // ATR(1) is the true range; multiplier 1. bar 0: hl2 10, TR 2 → bands 12 / 8, starts down (line 12).
        Supertrend st = new Supertrend(1, 1);
        st.onBar(10, 11, 9, 10, 1);
        assertThat(new double[] {st.upperBand(), st.lowerBand(), st.value()}).containsExactly(12, 8, 12);
        assertThat(st.direction()).isEqualTo(-1);
        // bar 1: hl2 10.5, TR max(1, 1, 0) = 1 → basic 11.5 / 9.5; upper ratchets down to 11.5, lower up to 9.5.
        st.onBar(10, 11, 10, 10.5, 1);
        assertThat(new double[] {st.upperBand(), st.lowerBand()}).containsExactly(11.5, 9.5);
        assertThat(st.direction()).isEqualTo(-1);
        // bar 2: close 13 breaks above the upper band: hl2 12.5, TR max(2, |13.5−10.5|, |11.5−10.5|) = 3 → basic 15.5 /
        // 9.5; upper would stay 11.5 but close' 10.5 is not above it, and 15.5 is not below it → 11.5; close 13 > 11.5:
        // up, line = lower band = max rule: 9.5 > 9.5? no, close' 10.5 < 9.5? no → stays 9.5.
        st.onBar(11, 13.5, 11.5, 13, 1);
        assertThat(st.direction()).isEqualTo(1);
        assertThat(st.value()).isEqualTo(9.5);
        assertThat(st.upperBand()).isEqualTo(11.5);
    }

    @Test
    void correlationSmallCases() {
        assertThat(Batch.run(new Correlation(4), new double[] {1, 2, 3, 4}, new double[] {2, 4, 6, 8})[3]).isCloseTo(1, within(EPS));
        assertThat(Batch.run(new Correlation(4), new double[] {1, 2, 3, 4}, new double[] {8, 6, 4, 2})[3]).isCloseTo(-1, within(EPS));
        assertThat(Batch.run(new Correlation(3), new double[] {1, 2, 3}, new double[] {5, 5, 5})[2]).as("constant y").isEqualTo(0);
        // x = 1, 2, 3, y = 1, 3, 2: means 2, 2; Σdxdy = (−1)(−1) + 0 + (1)(0) = 1; Σdx² = 2, Σdy² = 2 → r = 0.5
        assertThat(Batch.run(new Correlation(3), new double[] {1, 2, 3}, new double[] {1, 3, 2})[2]).isCloseTo(0.5, within(EPS));
        assertThat(new Correlation(3).covariance()).isNaN();
    }

    @Test
    void returns() {
        double[] r = run(new Returns(Returns.Kind.SIMPLE), 100, 110, 99);
        assertThat(r[0]).isNaN();
        assertThat(r[1]).isCloseTo(0.1, within(EPS));
        assertThat(r[2]).isCloseTo(-0.1, within(EPS));
        assertThat(run(new Returns(Returns.Kind.LOG), 100, 200)[1]).isCloseTo(Math.log(2), within(EPS));
    }

    @Test
    void bollingerOnAFlatWindow() {
        BollingerBands bb = new BollingerBands(3, 2);
        Batch.run(bb, new double[] {0.1, 0.1, 0.1, 0.1, 0.1});
        assertThat(bb.stdDev()).isEqualTo(0);
        assertThat(bb.zScore()).isEqualTo(0);
        assertThat(bb.percentB()).isEqualTo(0.5);
        assertThat(bb.upper()).isEqualTo(bb.lower());
        // 1, 2, 3: mean 2, σ = √(2/3); z of 3 = 1/√(2/3); %B = (3 − (2 − 2σ))/(4σ)
        Batch.run(bb, new double[] {1, 2, 3});
        double sd = Math.sqrt(2.0 / 3);
        assertThat(bb.zScore()).isCloseTo(1 / sd, within(EPS));
        assertThat(bb.percentB()).isCloseTo((3 - (2 - 2 * sd)) / (4 * sd), within(EPS));
        assertThat(bb.bandwidth()).isCloseTo(100 * 4 * sd / 2, within(EPS));
    }

    /**
     * QQE with RSI(2), smoothing 1 (the QQE line is the RSI itself), factor 1, W = 3, on 13 closes. Worked in exact
     * fractions: RSI(2) = 200/3, 600/7, 600/11, 2200/27, 2200/43, 8600/107, 8600/363, 8600/491, 7400/101,
     * 213400/2539, 42680/1327 (bars 2..12); |ΔRSI| from bar 3; its EMA(3) (SMA-seeded) from bar 5, the EMA(3) of that
     * (dar) from bar 7 = the first band bar: dar₇ = 337593700/12298473 ≈ 27.45005.
     * bar 7: bands 80.37383 ∓ 27.45005 → long 52.92378, short 107.82388; trend 1 (start), line = long.
     * bar 8: RSI 23.69146 falls below long' → long resets to 23.69146 − 35.04926 = −11.35780; short 58.74072.
     * bar 9: RSI 17.51527 stays above long' → long = max(−11.35780, 17.51527 − 29.73079) = −11.35780; long' crossed
     *        above the QQE line (52.92 ≥ 23.69 before, −11.36 < 17.52 now) → trend −1, line = short 47.24607.
     * bar 10: RSI 73.26733 crosses above short' 47.24607 (17.52 ≤ 58.74 before) → trend 1, line = long 38.36084.
     * bar 11: long = max(38.36084, 84.04884 − 30.16917) = 53.87967, trend 1.
     * bar 12: RSI 32.16277 drops under long' 53.87967 (84.05 was above long 38.36 before) → trend −1, line = short
     *        32.16277 + 34.41406 = 66.57684.
     */
    @Test
    void qqeWorkedByHand() {
        double[] closes = {10, 12, 11, 13, 12, 14, 13, 15, 11, 10, 14, 16, 12};
        Qqe q = new Qqe(2, 1, 1.0);
        assertThat(q.unstableBars()).isEqualTo(7);
        double[][] out = Batch.run(q, closes);
        double[] rsiMa = {Double.NaN, Double.NaN, 200.0 / 3, 600.0 / 7, 600.0 / 11, 2200.0 / 27, 2200.0 / 43, 8600.0 / 107,
                8600.0 / 363, 8600.0 / 491, 7400.0 / 101, 213400.0 / 2539, 42680.0 / 1327};
        for (int i = 2; i < closes.length; i++) {
            assertThat(out[0][i]).as("QQE line at " + i).isCloseTo(rsiMa[i], within(1e-10));
        }
        double[] trailing = {52.9237816759853, -11.357799507663723, 47.24606826341797, 38.3608353631314, 53.879667236144684, 66.57683745745483};
        double[] trend = {1, 1, -1, 1, 1, -1};
        for (int i = 7; i < closes.length; i++) {
            assertThat(out[1][i]).as("trailing line at " + i).isCloseTo(trailing[i - 7], within(1e-10));
            assertThat(out[2][i]).as("trend at " + i).isEqualTo(trend[i - 7]);
        }
        assertThat(out[1][6]).isNaN();
        assertThat(q.longBand()).isCloseTo(-2.251291112315416, within(1e-10));
        assertThat(q.shortBand()).isCloseTo(66.57683745745483, within(1e-10));
    }
}
