package org.concord.feed;

/**
 * How a looped replay prices its copies of a recording that went from {@code first} to {@code last}. Copy 0 is the
 * recording. Odd copies are its mirror in log price, {@code p → k / p} with {@code k = first × last}: each move is the
 * recording's, reversed, so the mirror opens at {@code last} (where the recording ended) and ends at {@code first},
 * where the next even copy, the recording as it was, begins. Prices stay within the recording's band and its mirror's.
 * Scaling every copy by {@code last / first} instead compounded: at max speed for a few minutes BTCUSD reached
 * 6.9 million (×4633) and ETHUSD fell to 48.
 */
final class LoopPricing {
    private final double k;

    private LoopPricing(double k) {
        this.k = k;
    }

    /** The pricing of copies of a recording whose first price is {@code first} and last {@code last}. */
    static LoopPricing of(double first, double last) {
        if (!(first > 0) || !(last > 0) || Double.isInfinite(first) || Double.isInfinite(last)) {
            throw new IllegalArgumentException("a looped recording needs positive finite first and last prices, got " + first + " and " + last);
        }
        return new LoopPricing(first * last);
    }

    /** Whether copy {@code copy} (0 = the recording) plays mirrored. */
    static boolean mirrored(long copy) {
        return (copy & 1) == 1;
    }

    /** The price {@code p} of the recording as copy {@code copy} plays it. */
    double price(long copy, double p) {
        return mirrored(copy) ? k / p : p;
    }

    /** A bar's high in copy {@code copy}: the mirror of the recording's low when mirrored. */
    double high(long copy, double high, double low) {
        return mirrored(copy) ? k / low : high;
    }

    /** A bar's low in copy {@code copy}: the mirror of the recording's high when mirrored. */
    double low(long copy, double high, double low) {
        return mirrored(copy) ? k / high : low;
    }

    /** Whether the buyer was the maker in copy {@code copy}: the mirror's buyer is the recording's seller. */
    static boolean buyerMaker(long copy, boolean buyerMaker) {
        return mirrored(copy) != buyerMaker;
    }

    /** How the log names copy {@code copy}'s prices. */
    static String describe(long copy) {
        return mirrored(copy) ? "mirrored in price (each move reversed)" : "at the recording's prices";
    }
}
