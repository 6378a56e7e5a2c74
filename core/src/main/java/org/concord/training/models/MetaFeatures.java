package org.concord.training.models;

import org.concord.model.Timeframe;
import org.concord.training.frames.FrameSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The meta-model's tabular input, computed only from a frame's float window and the CNN's probabilities (so it
 * inherits the frame's no-lookahead guarantee). Per timeframe: last one-bar return, sum of the last 5 one-bar
 * returns, return over the window, realized volatility of one-bar returns, last volume z-score. Then the
 * primary signal: p(BUY), p(SELL), p(HOLD), its side (+1 BUY / −1 SELL, by p(BUY) ≥ p(SELL)) and its confidence.
 */
public final class MetaFeatures {
    private static final int PER_TF = 5;
    private static final int PRIMARY = 5;

    private MetaFeatures() {
    }

    public static int length(FrameSpec spec) {
        return spec.timeframes().size() * PER_TF + PRIMARY;
    }

    public static List<String> names(FrameSpec spec) {
        List<String> n = new ArrayList<>();
        for (Timeframe tf : spec.timeframes()) {
            String p = tf.code() + ".";
            n.add(p + "ret1");
            n.add(p + "ret5");
            n.add(p + "retWindow");
            n.add(p + "vol");
            n.add(p + "volz");
        }
        n.add("p.buy");
        n.add("p.sell");
        n.add("p.hold");
        n.add("primary.side");
        n.add("primary.confidence");
        return n;
    }

    /** The primary signal's side: +1 (BUY) when p(BUY) ≥ p(SELL), else −1 (SELL). */
    public static int side(float[] probs, int offset) {
        return probs[offset] >= probs[offset + 1] ? 1 : -1;
    }

    /** Writes the features of one frame into {@code out} at {@code outOffset}. */
    public static void compute(FrameSpec spec, float[] input, int inOffset, float[] probs, int probOffset, float[] out, int outOffset) {
        int w = spec.window();
        int o = outOffset;
        for (int k = 0; k < spec.timeframes().size(); k++) {
            int base = inOffset + k * FrameSpec.CHANNELS * w;
            int close = base + 3 * w;
            int ret = base + 5 * w;
            out[o++] = input[ret + w - 1];
            float r5 = 0;
            for (int i = w - 5; i < w; i++) {
                r5 += input[ret + i];
            }
            out[o++] = r5;
            out[o++] = input[close + w - 1] - firstNonZero(input, close, w);
            double m = 0;
            for (int i = 0; i < w; i++) {
                m += input[ret + i];
            }
            m /= w;
            double v = 0;
            for (int i = 0; i < w; i++) {
                double d = input[ret + i] - m;
                v += d * d;
            }
            out[o++] = (float) Math.sqrt(v / w);
            out[o++] = input[base + 4 * w + w - 1];
        }
        float pb = probs[probOffset];
        float ps = probs[probOffset + 1];
        out[o++] = pb;
        out[o++] = ps;
        out[o++] = probs[probOffset + 2];
        out[o++] = pb >= ps ? 1f : -1f;
        out[o] = Math.max(pb, Math.max(ps, probs[probOffset + 2]));
    }

    private static float firstNonZero(float[] a, int from, int w) {
        for (int i = 0; i < w; i++) {
            if (a[from + i] != 0f) {
                return a[from + i];
            }
        }
        return 0f;
    }
}
