package org.concord.coordination;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A held book is resized only when its new target is at least the band (a quarter of the book by default) away from
 * it; entries and exits always pass. Equity 100,000, BTC at 20,000, a quarter of the equity per bucket: a MEDIUM
 * buy of confidence c targets 1.25 * sqrt(c) BTC, and the book holds 0.5.
 */
class ResizeBandTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private static final long T0 = 1_000 * Bucket.BAR_MILLIS;
    private static final long NOW = T0 + 10 * Bucket.BAR_MILLIS;

    private static BucketLedger holdingHalfABitcoin() {
        BucketLedger ledger = new BucketLedger();
        ledger.planOpening(Bucket.MEDIUM, BTC, "m", null, 1, 100_000);
        ledger.addPending(Bucket.MEDIUM, BTC, 0.5);
        ledger.fill(Bucket.MEDIUM, BTC, 0.5, 20_000, 0, T0);
        return ledger;
    }

    private static PositionCoordinator.PlanResult plan(PositionCoordinator.Config cfg, BucketLedger ledger, Action a, double conf) {
        PositionCoordinator pc = AlignmentAndConflictTest.coordinator(cfg, ledger);
        return pc.plan(NOW, List.of(Signal.of("m", BTC, NOW, Bucket.MEDIUM, a, 1, conf, Timeframe.H1)), 100_000, x -> 20_000, x -> 0);
    }

    @Test
    void aTargetInsideTheBandKeepsTheBookAndSaysSo() {
        // 1.25 * 0.48 = 0.6: 0.1 more, under a quarter of 0.5, and 2,000 of notional, above the minimum order
        PositionCoordinator.PlanResult near = plan(PositionCoordinator.Config.defaults(), holdingHalfABitcoin(), Action.BUY, 0.48 * 0.48);
        assertThat(near.plan().orders()).isEmpty();
        assertThat(near.intents()).singleElement().satisfies(in ->
                assertThat(in.notes()).containsExactly("target within the resize band of the book: position kept"));

        PositionCoordinator.PlanResult unbanded = plan(PositionCoordinator.Config.defaults().withResizeBand(0), holdingHalfABitcoin(),
                Action.BUY, 0.48 * 0.48);
        assertThat(unbanded.plan().orders()).singleElement().satisfies(o -> assertThat(o.quantity()).isCloseTo(0.1, within(1e-9)));
    }

    @Test
    void aTargetOutsideTheBandAnExitAndAnEntryAreTraded() {
        // 1.25 * 0.6 = 0.75: 0.25 more, half the book
        assertThat(plan(PositionCoordinator.Config.defaults(), holdingHalfABitcoin(), Action.BUY, 0.36).plan().orders())
                .singleElement().satisfies(o -> assertThat(o.quantity()).isCloseTo(0.25, within(1e-9)));
        // 1.25 * 0.28 = 0.35: 0.15 less, over a quarter of the book
        assertThat(plan(PositionCoordinator.Config.defaults(), holdingHalfABitcoin(), Action.BUY, 0.28 * 0.28).plan().orders())
                .singleElement().satisfies(o -> assertThat(o.quantity()).isCloseTo(-0.15, within(1e-9)));
        // a sell on a spot account: the book goes flat, however small the band would make it
        assertThat(plan(PositionCoordinator.Config.defaults().withResizeBand(0.99), holdingHalfABitcoin(), Action.SELL, 0.9).plan().orders())
                .singleElement().satisfies(o -> assertThat(o.quantity()).isCloseTo(-0.5, within(1e-12)));
        // from flat, any size above the minimum order enters
        assertThat(plan(PositionCoordinator.Config.defaults().withResizeBand(0.99), new BucketLedger(), Action.BUY, 0.01).plan().orders())
                .singleElement().satisfies(o -> assertThat(o.quantity()).isCloseTo(0.125, within(1e-9)));
    }
}
