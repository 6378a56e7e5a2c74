package org.concord.annotation;

import org.concord.model.Action;

/** What a person marked: a long or short trade, or a region where no trade should be taken (a negative example). */
public enum AnnotationDirection {
    LONG, SHORT, NO_TRADE;

    /** +1 long, −1 short, 0 no trade. */
    public int sign() {
        return this == LONG ? 1 : this == SHORT ? -1 : 0;
    }

    /** The action a model should learn for a winning annotation of this direction. */
    public Action action() {
        return this == LONG ? Action.BUY : this == SHORT ? Action.SELL : Action.HOLD;
    }
}
