package org.concord.training.loop;

import org.concord.model.Symbol;
import org.concord.training.frames.FrameSpec;

import java.util.List;

/**
 * Training samples in time order, columnar: the frames' float inputs (flat, {@code n × spec.inputLength()}),
 * class labels ({@code Action.ordinal()}), window end times, label horizon ends (for purging), and the data
 * they were drawn from ({@code barsCovered} bars of the base timeframe over {@code [dataFrom, dataTo]}).
 *
 * @param rejected frames that were not used and why (hash mismatch, not rebuildable), for the report
 */
public record SampleSet(Symbol symbol, FrameSpec spec, float[] x, int[] labels, long[] times, long[] horizonEnds,
                        double[] returnsPct, String[] frameIds, int barsCovered, long dataFrom, long dataTo,
                        List<String> rejected) {
    public SampleSet {
        int n = labels.length;
        if (x.length != (long) n * spec.inputLength() || times.length != n || horizonEnds.length != n || returnsPct.length != n
                || (frameIds != null && frameIds.length != n)) {
            throw new IllegalArgumentException("sample columns differ in length (n=" + n + ")");
        }
        for (int i = 1; i < n; i++) {
            if (times[i] < times[i - 1]) {
                throw new IllegalArgumentException("samples not in time order at " + i);
            }
        }
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
    }

    public int size() {
        return labels.length;
    }
}
