package org.concord.training.loop;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Combining sample sets: frames (given labels) take precedence over history samples at the same window end; weights
 * and the rejected-frame reports of both are kept.
 */
public final class SampleSets {
    private SampleSets() {
    }

    public static SampleSet merge(SampleSet frames, SampleSet history) {
        if (!frames.spec().equals(history.spec()) || !frames.symbol().equals(history.symbol())) {
            throw new IllegalArgumentException("cannot merge samples of different specs or symbols");
        }
        Set<Long> frameTimes = new HashSet<>();
        for (long t : frames.times()) {
            frameTimes.add(t);
        }
        int len = frames.spec().inputLength();
        List<int[]> order = new ArrayList<>(); // {set, row}
        int i = 0;
        int j = 0;
        while (i < frames.size() || j < history.size()) {
            if (j < history.size() && frameTimes.contains(history.times()[j])) {
                j++;
                continue;
            }
            boolean takeFrame = j >= history.size() || (i < frames.size() && frames.times()[i] <= history.times()[j]);
            order.add(takeFrame ? new int[] {0, i++} : new int[] {1, j++});
        }
        int n = order.size();
        float[] x = new float[n * len];
        int[] y = new int[n];
        long[] t = new long[n];
        long[] h = new long[n];
        double[] r = new double[n];
        String[] ids = new String[n];
        double[] w = new double[n];
        double[] px = new double[n];
        for (int k = 0; k < n; k++) {
            SampleSet s = order.get(k)[0] == 0 ? frames : history;
            int row = order.get(k)[1];
            System.arraycopy(s.x(), row * len, x, k * len, len);
            y[k] = s.labels()[row];
            t[k] = s.times()[row];
            h[k] = s.horizonEnds()[row];
            r[k] = s.returnsPct()[row];
            ids[k] = s.frameIds() == null ? null : s.frameIds()[row];
            w[k] = s.weights()[row];
            px[k] = s.entryPrices()[row];
        }
        long from = frames.size() == 0 ? history.dataFrom() : history.size() == 0 ? frames.dataFrom() : Math.min(frames.dataFrom(), history.dataFrom());
        long to = Math.max(frames.dataTo(), history.dataTo());
        List<String> rejected = new ArrayList<>(frames.rejected());
        rejected.addAll(history.rejected());
        return new SampleSet(frames.symbol(), frames.spec(), x, y, t, h, r, ids, Math.max(frames.barsCovered(), history.barsCovered()),
                from, to, rejected, w, px);
    }
}
