package org.concord.model;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A reproducible pointer to exactly the data a model saw: the windows of {@code timeframes} with
 * {@code barCounts} closed bars ending at {@code windowEnd}, plus what the model said and, once known, the
 * outcome. The tensors are not stored: the frame is rebuilt from the DataProvider and its {@code contentHash}
 * (SHA-256 of the exact float input, canonical order, little-endian, hex) must match.
 *
 * <p>Frames made from a person's annotation use the same type ({@link Source#ANNOTATION}); their
 * {@code modelId} is {@code "annotation"} and {@code barriers} may carry the annotated stop-loss/take-profit.
 *
 * @param id           unique id (assigned by the producer; UUID text)
 * @param windowEnd    epoch ms: the instant the window ends (every bar in it closed at or before it)
 * @param barCounts    bars actually present per timeframe (may be fewer than the spec asked for at the start of
 *                     history; the rebuild takes exactly these)
 * @param horizonMs    the label's time limit after {@code windowEnd}
 * @param barriers     explicit label barriers (prices), or null for volatility-sized ones
 * @param outcome      null until matured
 */
public record InferenceFrameReference(String id, Symbol symbol, List<Timeframe> timeframes, List<Integer> barCounts,
                                      long windowEnd, String modelId, String modelVersion, Action prediction,
                                      double confidence, String contentHash, Source source, long horizonMs,
                                      Barriers barriers, Outcome outcome) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    /** Where a frame came from. */
    public enum Source { INFERENCE, ANNOTATION }

    /** Which barrier ended the label's path (triple-barrier rule). */
    public enum BarrierHit { PROFIT_TAKE, STOP_LOSS, TIME_LIMIT, BOTH_IN_ONE_BAR, ANNOTATED_EXIT }

    /**
     * Explicit barrier prices. {@code upper} is the price barrier above the entry, {@code lower} below it
     * (for a long these are take-profit/stop-loss, for a short stop-loss/take-profit). NaN = not set.
     */
    public record Barriers(double upper, double lower) {
        public Barriers {
            if (!(Double.isNaN(upper) || upper > 0) || !(Double.isNaN(lower) || lower > 0)) {
                throw new IllegalArgumentException("barrier prices must be > 0 or NaN, got upper=" + upper + " lower=" + lower);
            }
            if (!Double.isNaN(upper) && !Double.isNaN(lower) && upper <= lower) {
                throw new IllegalArgumentException("upper barrier " + upper + " must be above lower " + lower);
            }
        }
    }

    /**
     * The known result of a frame.
     *
     * @param label     BUY (upper barrier first), SELL (lower first), HOLD (time limit or ambiguous)
     * @param returnPct log return from entry to exit, in percent
     * @param exitTime  epoch ms at which the label was decided
     * @param maturedAt epoch ms (data time) at which the outcome was computed
     */
    public record Outcome(Action label, double returnPct, BarrierHit hit, long exitTime, long maturedAt) {
        public Outcome {
            if (label == null || hit == null) {
                throw new IllegalArgumentException("outcome label and hit are required");
            }
            if (Double.isNaN(returnPct) || Double.isInfinite(returnPct)) {
                throw new IllegalArgumentException("outcome return must be finite, got " + returnPct);
            }
        }
    }

    public InferenceFrameReference {
        if (id == null || id.isBlank() || symbol == null || timeframes == null || barCounts == null || prediction == null
                || source == null || modelId == null || modelId.isBlank() || modelVersion == null) {
            throw new IllegalArgumentException("frame id, symbol, timeframes, barCounts, modelId, modelVersion, prediction and source are required");
        }
        if (timeframes.isEmpty() || timeframes.size() != barCounts.size()) {
            throw new IllegalArgumentException("frame needs one bar count per timeframe, got " + timeframes + " / " + barCounts);
        }
        for (Integer n : barCounts) {
            if (n == null || n < 0) {
                throw new IllegalArgumentException("bar counts must be >= 0, got " + barCounts);
            }
        }
        if (barCounts.get(0) < 1) {
            throw new IllegalArgumentException("the first (finest) timeframe needs >= 1 bar, got " + barCounts);
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("confidence must be in [0,1], got " + confidence);
        }
        if (contentHash == null || !HEX64.matcher(contentHash).matches()) {
            throw new IllegalArgumentException("contentHash must be 64 lower-case hex chars (SHA-256), got " + contentHash);
        }
        if (horizonMs < 1) {
            throw new IllegalArgumentException("horizonMs must be >= 1, got " + horizonMs);
        }
        timeframes = List.copyOf(timeframes);
        barCounts = List.copyOf(barCounts);
    }

    public boolean matured() {
        return outcome != null;
    }

    /** End of the label's time limit (epoch ms). */
    public long horizonEnd() {
        return windowEnd + horizonMs;
    }

    public InferenceFrameReference withOutcome(Outcome o) {
        Objects.requireNonNull(o, "outcome");
        return new InferenceFrameReference(id, symbol, timeframes, barCounts, windowEnd, modelId, modelVersion, prediction,
                confidence, contentHash, source, horizonMs, barriers, o);
    }
}
