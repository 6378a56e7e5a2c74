package org.concord.training.frames;

import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds frames at an instant from a {@link WindowSource} and rebuilds a stored reference exactly (the same
 * bars per timeframe), so its hash can be re-verified before training on it.
 */
public final class FrameBuilder {
    private final WindowSource source;
    private final FrameSpec spec;

    public FrameBuilder(WindowSource source, FrameSpec spec) {
        if (source == null || spec == null) {
            throw new IllegalArgumentException("source and spec are required");
        }
        this.source = source;
        this.spec = spec;
    }

    public FrameSpec spec() {
        return spec;
    }

    public WindowSource source() {
        return source;
    }

    /** The frame whose window ends at {@code at} (bars closed at or before it). */
    public Frame build(Symbol symbol, long at) {
        return frame(symbol, at, source.windows(symbol, spec.timeframes(), at, spec.window()));
    }

    /** As {@link #build}, or null when the base timeframe has no closed bar at {@code at}: nothing to see yet. */
    public Frame buildIfSeen(Symbol symbol, long at) {
        Map<Timeframe, BarSeries> w = source.windows(symbol, spec.timeframes(), at, spec.window());
        BarSeries base = w.get(spec.base());
        return base == null || base.isEmpty() ? null : frame(symbol, at, w);
    }

    private Frame frame(Symbol symbol, long at, Map<Timeframe, BarSeries> w) {
        float[] input = new float[spec.inputLength()];
        int[] counts = FeatureEncoder.encode(spec, w, input);
        return new Frame(symbol, spec, at, input, counts, w.get(spec.base()).lastClose());
    }

    /** Result of rebuilding a stored frame: the frame (null if it could not be built) and why it does not match. */
    public record Rebuilt(Frame frame, String mismatch) {
        public boolean ok() {
            return mismatch == null;
        }
    }

    /**
     * Rebuilds {@code ref} from the data and compares its hash. A stored frame whose data changed since (a
     * corrected bar, missing history) is reported as a mismatch and must not be trained on.
     */
    public Rebuilt rebuild(InferenceFrameReference ref) {
        if (!ref.timeframes().equals(spec.timeframes())) {
            return new Rebuilt(null, "frame " + ref.id() + " has timeframes " + ref.timeframes() + ", this spec " + spec.timeframes());
        }
        Map<Timeframe, BarSeries> w = source.windows(ref.symbol(), spec.timeframes(), ref.windowEnd(), spec.window());
        List<String> problems = new ArrayList<>();
        int idx = 0;
        for (Timeframe tf : spec.timeframes()) {
            int want = ref.barCounts().get(idx++);
            BarSeries s = w.get(tf);
            if (s.size() < want) {
                problems.add(tf + " has " + s.size() + " bars, frame used " + want);
            } else if (s.size() > want) {
                w.put(tf, s.copyRange(s.size() - want, s.size())); // older history appeared since: take the same bars
            }
        }
        if (!problems.isEmpty()) {
            return new Rebuilt(null, "frame " + ref.id() + " cannot be rebuilt: " + String.join("; ", problems));
        }
        float[] input = new float[spec.inputLength()];
        int[] counts = FeatureEncoder.encode(spec, w, input);
        Frame f = new Frame(ref.symbol(), spec, ref.windowEnd(), input, counts, w.get(spec.base()).lastClose());
        String h = f.hash();
        return new Rebuilt(f, h.equals(ref.contentHash()) ? null
                : "frame " + ref.id() + " content hash mismatch: stored " + ref.contentHash().substring(0, 12) + "…, rebuilt " + h.substring(0, 12) + "… (data changed since inference)");
    }
}
