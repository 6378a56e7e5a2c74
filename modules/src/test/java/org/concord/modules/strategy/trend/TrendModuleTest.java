package org.concord.modules.strategy.trend;

import org.concord.feed.BundledData;
import org.concord.indicators.Atr;
import org.concord.indicators.Ema;
import org.concord.indicators.Macd;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.Prediction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrendModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    private static final String SMALL = "fast: 3\nslow: 6\nmacdFast: 2\nmacdSlow: 4\nmacdSignal: 2\natrPeriod: 2\nslopeBars: 2\n"
            + "minSlope: 0.05\nstrongSlope: 0.5";

    /** Flat, up 15 bars, flat, down 15 bars. */
    static BarSeries series() {
        BarSeries b = new BarSeries(S, Timeframe.M1, 64);
        double c = 100;
        for (int i = 0; i < 50; i++) {
            if (i < 10 || (i >= 25 && i < 35)) {
                c += i % 2 == 0 ? 0.2 : -0.2;
            } else if (i < 25) {
                c += 1;
            } else {
                c -= 1;
            }
            b.append(i * 60_000L, c, c + 0.5, c - 0.5, c, 1);
        }
        return b;
    }

    @Test
    void confidenceHandWorked() {
        assertThat(TrendModule.confidence(0.1, 0.2)).isEqualTo(0.75);
        assertThat(TrendModule.confidence(-0.05, 0.2)).isEqualTo(0.625);
        assertThat(TrendModule.confidence(0.4, 0.2)).isEqualTo(1.0);
    }

    @Test
    void signalsFollowRegimeMacdAndSlope() throws Exception {
        ModuleFixture f = new ModuleFixture();
        TrendModule m = f.init(new TrendModule(), SMALL, S);
        BarSeries b = series();
        Ema fast = new Ema(3);
        Ema slow = new Ema(6);
        Macd macd = new Macd(2, 4, 2);
        Atr atr = new Atr(2);
        List<Double> fastValues = new ArrayList<>();
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < b.size(); i++) {
            f.bar(m, b, i);
            fast.onBar(b, i);
            slow.onBar(b, i);
            macd.onBar(b, i);
            atr.onBar(b, i);
            fastValues.add(fast.value());
            Prediction p = m.predictions(S).get(0);
            actions.add(p.action());
            if (i < 5) {
                assertThat(p.rationale()).isEqualTo("warming up: " + (i + 1) + " of 6 bars");
                continue;
            }
            double slope = (fast.value() - fastValues.get(i - 2)) / (2 * atr.value());
            boolean up = fast.value() > slow.value() && macd.macd() > macd.signal() && slope >= 0.05;
            boolean down = fast.value() < slow.value() && macd.macd() < macd.signal() && slope <= -0.05;
            Action expected = up ? Action.BUY : down ? Action.SELL : Action.HOLD;
            assertThat(p.action()).as("bar " + i + ": " + p.rationale()).isEqualTo(expected);
            assertThat(p.confidence()).isCloseTo(expected == Action.HOLD ? 0 : TrendModule.confidence(slope, 0.5), within(1e-12));
            assertThat(m.features(S)[3]).isCloseTo(slope, within(1e-12));
            if (expected == Action.HOLD) {
                assertThat(p.rationale()).containsAnyOf(": EMA regime and MACD disagree", ": slope weaker than 0.05");
            }
        }
        assertThat(actions).contains(Action.BUY, Action.SELL, Action.HOLD);
        // the regime turned down during the fall: a death cross some bars before the end
        String last = m.predictions(S).get(0).rationale();
        assertThat(last).matches("EMA3 [0-9.]+ < EMA6 [0-9.]+ \\(death cross \\d+ bars ago\\); MACD -?[0-9.]+ < signal -?[0-9.]+.*; slope -[0-9.]+ ATR/bar");
        assertThat(m.features(S)[1]).isEqualTo(-1);
        assertThat(m.features(S)[7]).isEqualTo(-1);
    }

    @Test
    void theSlopeThresholdIsASetting() throws Exception {
        ModuleFixture f = new ModuleFixture();
        TrendModule strict = f.init(new TrendModule(), SMALL.replace("minSlope: 0.05", "minSlope: 100"), S);
        BarSeries b = series();
        for (int i = 0; i < b.size(); i++) {
            f.bar(strict, b, i);
            assertThat(strict.predictions(S).get(0).action()).isEqualTo(Action.HOLD);
        }
        assertThat(strict.predictions(S).get(0).rationale()).endsWith(": slope weaker than 100");
        assertThat(f.init(new TrendModule(), "", S).warmupBars()).isEqualTo(600);
        assertThatThrownBy(() -> f.init(new TrendModule(), "fast: 200\nslow: 50", S)).hasMessageContaining("must be below slow");
        assertThatThrownBy(() -> f.init(new TrendModule(), "strongSlope: 0", S)).hasMessageContaining("strongSlope");
    }

    @Test
    void causalOnRealBars() throws Exception {
        ModuleFixture.assertCausal(TrendModule::new, "timeframe: 5m\nfast: 20\nslow: 50", BundledData.eth5mBars(), 300);
    }
}
