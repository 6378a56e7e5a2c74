package org.concord.app.live;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SideChangesTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private static final Symbol ETH = Symbol.of("ETHUSD");

    @Test
    void onlyAChangeOfSideIsMarked() {
        SideChanges s = new SideChanges();
        assertThat(s.marks(BTC, Action.BUY)).isTrue();
        assertThat(s.marks(BTC, Action.BUY)).as("a repeated BUY").isFalse();
        assertThat(s.marks(BTC, Action.HOLD)).as("HOLD").isFalse();
        assertThat(s.marks(BTC, Action.BUY)).as("BUY after a HOLD is the same side").isFalse();
        assertThat(s.marks(BTC, Action.SELL)).isTrue();
        assertThat(s.marks(ETH, Action.SELL)).as("each symbol has its own side").isTrue();
        s.reset(BTC);
        assertThat(s.marks(BTC, Action.SELL)).as("after its timeline restarted").isTrue();
        assertThat(s.marks(ETH, Action.SELL)).as("another symbol's timeline goes on").isFalse();
    }
}
