package org.concord.training.samples;

import java.util.Locale;

/**
 * How one annotation becomes many samples: an ENTRY sample at the entry bar, HOLD samples on every bar between
 * entry and exit, an EXIT sample at the exit bar, NO_TRADE samples on the {@code noTradeRadius} bars before the
 * entry and after the exit. The weights are relative class weights (defaults entry 100, exit 100, hold 25,
 * no-trade 50) so that the one entry of a trade is not drowned out by its many hold bars; a trainer uses them as
 * loss weights, not as copies.
 *
 * @param maxSamples refuse an annotation that would expand to more (a week of 1s bars is not a label)
 */
public record ExpansionRule(int noTradeRadius, double entryWeight, double exitWeight, double holdWeight, double noTradeWeight,
                            int maxSamples) {
    /** ±15 bars, weights 100 / 100 / 25 / 50, at most 20,000 samples per annotation. */
    public static final ExpansionRule DEFAULT = new ExpansionRule(15, 100, 100, 25, 50, 20_000);

    public ExpansionRule {
        if (noTradeRadius < 0 || noTradeRadius > 10_000) {
            throw new IllegalArgumentException("noTradeRadius must be in [0, 10000] bars, got " + noTradeRadius);
        }
        check("entry", entryWeight);
        check("exit", exitWeight);
        check("hold", holdWeight);
        check("no-trade", noTradeWeight);
        if (maxSamples < 1) {
            throw new IllegalArgumentException("maxSamples must be >= 1, got " + maxSamples);
        }
    }

    private static void check(String name, double w) {
        if (!(w > 0) || Double.isInfinite(w)) {
            throw new IllegalArgumentException(name + " weight must be finite and > 0, got " + w);
        }
    }

    public ExpansionRule withNoTradeRadius(int bars) {
        return new ExpansionRule(bars, entryWeight, exitWeight, holdWeight, noTradeWeight, maxSamples);
    }

    public ExpansionRule withWeights(double entry, double exit, double hold, double noTrade) {
        return new ExpansionRule(noTradeRadius, entry, exit, hold, noTrade, maxSamples);
    }

    public double weight(SampleKind kind) {
        return switch (kind) {
            case ENTRY -> entryWeight;
            case EXIT -> exitWeight;
            case HOLD -> holdWeight;
            case NO_TRADE -> noTradeWeight;
        };
    }

    /** The rule in words, as the UI shows it before training. */
    public String describe() {
        return String.format(Locale.ROOT, "entry bar → ENTRY (w %s), bars between → HOLD (w %s), exit bar → EXIT (w %s), "
                        + "±%d bars around → NO_TRADE (w %s); no-trade region → NO_TRADE on every bar",
                fmt(entryWeight), fmt(holdWeight), fmt(exitWeight), noTradeRadius, fmt(noTradeWeight));
    }

    private static String fmt(double w) {
        return w == Math.rint(w) ? Long.toString((long) w) : Double.toString(w);
    }
}
