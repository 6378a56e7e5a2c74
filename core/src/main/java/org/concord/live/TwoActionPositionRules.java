package org.concord.live;

import org.concord.model.Action;

import java.util.Locale;

/**
 * Position rules for a model that only says BUY or SELL (HOLD = no view): a state machine over FLAT / LONG /
 * SHORT driven by one signal at a time.
 *
 * <ul>
 *   <li>FLAT + BUY with confidence ≥ {@code entryThreshold} → open LONG; FLAT + SELL ≥ entry → open SHORT.</li>
 *   <li>LONG + SELL with confidence ≥ {@code exitThreshold} → close (FLAT). If the very next signal is again a SELL
 *       ≥ exit, it opens the SHORT: two consecutive SELLs close and reverse. Mirror for SHORT and BUY.</li>
 *   <li>Anything else (HOLD, a same-side signal, a signal below its threshold) changes nothing and breaks a
 *       pending reversal: "consecutive" means no other signal in between.</li>
 * </ul>
 * Not thread-safe: one owner feeds it in signal order.
 */
public final class TwoActionPositionRules {
    public enum Side { FLAT, LONG, SHORT }

    public enum Transition { NONE, OPEN_LONG, OPEN_SHORT, CLOSE_LONG, CLOSE_SHORT, REVERSE_TO_LONG, REVERSE_TO_SHORT }

    /** Entry 0.75, exit 0.35. */
    public record Thresholds(double entry, double exit) {
        public static final Thresholds DEFAULT = new Thresholds(0.75, 0.35);

        public Thresholds {
            if (!(entry >= 0 && entry <= 1) || !(exit >= 0 && exit <= 1)) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "thresholds must be in [0, 1], got entry %s exit %s", entry, exit));
            }
        }
    }

    private final Thresholds thresholds;
    private Side side = Side.FLAT;
    /** The side a close was made towards; a second signal of that side reverses. FLAT when none is pending. */
    private Side pendingReverse = Side.FLAT;

    public TwoActionPositionRules(Thresholds thresholds) {
        if (thresholds == null) {
            throw new IllegalArgumentException("thresholds are required");
        }
        this.thresholds = thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public Side side() {
        return side;
    }

    /** Applies one signal; returns what happened to the position. */
    public Transition onSignal(Action action, double confidence) {
        if (action == null) {
            throw new IllegalArgumentException("action is null");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1], got " + confidence);
        }
        Side pending = pendingReverse;
        pendingReverse = Side.FLAT;
        boolean exits = confidence >= thresholds.exit();
        boolean enters = confidence >= thresholds.entry();
        switch (side) {
            case FLAT -> {
                if (action == Action.BUY && (enters || pending == Side.LONG && exits)) {
                    side = Side.LONG;
                    return pending == Side.LONG ? Transition.REVERSE_TO_LONG : Transition.OPEN_LONG;
                }
                if (action == Action.SELL && (enters || pending == Side.SHORT && exits)) {
                    side = Side.SHORT;
                    return pending == Side.SHORT ? Transition.REVERSE_TO_SHORT : Transition.OPEN_SHORT;
                }
            }
            case LONG -> {
                if (action == Action.SELL && exits) {
                    side = Side.FLAT;
                    pendingReverse = Side.SHORT;
                    return Transition.CLOSE_LONG;
                }
            }
            case SHORT -> {
                if (action == Action.BUY && exits) {
                    side = Side.FLAT;
                    pendingReverse = Side.LONG;
                    return Transition.CLOSE_SHORT;
                }
            }
        }
        return Transition.NONE;
    }

    public void reset() {
        side = Side.FLAT;
        pendingReverse = Side.FLAT;
    }
}
