package org.concord.app.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bot account's line read "1 open positions". */
class CountsTest {
    @Test
    void oneTakesTheSingularAndEveryOtherCountThePlural() {
        assertThat(Counts.of(1, "open position")).isEqualTo("1 open position");
        assertThat(Counts.of(0, "open position")).isEqualTo("0 open positions");
        assertThat(Counts.of(2, "fill")).isEqualTo("2 fills");
        assertThat(Counts.of(12_345, "trade")).isEqualTo("12,345 trades");
        assertThat(Counts.of(1, "net-limit cut")).isEqualTo("1 net-limit cut");
    }
}
