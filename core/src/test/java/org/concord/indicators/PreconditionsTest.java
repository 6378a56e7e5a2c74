package org.concord.indicators;

import org.concord.model.BarSeries;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Bad parameters and bad inputs fail loudly, and a rejected input leaves the indicator exactly as it was. */
class PreconditionsTest {

    @Test
    void badParametersAreRejected() {
        assertThatThrownBy(() -> new Sma(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMA period must be >= 1");
        assertThatThrownBy(() -> new Ema(-3)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMA period");
        assertThatThrownBy(() -> new Macd(26, 12, 9)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below the slow period");
        assertThatThrownBy(() -> new BollingerBands(20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BollingerBands(20, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Supertrend(10, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Qqe(14, 5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Correlation(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 2");
        assertThatThrownBy(() -> new Ichimoku(9, 26, 52, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("displacement");
        assertThatThrownBy(() -> new Rsi(14, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sma(5, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Adx(14, 14, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Returns(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Batch.run(new Correlation(3), new double[2], new double[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Batch.run((BarIndicator) null, RealBars.eth5m())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Ichimoku().output(8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Sma(3).outputName(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replacingBeforeTheFirstBarIsAnError() {
        assertThatThrownBy(() -> new Atr(3).replaceLast(1, 2, 0.5, 1, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Ema(3).replaceLast(1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Correlation(3).replaceLast(1, 1)).isInstanceOf(IllegalStateException.class);
    }

    /** Non-finite prices are rejected before any state changes: the run continues as if they never came. */
    @Test
    void rejectedInputsChangeNothing() {
        BarSeries eth = RealBars.eth5m();
        for (Catalogue.Entry e : Catalogue.all()) {
            BarIndicator clean = e.make().get();
            BarIndicator poked = e.make().get();
            double[][] expected = Batch.run(clean, eth);
            double[][] got = new double[expected.length][eth.size()];
            for (int i = 0; i < eth.size(); i++) {
                if (i % 7 == 3) {
                    int n = poked.count();
                    assertThatThrownBy(() -> poked.onBar(1, Double.NaN, 1, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
                    assertThat(poked.count()).isEqualTo(n);
                }
                poked.onBar(eth, i);
                if (i % 5 == 1) {
                    assertThatThrownBy(() -> poked.replaceLast(1, 1, 1, Double.POSITIVE_INFINITY, 1))
                            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-finite");
                }
                for (int k = 0; k < got.length; k++) {
                    got[k][i] = poked.output(k);
                }
            }
            for (int k = 0; k < got.length; k++) {
                assertArrayEquals(expected[k], got[k], e.name());
            }
        }
    }

    @Test
    void returnsRejectNonPositivePricesWithoutChangingState() {
        Returns r = new Returns(Returns.Kind.LOG);
        r.update(100);
        r.update(110);
        double before = r.value();
        assertThatThrownBy(() -> r.update(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> r.replaceLast(-5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(r.value()).isEqualTo(before);
        assertThat(r.count()).isEqualTo(2);
    }

    @Test
    void correlationRejectsNonFinitePairs() {
        Correlation c = new Correlation(3);
        c.update(1, 2);
        assertThatThrownBy(() -> c.update(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.count()).isEqualTo(1);
    }
}
