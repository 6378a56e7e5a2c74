package org.concord.app.trading;

/**
 * Which money the desk trades: the paper broker, or a venue (testnet play money, real money, or a custom
 * endpoint such as a loopback exchange). Anything but PAPER is shown as LIVE.
 *
 * @param venue    the venue name ("paper", "binance", "binance-testnet", ...)
 * @param endpoint the venue's REST URL, empty for paper
 */
public record TradingMode(Kind kind, String venue, String endpoint) {
    public enum Kind { PAPER, TESTNET, LIVE, CUSTOM }

    public static final TradingMode PAPER = new TradingMode(Kind.PAPER, "paper", "");

    public TradingMode {
        if (kind == null || venue == null || venue.isBlank()) {
            throw new IllegalArgumentException("mode kind and venue are required");
        }
        endpoint = endpoint == null ? "" : endpoint;
    }

    public boolean live() {
        return kind != Kind.PAPER;
    }

    /** The badge text: PAPER, or LIVE with the venue (and "real money" when it is). */
    public String badge() {
        return switch (kind) {
            case PAPER -> "PAPER";
            case LIVE -> "LIVE · " + venue + " · REAL MONEY";
            case TESTNET -> "LIVE · " + venue + " (testnet)";
            case CUSTOM -> "LIVE · " + venue + " (" + endpoint + ")";
        };
    }
}
