package org.concord.engine;

import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
        r.expect(Map.of(BTC, 20 * M));
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

    /**
     * A seek moves the whole bundled market: every instrument's old-timeline bars are kept from the fresh accounts,
     * each until its own data is back (ETHUSD's next 5m bar, AAPL's next day after a weekend), not only the tape's.
     */
    @Test
    void everyInstrumentThatWentBackIsSkippedUntilItsOwnDataIsThere() {
        Symbol aapl = Symbol.of("AAPL");
        long day = 1440 * M;
        Rewind r = new Rewind();
        r.skipsBar(BTC, 100 * M, 101 * M);
        r.skipsBar(ETH, 500 * M, 505 * M);
        r.skipsBar(aapl, 10 * day, 11 * day);
        r.expect(Map.of(BTC, 20 * M, ETH, 400 * M, aapl, 7 * day)); // AAPL's next bar after a weekend: its own point
        assertThat(r.skipsBar(ETH, 505 * M, 510 * M)).as("ETHUSD's old timeline").isTrue();
        assertThat(r.skipsDecision(ETH, 505 * M)).isTrue();
        assertThat(r.skipsBar(aapl, 11 * day, 12 * day)).as("AAPL's old timeline").isTrue();
        assertThat(r.skipsBar(BTC, 20 * M, 21 * M)).as("the tape is back").isFalse();
        assertThat(r.skipsBar(ETH, 510 * M, 515 * M)).as("the tape being back does not end ETHUSD's wait").isTrue();

        assertThat(r.skipsBar(ETH, 400 * M, 405 * M)).as("ETHUSD's next bar after the seek").isFalse();
        assertThat(r.skipsDecision(ETH, 405 * M)).isFalse();
        assertThat(r.skipsDecision(aapl, 12 * day)).as("AAPL still waits for its day").isTrue();
        assertThat(r.skipsBar(aapl, 7 * day, 8 * day)).isFalse();
        assertThat(r.skipsBar(aapl, 8 * day, 9 * day)).isFalse();
    }
}
