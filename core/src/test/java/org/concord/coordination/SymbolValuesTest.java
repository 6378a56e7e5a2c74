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

    @Test
    void theSameInstanceAndAnEqualOneFindTheSameValueWithinAndBeyondTheScannedFew() {
        SymbolValues v = new SymbolValues();
        Symbol[] s = new Symbol[12];
        for (int i = 0; i < s.length; i++) {
            s[i] = Symbol.of("S" + i);
            v.put(s[i], i);
        }
        for (int i = 0; i < s.length; i++) {
            v.put(s[i], -i);
            assertThat(v.get(s[i], Double.NaN)).isEqualTo(-i);
            assertThat(v.get(Symbol.of("S" + i), Double.NaN)).isEqualTo(-i);
        }
        assertThat(v.size()).isEqualTo(12);
        assertThat(v.get(Symbol.of("S12"), Double.NaN)).isNaN();
    }
}
