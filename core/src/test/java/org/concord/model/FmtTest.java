package org.concord.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Number text for rationales and coordination notes, without a Formatter. */
class FmtTest {
    private static String num(double x, int sig) {
        return Fmt.num(new StringBuilder(), x, sig).toString();
    }

    @Test
    void numbersForRationales() {
        assertThat(Fmt.num(1032.5)).isEqualTo("1032.5");
        assertThat(Fmt.num(4.2)).isEqualTo("4.2");
        assertThat(Fmt.num(0)).isEqualTo("0");
        assertThat(Fmt.num(-12.25)).isEqualTo("-12.25");
        assertThat(Fmt.num(0.0012345)).isEqualTo("0.0012345");
        assertThat(Fmt.num(27000.1234)).isEqualTo("27000.1");
        assertThat(Fmt.num(9.9999999)).isEqualTo("10");
        assertThat(Fmt.num(100.66666666)).isEqualTo("100.667");
        assertThat(num(2.4375, 3)).isEqualTo("2.44");
        assertThat(num(97.4026, 3)).isEqualTo("97.4");
        assertThat(num(1.1574e-15, 3)).isEqualTo("1.16e-15");
        assertThat(num(3.2e17, 3)).isEqualTo("3.2e17");
        assertThat(num(Double.NaN, 3)).isEqualTo("NaN");
        assertThat(num(1e-300 * 1e-10, 3)).isEqualTo("1e-310");
        assertThat(Fmt.signed(new StringBuilder(), 0.12, 3).toString()).isEqualTo("+0.12");
        assertThat(Fmt.signed(new StringBuilder(), -3, 3).toString()).isEqualTo("-3");
        assertThat(Fmt.fixed(new StringBuilder(), 0.0004, 3).toString()).isEqualTo("0.000");
        assertThat(Fmt.fixed(new StringBuilder(), 0.005, 3).toString()).isEqualTo("0.005");
        assertThat(Fmt.fixed(new StringBuilder(), -1.5, 2).toString()).isEqualTo("-1.50");
        assertThat(Fmt.fixed(new StringBuilder(), -0.0001, 2).toString()).isEqualTo("0.00");
        assertThat(Fmt.fixed(new StringBuilder(), 7, 0).toString()).isEqualTo("7");
        assertThat(Fmt.fixed(new StringBuilder(), 2e9, 2).toString()).isEqualTo("2.0E9");
        assertThatThrownBy(() -> Fmt.fixed(new StringBuilder(), 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
