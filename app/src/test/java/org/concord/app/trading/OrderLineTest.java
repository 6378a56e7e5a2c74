package org.concord.app.trading;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A line's label reads a size as a trader writes it: "position 0.1 @ 902.18", not "position 0.100000 @ 902.18". */
class OrderLineTest {
    @Test
    void sizesAndPricesWithoutTrailingZeros() {
        assertThat(OrderLine.fmt(0.1)).isEqualTo("0.1");
        assertThat(OrderLine.fmt(1.5)).isEqualTo("1.5");
        assertThat(OrderLine.fmt(2)).isEqualTo("2");
        assertThat(OrderLine.fmt(0.123456789)).isEqualTo("0.123457");
        assertThat(OrderLine.fmt(-0.25)).isEqualTo("-0.25");
        assertThat(OrderLine.fmt(902.18)).isEqualTo("902.18");
        assertThat(OrderLine.fmt(27_000)).isEqualTo("27000.00");
        assertThat(OrderLine.fmt(0.00000012)).isEqualTo("1.20000e-07");
    }
}
