package org.concord.training.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.concord.training.frames.FrameSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * A 1-D CNN over the multi-timeframe window ({@code channels = timeframes × 6}, time along the window) predicting
 * BUY/SELL/HOLD (class index = {@code Action.ordinal()}): conv(k5) → relu → maxpool 2 → conv(k3) → relu →
 * maxpool 2 → flatten → dense → relu → dense(3). Inputs are normalized per channel with statistics of the
 * training rows only.
 */
public final class CnnSignalModel implements AutoCloseable {
    public static final int CLASSES = 3;

    /**
     * Architecture and training knobs.
     *
     * @param balanced oversample the minority classes of the training rows (with replacement, seeded) to the
     *                 majority class's count, so the CNN does not collapse onto the majority label
     */
    public record Config(int filters, int hidden, int epochs, int batchSize, float learningRate, boolean balanced) {
        public static final Config DEFAULT = new Config(16, 32, 4, 256, 0.002f);

        public Config {
            if (filters < 1 || hidden < 1 || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("CNN config values must be positive: " + this);
            }
        }

        /** Unbalanced. */
        public Config(int filters, int hidden, int epochs, int batchSize, float learningRate) {
            this(filters, hidden, epochs, batchSize, learningRate, false);
        }

        public Config withBalanced(boolean b) {
            return new Config(filters, hidden, epochs, batchSize, learningRate, b);
        }
    }

    private final FrameSpec spec;
    private final Config config;
    private final DjlNet net;
    private Normalization normalization;
    private final float[] logits = new float[CLASSES];
    /** Temperature scaling of the logits (calibration on validation rows); 1 leaves them as trained. */
    private double temperature = 1.0;

    private CnnSignalModel(FrameSpec spec, Config config, long seed) {
        this.spec = spec;
        this.config = config;
        this.net = new DjlNet("cnn", block(spec, config), new Shape(spec.channels(), spec.window()), CLASSES, seed);
    }

    public static CnnSignalModel create(FrameSpec spec, Config config, long seed) {
        if (spec == null || config == null) {
            throw new IllegalArgumentException("spec and config are required");
        }
        return new CnnSignalModel(spec, config, seed);
    }

    static Block block(FrameSpec spec, Config c) {
        return new SequentialBlock()
                .add(new UnfoldConv1d(5, c.filters()))
                .add(Activation::relu)
                .add(Pool.maxPool1dBlock(new Shape(2)))
                .add(new UnfoldConv1d(3, c.filters()))
                .add(Activation::relu)
                .add(Pool.maxPool1dBlock(new Shape(2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(c.hidden()).build())
                .add(Activation::relu)
                .add(Linear.builder().setUnits(CLASSES).build());
    }

    public FrameSpec spec() {
        return spec;
    }

    public Config config() {
        return config;
    }

    public Normalization normalization() {
        return normalization;
    }

    /** The calibration temperature applied to the logits of every prediction ({@code p ∝ exp(z / T)}). */
    public double temperature() {
        return temperature;
    }

    public void setTemperature(double t) {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("temperature must be finite and > 0, got " + t);
        }
        temperature = t;
    }

    /**
     * Trains on {@code rows} of flat {@code x} ({@code spec.inputLength()} floats per row) with class labels
     * {@code labels} (one per row of x).
     */
    public double fit(float[] x, int[] labels, int[] rows, long seed, DjlNet.EpochListener listener, BooleanSupplier cancelled) {
        return fit(x, labels, null, rows, seed, listener, cancelled);
    }

    /**
     * As {@link #fit(float[], int[], int[], long, DjlNet.EpochListener, BooleanSupplier)} with a relative loss weight
     * per row of x (weighted softmax cross-entropy per mini-batch; {@code null}: unweighted).
     */
    public double fit(float[] x, int[] labels, double[] weights, int[] rows, long seed, DjlNet.EpochListener listener, BooleanSupplier cancelled) {
        if (x == null || labels == null || x.length != (long) labels.length * spec.inputLength() || (weights != null && weights.length != labels.length)) {
            throw new IllegalArgumentException("x, labels (one per row of " + spec.inputLength() + " floats) and weights (one per row or null) must agree");
        }
        normalization = Normalization.fit(x, spec.inputLength(), rows, spec.window());
        normalization.apply(net);
        float[] y = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            y[i] = labels[i];
        }
        int[] trainRows = config.balanced() ? balance(rows, labels, seed) : rows;
        return net.fit(x, y, weights, trainRows, DjlNet.LossKind.SOFTMAX_CE, config.epochs(), config.batchSize(), config.learningRate(), seed,
                listener, cancelled);
    }

    /** Rows with each present class resampled (with replacement) to the largest class's count. */
    static int[] balance(int[] rows, int[] labels, long seed) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int r : rows) {
            byClass.get(labels[r]).add(r);
        }
        int max = 0;
        for (List<Integer> l : byClass) {
            max = Math.max(max, l.size());
        }
        Random rnd = new Random(seed);
        int[] out = new int[max * (int) byClass.stream().filter(l -> !l.isEmpty()).count()];
        int k = 0;
        for (List<Integer> l : byClass) {
            if (l.isEmpty()) {
                continue;
            }
            for (int i = 0; i < max; i++) {
                out[k++] = i < l.size() ? l.get(i) : l.get(rnd.nextInt(l.size()));
            }
        }
        return out;
    }

    /** Class probabilities (BUY, SELL, HOLD) of one input into {@code out}. Single caller thread. */
    public void probabilities(float[] input, float[] out) {
        net.forward(input, logits);
        softmax(logits, 0, out, 0, temperature);
    }

    /** Probabilities of {@code n} inputs (flat) into {@code out} ({@code n × 3}). */
    public void probabilitiesBatch(float[] inputs, int n, float[] out) {
        float[] raw = new float[n * CLASSES];
        net.forwardBatch(inputs, n, raw);
        for (int k = 0; k < n; k++) {
            softmax(raw, k * CLASSES, out, k * CLASSES, temperature);
        }
    }

    static void softmax(float[] in, int from, float[] out, int to, double t) {
        float max = Math.max(in[from], Math.max(in[from + 1], in[from + 2]));
        double s = 0;
        for (int i = 0; i < CLASSES; i++) {
            s += Math.exp((in[from + i] - max) / t);
        }
        for (int i = 0; i < CLASSES; i++) {
            out[to + i] = (float) (Math.exp((in[from + i] - max) / t) / s);
        }
    }

    public void save(Path file) {
        net.save(file);
    }

    /** A model of this architecture with parameters and normalization restored. */
    public static CnnSignalModel load(Path file, FrameSpec spec, Config config, Normalization normalization) {
        CnnSignalModel m = new CnnSignalModel(spec, config, 0);
        try {
            m.net.load(file);
            m.normalization = normalization;
            normalization.apply(m.net);
            return m;
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    public boolean isClosed() {
        return net.isClosed();
    }

    @Override
    public void close() {
        net.close();
    }
}
