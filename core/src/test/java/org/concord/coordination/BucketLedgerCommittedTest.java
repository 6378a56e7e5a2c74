package org.concord.coordination;

import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a symbol's books will hold once their orders are done: the filled quantity and what is still on order. */
class BucketLedgerCommittedTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");

    @Test
    void filledPlusPendingOverEveryBook() {
        BucketLedger ledger = new BucketLedger();
        assertThat(ledger.committed(BTC)).as("a symbol no book touched").isZero();
        ledger.addPending(Bucket.SHORT, BTC, 0.5);
        ledger.fill(Bucket.SHORT, BTC, 0.3, 900, 0.1, 1_000);
        ledger.addPending(Bucket.LONG, BTC, -0.1);
        assertThat(ledger.total(BTC)).as("filled").isEqualTo(0.3);
        assertThat(ledger.committed(BTC)).as("filled 0.3, 0.2 more to buy and 0.1 to sell on order").isCloseTo(0.4, within(1e-12));
        ledger.fill(Bucket.SHORT, BTC, 0.2, 901, 0.1, 2_000);
        ledger.releasePending(Bucket.LONG, BTC, -0.1);
        assertThat(ledger.committed(BTC)).isEqualTo(0.5);
        assertThat(ledger.committed(BTC)).isEqualTo(ledger.total(BTC));
    }
}
