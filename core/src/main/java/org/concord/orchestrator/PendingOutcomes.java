package org.concord.orchestrator;

import java.util.Arrays;
import java.util.List;

/**
 * What waits to mature for one symbol: per entry the maturity time, the entry price and either a source's prediction
 * or a fused decision with the predictions it was made from. Parallel arrays rather than an object per entry (one
 * per prediction and decision, on every bar); single writer, the decision thread.
 */
final class PendingOutcomes {
    private long[] maturity = new long[16];
    private double[] entry = new double[16];
    private Prediction[] prediction = new Prediction[16];
    private Decision[] decision = new Decision[16];
    private Object[] inputs = new Object[16]; // List<Prediction>: generic arrays cannot be created
    private int size;

    void add(long maturityTime, double entryPrice, Prediction p) {
        add(maturityTime, entryPrice, p, null, null);
    }

    void add(long maturityTime, double entryPrice, Decision d, List<Prediction> from) {
        add(maturityTime, entryPrice, null, d, from);
    }

    private void add(long maturityTime, double entryPrice, Prediction p, Decision d, List<Prediction> from) {
        if (size == maturity.length) {
            int n = size * 2;
            maturity = Arrays.copyOf(maturity, n);
            entry = Arrays.copyOf(entry, n);
            prediction = Arrays.copyOf(prediction, n);
            decision = Arrays.copyOf(decision, n);
            inputs = Arrays.copyOf(inputs, n);
        }
        maturity[size] = maturityTime;
        entry[size] = entryPrice;
        prediction[size] = p;
        decision[size] = d;
        inputs[size] = from;
        size++;
    }

    int size() {
        return size;
    }

    long maturity(int i) {
        return maturity[i];
    }

    double entry(int i) {
        return entry[i];
    }

    /** The prediction of entry {@code i}, null when it is a decision. */
    Prediction prediction(int i) {
        return prediction[i];
    }

    Decision decision(int i) {
        return decision[i];
    }

    @SuppressWarnings("unchecked")
    List<Prediction> inputs(int i) {
        return (List<Prediction>) inputs[i];
    }

    /** Moves entry {@code from} to slot {@code to} (≤ from): compaction while matured entries are taken out. */
    void move(int from, int to) {
        if (from != to) {
            maturity[to] = maturity[from];
            entry[to] = entry[from];
            prediction[to] = prediction[from];
            decision[to] = decision[from];
            inputs[to] = inputs[from];
        }
    }

    /** Keeps the first {@code n} entries; the references past them are cleared for the collector. */
    void truncate(int n) {
        Arrays.fill(prediction, n, size, null);
        Arrays.fill(decision, n, size, null);
        Arrays.fill(inputs, n, size, null);
        size = n;
    }
}
