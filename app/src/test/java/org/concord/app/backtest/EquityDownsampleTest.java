package org.concord.app.backtest;

import org.concord.backtest.BacktestConfig;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart's thinning keeps the curve's ends, its lowest and highest points and time order, within the cap; the form's request. */
class EquityDownsampleTest {
    @Test
    void thinsToTheCapKeepingEndsExtremesAndOrder() {
        int n = 100_003;
        long[] t = new long[n];
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = 1_000L * i;
            e[i] = 10_000 + 50 * Math.sin(i / 700.0) + (i % 13) * 0.1;
        }
        e[31_337] = 9_000; // a one-sample trough: the drawdown a person looks for
        e[77_777] = 11_500; // and a one-sample peak
        EquityDownsample.Points p = EquityDownsample.of(t, e, 2_000);
        assertThat(p.size()).isLessThanOrEqualTo(2_000).isGreaterThan(1_900);
        assertThat(p.time()[0]).isEqualTo(0);
        assertThat(p.time()[p.size() - 1]).isEqualTo(t[n - 1]);
        assertThat(p.equity()[p.size() - 1]).isEqualTo(e[n - 1]);
        assertThat(Arrays.stream(p.equity()).min().orElseThrow()).isEqualTo(9_000);
        assertThat(Arrays.stream(p.equity()).max().orElseThrow()).isEqualTo(11_500);
        for (int i = 1; i < p.size(); i++) {
            assertThat(p.time()[i]).isGreaterThan(p.time()[i - 1]);
        }
        // every kept point is a real sample
        for (int i = 0; i < p.size(); i++) {
            assertThat(p.equity()[i]).isEqualTo(e[(int) (p.time()[i] / 1_000)]);
        }
    }

    @Test
    void aShortCurveIsKeptWholeAndBadInputIsRefused() {
        EquityDownsample.Points p = EquityDownsample.of(new long[] {1, 2, 3}, new double[] {1, 2, 3}, 2_000);
        assertThat(p.time()).containsExactly(1, 2, 3);
        assertThatThrownBy(() -> EquityDownsample.of(new long[2], new double[3], 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EquityDownsample.of(new long[2], new double[2], 3)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFormsRequestBecomesTheBacktestConfigOrNamesTheBadField() {
        BacktestRequest r = new BacktestRequest("full", "bundled-bars", new BacktestRequest.Account("25,000", "5", " 1.5"),
                new BacktestRequest.WalkForward("2d", "1d", " "), true);
        BacktestConfig c = r.config();
        assertThat(c.preset()).isEqualTo("full");
        assertThat(c.data()).isEqualTo("bundled-bars");
        assertThat(c.walkForward().stepMillis()).isEqualTo(c.walkForward().testMillis());
        assertThat(c.horizons()).containsExactly(5, 240);
        assertThat(c.synergy()).isTrue();
        assertThat(c.initialCash()).isEqualTo(25_000);
        assertThat(c.makerBps()).isEqualTo(5);
        assertThat(c.takerBps()).isEqualTo(5);
        assertThat(c.slippageBps()).isEqualTo(1.5);
        assertThat(c.description()).contains("capital 25,000 USD, fee 5 bps, slippage 1.5 bps");
        assertThat(r.runName(ZonedDateTime.of(2025, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC))).isEqualTo("full-bundled-bars-wf-synergy-20250102-030405");
        assertThatThrownBy(() -> new BacktestRequest("minimal", "bundled", null, new BacktestRequest.WalkForward("2x", "1d", ""), false).config())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("walkForward.train");
        assertThatThrownBy(() -> new BacktestRequest("tiny", "bundled", null, null, false)).hasMessageContaining("preset");
        assertThatThrownBy(() -> new BacktestRequest("full", "bundled", new BacktestRequest.Account("ten", "10", "2"), null, false).config())
                .hasMessage("capital must be a number, got 'ten'");
        assertThatThrownBy(() -> new BacktestRequest("full", "bundled", new BacktestRequest.Account("-5", "10", "2"), null, false).config())
                .hasMessageContaining("initialCash must be a positive amount");
        assertThatThrownBy(() -> new BacktestRequest("full", "bundled", new BacktestRequest.Account("10000", "10", ""), null, false).config())
                .hasMessage("slippage must be a number, got ''");
        BacktestConfig defaults = new BacktestRequest("full", "bundled", null, null, false).config();
        assertThat(defaults.initialCash()).isEqualTo(BacktestConfig.defaults().initialCash());
    }
}
