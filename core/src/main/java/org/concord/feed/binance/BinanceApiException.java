package org.concord.feed.binance;

/**
 * A Binance REST call that failed for good: a client error the server explained ({@code {"code":..,"msg":..}}),
 * or a call still failing after its retries. {@link #httpStatus()} is -1 when no response came back at all.
 */
public final class BinanceApiException extends RuntimeException {
    private final int httpStatus;
    private final int code;

    public BinanceApiException(int httpStatus, int code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    public BinanceApiException(String message, Throwable cause) {
        super(message, cause);
        this.httpStatus = -1;
        this.code = 0;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Binance's error code (e.g. -1121 invalid symbol), 0 when the body carried none. */
    public int code() {
        return code;
    }
}
