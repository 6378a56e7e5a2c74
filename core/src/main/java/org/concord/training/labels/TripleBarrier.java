package org.concord.training.labels;

import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference.BarrierHit;
import org.concord.model.InferenceFrameReference.Barriers;
import org.concord.model.InferenceFrameReference.Outcome;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.training.frames.WindowSource;

import java.util.List;

/**
 * The triple-barrier label (López de Prado): from the entry at the window end, walk the bars of the labelling
 * timeframe that open at or after the window end, up to the time limit. The first bar whose high reaches the
 * upper barrier gives BUY, whose low reaches the lower barrier gives SELL; none by the time limit gives HOLD.
 * When one bar touches both (the order inside the bar is unknown) the label is HOLD ({@code BOTH_IN_ONE_BAR}).
 *
 * <p>Label inputs and time: σ and the entry come from bars closed at or before the window end; the path only
 * from bars that close at or before the time limit. Nothing after the time limit is read.
 */
public final class TripleBarrier {
    private final BarrierConfig config;

    public TripleBarrier(BarrierConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config is null");
        }
        this.config = config;
    }

    public BarrierConfig config() {
        return config;
    }

    public long horizonMs(Timeframe tf) {
        return config.horizonBars() * tf.millis();
    }

    /** Which barrier a path reached first. */
    public enum Touch { UPPER, LOWER, BOTH, NONE }

    /** Where a walk along the path ended: {@code index} of the deciding bar (-1 for NONE). */
    public record Walk(Touch touch, int index) {
    }

    /** Walks {@code path} (bars after entry, oldest first) against the barriers (NaN = no barrier on that side). */
    public static Walk walk(BarSeries path, double upper, double lower) {
        for (int i = 0; i < path.size(); i++) {
            boolean up = !Double.isNaN(upper) && path.high(i) >= upper;
            boolean dn = !Double.isNaN(lower) && path.low(i) <= lower;
            if (up && dn) {
                return new Walk(Touch.BOTH, i);
            }
            if (up) {
                return new Walk(Touch.UPPER, i);
            }
            if (dn) {
                return new Walk(Touch.LOWER, i);
            }
        }
        return new Walk(Touch.NONE, -1);
    }

    /** σ of one-bar log returns over the lookback bars closed at or before {@code windowEnd}; NaN if fewer than 3 bars. */
    public double volatility(WindowSource src, Symbol symbol, Timeframe tf, long windowEnd) {
        BarSeries s = src.windows(symbol, List.of(tf), windowEnd, config.volLookback() + 1).get(tf);
        return volatility(s);
    }

    static double volatility(BarSeries s) {
        int n = s.size() - 1;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (int i = 1; i <= n; i++) {
            mean += Math.log(s.close(i) / s.close(i - 1));
        }
        mean /= n;
        double var = 0;
        for (int i = 1; i <= n; i++) {
            double d = Math.log(s.close(i) / s.close(i - 1)) - mean;
            var += d * d;
        }
        return Math.sqrt(var / (n - 1));
    }

    /** Volatility-sized barriers around {@code entry}. */
    public Barriers barriers(double entry, double sigma) {
        double width = Double.isNaN(sigma) ? 0 : sigma * Math.sqrt(config.horizonBars());
        width = Math.max(width, config.minWidthPct() / 100.0);
        if (!(width > 0)) {
            throw new IllegalArgumentException("barrier width must be > 0: set minWidthPct > 0 or provide volatility");
        }
        return new Barriers(entry * Math.exp(config.profitTake() * width), entry * Math.exp(-config.stopLoss() * width));
    }

    /**
     * Labels the entry at {@code windowEnd}: volatility-sized barriers unless {@code explicit} is given.
     *
     * @param side      the primary signal's side (BUY/SELL) that decides which barrier is the profit-take; HOLD
     *                  reads as long
     * @param maturedAt the data time at which this is computed (must be at or after the time limit)
     */
    public Outcome label(WindowSource src, Symbol symbol, Timeframe tf, long windowEnd, double entry, Barriers explicit,
                         Action side, long maturedAt) {
        long horizonEnd = windowEnd + horizonMs(tf);
        if (maturedAt < horizonEnd) {
            throw new IllegalArgumentException("cannot label at " + maturedAt + ": time limit " + horizonEnd + " not reached (lookahead)");
        }
        Barriers b = explicit != null ? explicit : barriers(entry, volatility(src, symbol, tf, windowEnd));
        BarSeries path = src.range(symbol, tf, windowEnd, horizonEnd - tf.millis(), config.horizonBars() + 1);
        return outcome(path, tf, entry, b, side, horizonEnd, maturedAt);
    }

    /** The outcome of a walk along {@code path} (pure: used by the label above and by annotations). */
    public static Outcome outcome(BarSeries path, Timeframe tf, double entry, Barriers b, Action side, long horizonEnd, long maturedAt) {
        Walk w = walk(path, b.upper(), b.lower());
        boolean shortSide = side == Action.SELL;
        return switch (w.touch()) {
            case UPPER -> new Outcome(Action.BUY, pct(b.upper(), entry), shortSide ? BarrierHit.STOP_LOSS : BarrierHit.PROFIT_TAKE,
                    tf.closeTime(path.time(w.index())), maturedAt);
            case LOWER -> new Outcome(Action.SELL, pct(b.lower(), entry), shortSide ? BarrierHit.PROFIT_TAKE : BarrierHit.STOP_LOSS,
                    tf.closeTime(path.time(w.index())), maturedAt);
            case BOTH -> new Outcome(Action.HOLD, pct(path.close(w.index()), entry), BarrierHit.BOTH_IN_ONE_BAR,
                    tf.closeTime(path.time(w.index())), maturedAt);
            case NONE -> new Outcome(Action.HOLD, path.isEmpty() ? 0.0 : pct(path.lastClose(), entry), BarrierHit.TIME_LIMIT,
                    horizonEnd, maturedAt);
        };
    }

    static double pct(double price, double entry) {
        return 100.0 * Math.log(price / entry);
    }
}
