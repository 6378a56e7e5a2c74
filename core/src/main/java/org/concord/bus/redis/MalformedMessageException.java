package org.concord.bus.redis;

/** A message read from Redis that does not follow the envelope schema or does not map to its topic's type. */
public final class MalformedMessageException extends Exception {
    private final RejectReason reason;

    public MalformedMessageException(RejectReason reason, String detail) {
        super(reason + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
