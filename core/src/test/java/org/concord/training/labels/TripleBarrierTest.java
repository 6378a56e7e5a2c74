package org.concord.training.labels;

import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference.BarrierHit;
import org.concord.model.InferenceFrameReference.Barriers;
import org.concord.model.InferenceFrameReference.Outcome;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.training.frames.SeriesWindowSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Hand-worked triple-barrier cases on small synthetic paths (edge cases the real tape cannot force). */
class TripleBarrierTest {
    static final Symbol S = Symbol.of("TEST");
    static final Timeframe TF = Timeframe.M1;
    static final long T0 = 1_700_000_000_000L / 60_000 * 60_000;

    /** Bars after the entry at T0 (entry = 100): each row {high, low, close}, open = previous close. */
    static BarSeries path(double[]... hlc) {
        BarSeries s = new BarSeries(S, TF);
        double prev = 100;
        for (int i = 0; i < hlc.length; i++) {
            s.append(T0 + i * TF.millis(), prev, hlc[i][0], hlc[i][1], hlc[i][2], 1);
            prev = hlc[i][2];
        }
        return s;
    }

    static final Barriers B = new Barriers(102, 98);

    @Test
    void upperBarrierTouchedByAHighInsideABarIsBuy() {
        // close never reaches 102, but bar 2's high does: the barrier counts intra-bar
        Outcome o = TripleBarrier.outcome(path(new double[] {101, 99.5, 100.5}, new double[] {102.3, 100, 101}, new double[] {101, 97, 97.5}),
                TF, 100, B, Action.BUY, T0 + 15 * TF.millis(), T0 + 15 * TF.millis());
        assertThat(o.label()).isEqualTo(Action.BUY);
        assertThat(o.hit()).isEqualTo(BarrierHit.PROFIT_TAKE);
        assertThat(o.exitTime()).isEqualTo(T0 + 2 * TF.millis()); // close time of the second bar
        assertThat(o.returnPct()).isCloseTo(100 * Math.log(1.02), within(1e-9));
    }

    @Test
    void lowerBarrierFirstIsSellAndAStopLossForALong() {
        Outcome o = TripleBarrier.outcome(path(new double[] {100.5, 97.9, 98.5}, new double[] {103, 98, 102.5}), TF, 100, B, Action.BUY,
                T0 + 15 * TF.millis(), T0 + 15 * TF.millis());
        assertThat(o.label()).isEqualTo(Action.SELL);
        assertThat(o.hit()).isEqualTo(BarrierHit.STOP_LOSS);
        assertThat(o.exitTime()).isEqualTo(T0 + TF.millis());
        // for a short primary side the same lower touch is its profit-take
        assertThat(TripleBarrier.outcome(path(new double[] {100.5, 97.9, 98.5}), TF, 100, B, Action.SELL, T0 + 15 * TF.millis(), T0 + 15 * TF.millis()).hit())
                .isEqualTo(BarrierHit.PROFIT_TAKE);
    }

    @Test
    void bothBarriersInOneBarIsHold() {
        Outcome o = TripleBarrier.outcome(path(new double[] {100.8, 99.6, 100}, new double[] {102.5, 97.5, 99}), TF, 100, B, Action.BUY,
                T0 + 15 * TF.millis(), T0 + 15 * TF.millis());
        assertThat(o.label()).isEqualTo(Action.HOLD);
        assertThat(o.hit()).isEqualTo(BarrierHit.BOTH_IN_ONE_BAR);
        assertThat(o.returnPct()).isCloseTo(100 * Math.log(0.99), within(1e-9));
    }

    @Test
    void timeLimitWithoutTouchIsHoldWithTheLastCloseReturn() {
        Outcome o = TripleBarrier.outcome(path(new double[] {101, 99, 100.5}, new double[] {101.9, 100.1, 101.2}), TF, 100, B, Action.BUY,
                T0 + 2 * TF.millis(), T0 + 5 * TF.millis());
        assertThat(o.label()).isEqualTo(Action.HOLD);
        assertThat(o.hit()).isEqualTo(BarrierHit.TIME_LIMIT);
        assertThat(o.exitTime()).isEqualTo(T0 + 2 * TF.millis());
        assertThat(o.returnPct()).isCloseTo(100 * Math.log(1.012), within(1e-9));
    }

    @Test
    void labelReadsOnlyBarsUpToTheTimeLimitAndSizesBarriersByVolatility() {
        // history: 61 bars before T0 alternating ±1 % (σ of log returns computed by hand below), then the path
        BarSeries m1 = new BarSeries(S, TF);
        double p = 100;
        long start = T0 - 61 * TF.millis();
        for (int i = 0; i < 61; i++) {
            double next = i % 2 == 0 ? p * 1.01 : p / 1.01;
            m1.append(start + i * TF.millis(), p, Math.max(p, next), Math.min(p, next), next, 1);
            p = next;
        }
        double entry = p; // last close before T0
        // bars 0..2 quiet, bar 3 spikes far up but lies beyond a 3-bar horizon
        double[] closes = {entry, entry, entry, entry * 1.5};
        for (int i = 0; i < closes.length; i++) {
            m1.append(T0 + i * TF.millis(), entry, closes[i] * 1.0001, entry * 0.9999, closes[i], 1);
        }
        SeriesWindowSource src = new SeriesWindowSource(Map.of(TF, m1));
        TripleBarrier tb = new TripleBarrier(new BarrierConfig(3, 1, 1, 60, 0.0));
        double sigma = tb.volatility(src, S, TF, T0);
        double r = Math.log(1.01); // returns alternate +r, −r: mean 0 over an even count... 60 returns: 30 up, 30 down
        double expected = Math.sqrt(60 * r * r / 59);
        assertThat(sigma).isCloseTo(expected, within(1e-12));
        Barriers b = tb.barriers(entry, sigma);
        assertThat(b.upper()).isCloseTo(entry * Math.exp(sigma * Math.sqrt(3)), within(1e-9));
        Outcome o = tb.label(src, S, TF, T0, entry, null, Action.BUY, T0 + 3 * TF.millis());
        assertThat(o.label()).isEqualTo(Action.HOLD); // the spike in bar 3 is after the time limit
        assertThat(o.hit()).isEqualTo(BarrierHit.TIME_LIMIT);
        Outcome longer = new TripleBarrier(new BarrierConfig(4, 1, 1, 60, 0.0)).label(src, S, TF, T0, entry, null, Action.BUY, T0 + 4 * TF.millis());
        assertThat(longer.label()).isEqualTo(Action.BUY);
    }

    @Test
    void labellingBeforeTheTimeLimitIsRefused() {
        TripleBarrier tb = new TripleBarrier(BarrierConfig.DEFAULT);
        SeriesWindowSource src = new SeriesWindowSource(Map.of(TF, path(new double[] {101, 99, 100})));
        assertThatThrownBy(() -> tb.label(src, S, TF, T0, 100, B, Action.BUY, T0 + TF.millis()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lookahead");
    }
}
