package org.concord.modules.neuralfusion;

import java.util.List;

/**
 * A trained fusion network frozen into plain arrays: {@code probs = softmax(W2 · relu(W1 · x + b1) + b2)} over the
 * classes SELL, HOLD, BUY. Inference is plain Java (no native call per decision, same result on every run); DJL is
 * only used to train it ({@link FusionTrainer}). Immutable.
 *
 * @param inputIds the source ids whose signed confidences form the input, in order
 */
public record FusionNet(List<String> inputIds, float[][] w1, float[] b1, float[][] w2, float[] b2, int version) {
    public static final int SELL = 0;
    public static final int HOLD = 1;
    public static final int BUY = 2;

    public FusionNet {
        inputIds = List.copyOf(inputIds);
        if (w1.length != b1.length || w2.length != 3 || b2.length != 3 || w1.length == 0 || w1[0].length != inputIds.size()) {
            throw new IllegalArgumentException("inconsistent network shapes");
        }
    }

    /** Class probabilities [SELL, HOLD, BUY] for input {@code x} (length = inputIds.size()). */
    public double[] probabilities(double[] x) {
        int h = w1.length;
        double[] hidden = new double[h];
        for (int j = 0; j < h; j++) {
            double s = b1[j];
            float[] row = w1[j];
            for (int i = 0; i < x.length; i++) {
                s += row[i] * x[i];
            }
            hidden[j] = Math.max(0, s);
        }
        double[] logits = new double[3];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 3; c++) {
            double s = b2[c];
            for (int j = 0; j < h; j++) {
                s += w2[c][j] * hidden[j];
            }
            logits[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            logits[c] = Math.exp(logits[c] - max);
            sum += logits[c];
        }
        for (int c = 0; c < 3; c++) {
            logits[c] /= sum;
        }
        return logits;
    }

    /** Index of the most likely class (the first on a tie). */
    public static int argmax(double[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }
}
