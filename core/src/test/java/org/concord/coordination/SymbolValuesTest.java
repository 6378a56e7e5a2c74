package org.concord.coordination;

import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SymbolValuesTest {
    @Test
    void valuesAreUpdatedInPlaceAndWalkedInFirstPutOrderPastTheInitialCapacity() {
        SymbolValues v = new SymbolValues();
        assertThat(v.get(Symbol.of("BTCUSD"), Double.NaN)).isNaN();
        for (int i = 0; i < 10; i++) {
            v.put(Symbol.of("S" + i), i);
        }
        v.put(Symbol.of("S3"), 33.5);
        assertThat(v.size()).isEqualTo(10);
        assertThat(v.get(Symbol.of("S3"), 0)).isEqualTo(33.5);
        for (int i = 0; i < 10; i++) {
            assertThat(v.symbol(i)).isEqualTo(Symbol.of("S" + i));
            assertThat(v.value(i)).isEqualTo(i == 3 ? 33.5 : i);
        }
    }
}
