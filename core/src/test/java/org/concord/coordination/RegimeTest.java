package org.concord.coordination;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegimeTest {
    @Test
    void everyRegimeIsNamedByItsPartsAndItsIndexComesBack() {
        for (int i = 0; i < Regime.COUNT; i++) {
            Regime r = Regime.ofIndex(i);
            assertThat(r.index()).isEqualTo(i);
            assertThat(r.toString()).isEqualTo(r.trend() + "/" + r.volatility() + "-VOL/" + r.liquidity() + "-LIQ");
        }
        assertThat(Regime.UNKNOWN).hasToString("RANGING/MEDIUM-VOL/NORMAL-LIQ");
    }

    /** The detector reclassifies every bar and the regime changes every few bars: each regime is one shared instance. */
    @Test
    void aRegimeIsOneSharedInstanceEqualToABuiltOne() {
        for (int i = 0; i < Regime.COUNT; i++) {
            Regime r = Regime.ofIndex(i);
            assertThat(Regime.of(r.trend(), r.volatility(), r.liquidity())).isSameAs(r).isSameAs(Regime.ofIndex(i))
                    .isEqualTo(new Regime(r.trend(), r.volatility(), r.liquidity()));
        }
        RegimeDetector d = new RegimeDetector(EfficiencyRatioMeasure.defaults(), RegimeDetector.Config.defaults());
        Regime a = d.classify(1, 5, 5);
        assertThat(d.classify(0, 0, 0)).isSameAs(Regime.of(Regime.Trend.RANGING, Regime.Volatility.LOW, Regime.Liquidity.LOW));
        assertThat(d.classify(1, 5, 5)).isSameAs(a);
    }
}
