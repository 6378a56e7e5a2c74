package org.concord.app.backtest;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart's thinning keeps the curve's ends, its lowest and highest points and time order, within the cap. */
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
}
