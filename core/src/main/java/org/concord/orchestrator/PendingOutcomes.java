package org.concord.orchestrator;

import java.util.Arrays;
import java.util.List;

/**
 * What waits to mature for one symbol: per entry the maturity time, the entry price and either a source's prediction
 * or a fused decision with the predictions it was made from.
 *
 * <p>Entries are kept in lanes, one per horizon. A lane's entries are added in time order, so it is ordered by
 * maturity and what is due is at its front: a bar looks at the lanes' fronts and the due entries only, where a scan of
 * every waiting entry on every bar was about 5 % of a backtest. Among the due fronts the entry added first goes
 * first, so entries mature in the order they were added. An entry whose time is earlier than its lane's last (a
 * replay seeked back) is inserted at its place by maturity. Parallel arrays rather than an object per entry; single
 * writer, the decision thread.
 */
final class PendingOutcomes {
    private Lane[] lanes = new Lane[4];
    private int laneCount;
    private long added;
    private int size;

    void add(int horizonBars, long maturityTime, double entryPrice, Prediction p) {
        lane(horizonBars).add(added++, maturityTime, entryPrice, p, null, null);
        size++;
    }

    void add(int horizonBars, long maturityTime, double entryPrice, Decision d, List<Prediction> from) {
        lane(horizonBars).add(added++, maturityTime, entryPrice, null, d, from);
        size++;
    }

    private Lane lane(int horizonBars) {
        for (int i = 0; i < laneCount; i++) {
            if (lanes[i].horizonBars == horizonBars) {
                return lanes[i];
            }
        }
        if (laneCount == lanes.length) {
            lanes = Arrays.copyOf(lanes, laneCount * 2);
        }
        return lanes[laneCount++] = new Lane(horizonBars);
    }

    int size() {
        return size;
    }

    /** The lane whose front is due at {@code closeTime} and was added before every other due front, or -1. */
    int nextDue(long closeTime) {
        int best = -1;
        long bestSeq = Long.MAX_VALUE;
        for (int i = 0; i < laneCount; i++) {
            Lane l = lanes[i];
            if (l.size > 0 && l.maturity[l.head] <= closeTime && l.seq[l.head] < bestSeq) {
                best = i;
                bestSeq = l.seq[l.head];
            }
        }
        return best;
    }

    /** The front's entry price of lane {@code lane}. */
    double entry(int lane) {
        Lane l = lanes[lane];
        return l.entry[l.head];
    }

    /** The front's prediction of lane {@code lane}, null when it is a decision. */
    Prediction prediction(int lane) {
        Lane l = lanes[lane];
        return l.prediction[l.head];
    }

    Decision decision(int lane) {
        Lane l = lanes[lane];
        return l.decision[l.head];
    }

    @SuppressWarnings("unchecked")
    List<Prediction> inputs(int lane) {
        Lane l = lanes[lane];
        return (List<Prediction>) l.inputs[l.head];
    }

    /** Takes the front of lane {@code lane} out. */
    void remove(int lane) {
        lanes[lane].removeFront();
        size--;
    }

    /** One horizon's entries in a ring, ordered by maturity. */
    private static final class Lane {
        final int horizonBars;
        long[] maturity = new long[16];
        long[] seq = new long[16];
        double[] entry = new double[16];
        Prediction[] prediction = new Prediction[16];
        Decision[] decision = new Decision[16];
        Object[] inputs = new Object[16]; // List<Prediction>: generic arrays cannot be created
        int head;
        int size;

        Lane(int horizonBars) {
            this.horizonBars = horizonBars;
        }

        void add(long s, long m, double e, Prediction p, Decision d, Object from) {
            if (size == maturity.length) {
                grow();
            }
            int mask = maturity.length - 1;
            int at = (head + size) & mask;
            // walk back past later maturities: only ever after a seek back, otherwise the new entry is the latest
            for (int k = size; k > 0 && maturity[(head + k - 1) & mask] > m; k--) {
                int prev = (head + k - 1) & mask;
                copy(prev, at);
                at = prev;
            }
            maturity[at] = m;
            seq[at] = s;
            entry[at] = e;
            prediction[at] = p;
            decision[at] = d;
            inputs[at] = from;
            size++;
        }

        private void copy(int from, int to) {
            maturity[to] = maturity[from];
            seq[to] = seq[from];
            entry[to] = entry[from];
            prediction[to] = prediction[from];
            decision[to] = decision[from];
            inputs[to] = inputs[from];
        }

        void removeFront() {
            prediction[head] = null; // the references go, for the collector
            decision[head] = null;
            inputs[head] = null;
            head = (head + 1) & (maturity.length - 1);
            size--;
        }

        /** Doubles the ring, its entries in order from slot 0. */
        private void grow() {
            int n = maturity.length;
            long[] m = new long[2 * n];
            long[] s = new long[2 * n];
            double[] e = new double[2 * n];
            Prediction[] p = new Prediction[2 * n];
            Decision[] d = new Decision[2 * n];
            Object[] in = new Object[2 * n];
            for (int k = 0; k < size; k++) {
                int i = (head + k) & (n - 1);
                m[k] = maturity[i];
                s[k] = seq[i];
                e[k] = entry[i];
                p[k] = prediction[i];
                d[k] = decision[i];
                in[k] = inputs[i];
            }
            maturity = m;
            seq = s;
            entry = e;
            prediction = p;
            decision = d;
            inputs = in;
            head = 0;
        }
    }
}
