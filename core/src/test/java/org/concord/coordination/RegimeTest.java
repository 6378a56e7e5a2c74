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
}
