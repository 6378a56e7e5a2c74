package org.concord.training;

import org.concord.chart.OverlayMark;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.store.Direction;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.FrameStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The models' predictions as a chart overlay: the stored inference frames (what a model actually said, with its
 * confidence, at the moment it said it), not a re-run of today's model over old bars. A frame made at
 * {@code windowEnd} belongs to the bar that closed at that instant on the requested timeframe (on a coarser
 * timeframe: the bar containing it, and the last frame in a bar wins); the mark sits at that bar's close.
 */
public final class PredictionOverlay implements OverlaySource {
    /** Most frames read for one request (a wide 1s view over days would be millions). */
    public static final int MAX_FRAMES = 50_000;

    private final DataProvider data;
    private final FrameStore frames;
    private final String modelId;

    /**
     * @param modelId only this model's frames, or null for every model's
     */
    public PredictionOverlay(DataProvider data, FrameStore frames, String modelId) {
        if (data == null || frames == null) {
            throw new IllegalArgumentException("data provider and frame store are required");
        }
        this.data = data;
        this.frames = frames;
        this.modelId = modelId;
    }

    @Override
    public String id() {
        return "predictions";
    }

    @Override
    public String name() {
        return modelId == null ? "Model predictions" : "Predictions of " + modelId;
    }

    @Override
    public List<OverlayMark> marks(Symbol symbol, Timeframe tf, long from, long to) {
        OverlaySource.checkRange(symbol, tf, from, to);
        // frames whose window end falls inside a bar of [from, to]: (from, to + tf]
        long endFrom = from == Long.MIN_VALUE ? from : from + 1;
        long endTo = to > Long.MAX_VALUE - tf.millis() ? Long.MAX_VALUE : to + tf.millis();
        List<InferenceFrameReference> refs = frames.between(symbol, InferenceFrameReference.Source.INFERENCE, modelId, endFrom, endTo, MAX_FRAMES);
        if (refs.isEmpty()) {
            return List.of();
        }
        long barFrom = Math.max(from, tf.floor(refs.get(0).windowEnd() - 1));
        long barTo = Math.min(to, tf.floor(refs.get(refs.size() - 1).windowEnd() - 1));
        if (barFrom > barTo) {
            return List.of();
        }
        BarSeries bars = data.bars(symbol, tf, barFrom, barTo, MAX_FRAMES, Direction.LATEST);
        List<OverlayMark> out = new ArrayList<>();
        for (InferenceFrameReference r : refs) {
            long barOpen = tf.floor(r.windowEnd() - 1);
            int i = bars.indexOf(barOpen);
            if (i < 0 || barOpen < from || barOpen > to) {
                continue; // no bar there (no trades in it) or outside the request
            }
            OverlayMark m = new OverlayMark(barOpen, bars.close(i), kind(r), String.format(Locale.ROOT, "%s %.2f", r.prediction(), r.confidence()),
                    Math.max(0, Math.min(1, r.confidence())));
            if (!out.isEmpty() && out.get(out.size() - 1).time() == barOpen) {
                out.set(out.size() - 1, m); // the last frame in a bar is the model's view at its end
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static OverlayMark.Kind kind(InferenceFrameReference r) {
        return switch (r.prediction()) {
            case BUY -> OverlayMark.Kind.BUY;
            case SELL -> OverlayMark.Kind.SELL;
            case HOLD -> OverlayMark.Kind.HOLD;
        };
    }
}
