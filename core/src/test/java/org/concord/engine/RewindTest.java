package org.concord.engine;

import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules that keep a restarted paper session on the timeline it was restarted for. */
class RewindTest {
    static final Symbol BTC = Symbol.of("BTCUSD");
    static final Symbol ETH = Symbol.of("ETHUSD");
    static final long M = 60_000;

    @Test
    void beforeAnyRestartNothingIsSkippedButADecisionAheadOfItsBars() {
        Rewind r = new Rewind();
        assertThat(r.skipsBar(BTC, 10 * M, 11 * M)).isFalse();
        assertThat(r.skipsDecision(BTC, 11 * M)).isFalse();
        assertThat(r.skipsDecision(ETH, 99 * M)).as("no ETH bar seen yet: nothing to judge by").isFalse();
        assertThat(r.skipsDecision(BTC, 12 * M)).as("a decision on a bar the pipeline never had").isTrue();
    }

    @Test
    void theSeekedSymbolsOldBarsAndDecisionsAreSkippedUntilTheDataGoesBack() {
        Rewind r = new Rewind();
        r.skipsBar(BTC, 100 * M, 101 * M);
        r.skipsBar(ETH, 500 * M, 501 * M);
        r.expect(BTC, 20 * M);
        assertThat(r.skipsBar(BTC, 101 * M, 102 * M)).as("the old timeline's next bar").isTrue();
        assertThat(r.skipsDecision(BTC, 101 * M)).as("a decision on the old timeline's bar the session had").isTrue();
        assertThat(r.skipsBar(ETH, 501 * M, 502 * M)).as("other instruments go on").isFalse();
        assertThat(r.skipsDecision(ETH, 502 * M)).isFalse();

        assertThat(r.skipsBar(BTC, 20 * M, 21 * M)).as("the first bar at the seek's time").isFalse();
        assertThat(r.skipsDecision(BTC, 102 * M)).as("a late decision of the old timeline").isTrue();
        assertThat(r.skipsDecision(BTC, 21 * M)).as("the new timeline's decision").isFalse();
        assertThat(r.skipsBar(BTC, 21 * M, 22 * M)).isFalse();
        assertThat(r.skipsBar(BTC, 200 * M, 201 * M)).as("once back, later bars are the new timeline's").isFalse();
    }
}
