package org.concord.training.models;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Decides when a model is past its expiry: by age (data time since the newest data it was trained on) or by
 * drift (the recent volatility of one-bar returns, as an EWMA over decisions, differs from the training
 * volatility by more than {@code maxDrift} in absolute log ratio). A stale model keeps voting, with
 * {@code staleWeight} instead of 1, and says why.
 */
public record StaleGuard(Duration maxAge, double maxDrift, double staleWeight, int warmupDecisions) {
    public static final StaleGuard DEFAULT = new StaleGuard(Duration.ofDays(7), Math.log(2.5), 0.25, 50);

    public StaleGuard {
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        if (!(maxDrift > 0) || !(staleWeight >= 0 && staleWeight < 1) || warmupDecisions < 0) {
            throw new IllegalArgumentException("maxDrift > 0, staleWeight in [0,1), warmupDecisions >= 0 required");
        }
    }

    /** The verdict for one decision. */
    public record Verdict(boolean stale, double weight, String reason) {
        static final Verdict FRESH = new Verdict(false, 1.0, "");
    }

    /**
     * @param trainedUntil   data time of the newest data trained on
     * @param now            data time of the decision
     * @param trainVol       volatility seen in training (σ of one-bar returns, percent)
     * @param recentVol      recent EWMA of the same measure
     * @param decisions      decisions made so far (drift is judged after the warm-up)
     */
    public Verdict judge(long trainedUntil, long now, double trainVol, double recentVol, long decisions) {
        long age = now - trainedUntil;
        if (age > maxAge.toMillis()) {
            return new Verdict(true, staleWeight, "stale: trained on data up to " + Instant.ofEpochMilli(trainedUntil)
                    + ", " + Duration.ofMillis(age).toHours() + " h old > max " + maxAge.toHours() + " h; weight " + staleWeight);
        }
        if (decisions >= warmupDecisions && trainVol > 0 && recentVol > 0) {
            double drift = Math.abs(Math.log(recentVol / trainVol));
            if (drift > maxDrift) {
                return new Verdict(true, staleWeight, String.format(Locale.ROOT,
                        "stale: volatility drift |ln(%.4f/%.4f)| = %.2f > %.2f; weight %.2f", recentVol, trainVol, drift, maxDrift, staleWeight));
            }
        }
        return Verdict.FRESH;
    }
}
