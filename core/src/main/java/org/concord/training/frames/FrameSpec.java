package org.concord.training.frames;

import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a model's input window: which timeframes (finest first; the finest is also the labelling and
 * decision timeframe) and how many bars of each ({@code window}, the same for all so a 1-D CNN sees aligned
 * channels). Per bar and timeframe there are {@value #CHANNELS} channels (see {@link FeatureEncoder}).
 */
public record FrameSpec(List<Timeframe> timeframes, int window) {
    public static final int CHANNELS = 6;
    static final String[] CHANNEL_NAMES = {"open", "high", "low", "close", "volz", "ret1"};

    public FrameSpec {
        if (timeframes == null || timeframes.isEmpty()) {
            throw new IllegalArgumentException("frame spec needs at least one timeframe");
        }
        for (int i = 1; i < timeframes.size(); i++) {
            if (timeframes.get(i).millis() <= timeframes.get(i - 1).millis()) {
                throw new IllegalArgumentException("timeframes must be distinct and finest first, got " + timeframes);
            }
        }
        if (window < 8 || window > 1024) {
            throw new IllegalArgumentException("window must be in [8, 1024] bars, got " + window);
        }
        timeframes = List.copyOf(timeframes);
    }

    public static FrameSpec of(int window, Timeframe... tfs) {
        return new FrameSpec(List.of(tfs), window);
    }

    /** The finest timeframe: decisions, labels and bar counts for the 1,000-bar minimum use it. */
    public Timeframe base() {
        return timeframes.get(0);
    }

    /** CNN input channels. */
    public int channels() {
        return timeframes.size() * CHANNELS;
    }

    /** Length of the flat float input. */
    public int inputLength() {
        return channels() * window;
    }

    /** Names of the CNN channels in canonical order ("1m.close", ...). */
    public List<String> channelNames() {
        List<String> out = new ArrayList<>();
        for (Timeframe tf : timeframes) {
            for (String c : CHANNEL_NAMES) {
                out.add(tf.code() + "." + c);
            }
        }
        return out;
    }

    /** Text form for manifests and the frame store ("1m,5m,1h x60"). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Timeframe tf : timeframes) {
            sb.append(sb.length() == 0 ? "" : ",").append(tf.code());
        }
        return sb + " x" + window;
    }
}
