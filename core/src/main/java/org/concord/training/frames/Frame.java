package org.concord.training.frames;

import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.List;

/**
 * One built model input: the float window (owned by this frame; do not modify), the bars used per timeframe and
 * the entry price (last close of the finest timeframe at {@code windowEnd}).
 */
public record Frame(Symbol symbol, FrameSpec spec, long windowEnd, float[] input, int[] barCounts, double entryPrice) {
    public String hash() {
        return ContentHash.of(input);
    }

    public List<Integer> barCountList() {
        List<Integer> l = new ArrayList<>(barCounts.length);
        for (int c : barCounts) {
            l.add(c);
        }
        return l;
    }
}
