package org.concord.app.trading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Balances table's amounts: helper 40 read "10000.00" USD on the real display without its thousands grouped. */
class BlotterBalanceTest {
    @Test
    void thousandsAreGroupedAndACoinsFractionKeepsItsDigits() {
        assertThat(Blotter.balance(10_000)).isEqualTo("10,000.00");
        assertThat(Blotter.balance(-1_234_567.891)).isEqualTo("-1,234,567.89");
        assertThat(Blotter.balance(999.5)).isEqualTo("999.50");
        assertThat(Blotter.balance(0.00012345)).isEqualTo("0.00012345");
        assertThat(Blotter.balance(0.1)).isEqualTo("0.1");
        assertThat(Blotter.balance(0)).isEqualTo("0");
    }
}
