package org.concord.app.trading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the desk writes sizes, prices and money: one way for the blotter, the bot portfolio, the chart and the ticket. */
class AmountsTest {
    /** A line's label reads a size as a trader writes it: "position 0.1 @ 902.18", not "position 0.100000 @ 902.18". */
    @Test
    void sizesAndPricesWithoutTrailingZeros() {
        assertThat(Amounts.number(0.1)).isEqualTo("0.1");
        assertThat(Amounts.number(1.5)).isEqualTo("1.5");
        assertThat(Amounts.number(2)).isEqualTo("2");
        assertThat(Amounts.number(0.123456789)).isEqualTo("0.123457");
        assertThat(Amounts.number(-0.25)).isEqualTo("-0.25");
        assertThat(Amounts.number(902.18)).isEqualTo("902.18");
        assertThat(Amounts.number(27_000)).isEqualTo("27000.00");
        assertThat(Amounts.number(0.00000012)).isEqualTo("1.20000e-07");
    }

    /** The Balances table's amounts: helper 40 read "10000.00" USD on the real display without its thousands grouped. */
    @Test
    void balancesGroupThousandsAndACoinsFractionKeepsItsDigits() {
        assertThat(Amounts.balance(10_000)).isEqualTo("10,000.00");
        assertThat(Amounts.balance(-1_234_567.891)).isEqualTo("-1,234,567.89");
        assertThat(Amounts.balance(999.5)).isEqualTo("999.50");
        assertThat(Amounts.balance(0.00012345)).isEqualTo("0.00012345");
        assertThat(Amounts.balance(0.1)).isEqualTo("0.1");
        assertThat(Amounts.balance(0)).isEqualTo("0");
    }

    @Test
    void moneyHasTwoDecimalsAndGroupsAndAProfitItsSign() {
        assertThat(Amounts.money(1234.5)).isEqualTo("1,234.50");
        assertThat(Amounts.signed(1234.5)).isEqualTo("+1,234.50");
        assertThat(Amounts.signed(-0.004)).isEqualTo("-0.00");
    }
}
