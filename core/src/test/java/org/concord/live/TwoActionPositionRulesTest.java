package org.concord.live;

import org.concord.live.TwoActionPositionRules.Side;
import org.concord.live.TwoActionPositionRules.Thresholds;
import org.concord.live.TwoActionPositionRules.Transition;
import org.concord.model.Action;
import org.junit.jupiter.api.Test;

import static org.concord.model.Action.BUY;
import static org.concord.model.Action.HOLD;
import static org.concord.model.Action.SELL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TwoActionPositionRulesTest {
    private final TwoActionPositionRules r = new TwoActionPositionRules(Thresholds.DEFAULT);

    private void step(Action a, double conf, Transition expected, Side after) {
        assertEquals(expected, r.onSignal(a, conf), a + " " + conf);
        assertEquals(after, r.side(), "side after " + a + " " + conf);
    }

    @Test
    void defaultsAreEntry075Exit035() {
        assertEquals(0.75, Thresholds.DEFAULT.entry());
        assertEquals(0.35, Thresholds.DEFAULT.exit());
    }

    @Test
    void flatOpensOnlyAtTheEntryThreshold() {
        step(BUY, 0.74, Transition.NONE, Side.FLAT);
        step(SELL, 0.74, Transition.NONE, Side.FLAT);
        step(HOLD, 1.0, Transition.NONE, Side.FLAT);
        step(BUY, 0.75, Transition.OPEN_LONG, Side.LONG);
        r.reset();
        step(SELL, 0.9, Transition.OPEN_SHORT, Side.SHORT);
    }

    @Test
    void longClosesOnSellAtTheExitThresholdAndASecondConsecutiveSellReverses() {
        step(BUY, 0.8, Transition.OPEN_LONG, Side.LONG);
        step(BUY, 0.99, Transition.NONE, Side.LONG);       // same side: stays
        step(SELL, 0.34, Transition.NONE, Side.LONG);      // below exit
        step(SELL, 0.35, Transition.CLOSE_LONG, Side.FLAT);
        step(SELL, 0.40, Transition.REVERSE_TO_SHORT, Side.SHORT); // second consecutive SELL ≥ exit: reverse
        step(BUY, 0.5, Transition.CLOSE_SHORT, Side.FLAT);  // mirror
        step(BUY, 0.36, Transition.REVERSE_TO_LONG, Side.LONG);
    }

    @Test
    void anythingBetweenTheTwoSellsBreaksTheReversal() {
        step(BUY, 0.8, Transition.OPEN_LONG, Side.LONG);
        step(SELL, 0.5, Transition.CLOSE_LONG, Side.FLAT);
        step(HOLD, 0.9, Transition.NONE, Side.FLAT);
        step(SELL, 0.5, Transition.NONE, Side.FLAT);        // not consecutive any more: needs the entry threshold
        step(SELL, 0.76, Transition.OPEN_SHORT, Side.SHORT);
        step(BUY, 0.4, Transition.CLOSE_SHORT, Side.FLAT);
        step(BUY, 0.2, Transition.NONE, Side.FLAT);         // consecutive but below exit: no reverse, and it breaks it
        step(BUY, 0.4, Transition.NONE, Side.FLAT);
    }

    @Test
    void aStrongSecondSellAfterACloseIsAReversalNotAPlainOpen() {
        step(SELL, 0.8, Transition.OPEN_SHORT, Side.SHORT);
        step(BUY, 0.9, Transition.CLOSE_SHORT, Side.FLAT);
        step(BUY, 0.9, Transition.REVERSE_TO_LONG, Side.LONG);
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> r.onSignal(null, 0.5));
        assertThrows(IllegalArgumentException.class, () -> r.onSignal(BUY, 1.5));
        assertThrows(IllegalArgumentException.class, () -> r.onSignal(BUY, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(1.2, 0.3));
        assertEquals(Side.FLAT, r.side()); // refused input changes nothing
    }
}
