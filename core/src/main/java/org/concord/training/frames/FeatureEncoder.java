package org.concord.training.frames;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;

import java.util.Arrays;
import java.util.Map;

/**
 * Turns aligned multi-timeframe windows into the CNN's float input. Per timeframe and bar, six channels:
 * <ol>
 *   <li>open, high, low, close as {@code 100·ln(price / ref)} where {@code ref} is the last close of the finest
 *       timeframe (so scales are comparable across timeframes and symbols), clamped to ±50;</li>
 *   <li>volume z-score within that timeframe's window (0 when the window's volume is constant), clamped to ±10;</li>
 *   <li>a trivial indicator channel: the one-bar log return {@code 100·ln(c_i / c_{i-1})} (0 for the first bar).
 *       Richer indicator channels can come from {@code org.concord.indicators} later.</li>
 * </ol>
 * Layout (canonical order, also the hash order): {@code [timeframe][channel][slot]}, windows right-aligned in
 * {@code spec.window()} slots; missing older slots (short history) are 0. Reads only the given windows, so it
 * cannot see anything after the window end.
 */
public final class FeatureEncoder {
    private static final double PRICE_CLAMP = 50;
    private static final double Z_CLAMP = 10;

    private FeatureEncoder() {
    }

    /**
     * Encodes into {@code out} (length {@code spec.inputLength()}), zeroing it first.
     *
     * @return the number of bars used per timeframe (0 when a window is empty)
     */
    public static int[] encode(FrameSpec spec, Map<Timeframe, BarSeries> windows, float[] out) {
        if (out.length != spec.inputLength()) {
            throw new IllegalArgumentException("output length " + out.length + " != spec input length " + spec.inputLength());
        }
        Arrays.fill(out, 0f);
        BarSeries base = windows.get(spec.base());
        if (base == null || base.isEmpty()) {
            throw new IllegalArgumentException("no closed " + spec.base() + " bars in the window: a frame needs at least one");
        }
        double ref = base.lastClose();
        int w = spec.window();
        int[] counts = new int[spec.timeframes().size()];
        for (int k = 0; k < counts.length; k++) {
            BarSeries s = windows.get(spec.timeframes().get(k));
            if (s == null || s.isEmpty()) {
                continue;
            }
            int n = Math.min(w, s.size());
            int first = s.size() - n;
            counts[k] = n;
            double mean = 0;
            for (int i = first; i < s.size(); i++) {
                mean += s.volume(i);
            }
            mean /= n;
            double var = 0;
            for (int i = first; i < s.size(); i++) {
                double d = s.volume(i) - mean;
                var += d * d;
            }
            double sd = Math.sqrt(var / n);
            int base0 = k * FrameSpec.CHANNELS * w;
            for (int j = 0; j < n; j++) {
                int i = first + j;
                int slot = w - n + j;
                out[base0 + slot] = rel(s.open(i), ref);
                out[base0 + w + slot] = rel(s.high(i), ref);
                out[base0 + 2 * w + slot] = rel(s.low(i), ref);
                out[base0 + 3 * w + slot] = rel(s.close(i), ref);
                out[base0 + 4 * w + slot] = sd > 0 ? (float) clamp((s.volume(i) - mean) / sd, Z_CLAMP) : 0f;
                out[base0 + 5 * w + slot] = j == 0 ? 0f : rel(s.close(i), s.close(i - 1));
            }
        }
        return counts;
    }

    private static float rel(double price, double ref) {
        return (float) clamp(100.0 * Math.log(price / ref), PRICE_CLAMP);
    }

    private static double clamp(double v, double m) {
        return v > m ? m : v < -m ? -m : v;
    }
}
