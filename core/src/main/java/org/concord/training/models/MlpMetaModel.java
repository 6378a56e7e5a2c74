package org.concord.training.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** The meta-model as a small MLP on DJL: dense(h) → relu → dense(h/2) → relu → dense(2), softmax. */
public final class MlpMetaModel implements MetaModel {
    public static final String FILE = "meta-mlp.params";

    /** Hyperparameters (searched at random by the training loop). */
    public record Params(int hidden, int epochs, int batchSize, float learningRate) {
        public Params {
            if (hidden < 2 || epochs < 1 || batchSize < 1 || !(learningRate > 0)) {
                throw new IllegalArgumentException("MLP params must be positive (hidden >= 2): " + this);
            }
        }
    }

    private final int width;
    private final Params params;
    private final DjlNet net;
    private Normalization normalization;
    private final float[] out = new float[2];

    public MlpMetaModel(int width, Params params, long seed) {
        this.width = width;
        this.params = params;
        this.net = new DjlNet("meta-mlp", new SequentialBlock()
                .add(Linear.builder().setUnits(params.hidden()).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(Math.max(2, params.hidden() / 2)).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(2).build()), new Shape(width), 2, seed);
    }

    @Override
    public String kind() {
        return "mlp";
    }

    public Normalization normalization() {
        return normalization;
    }

    @Override
    public void fit(float[] x, int w, int[] y, int[] rows, long seed, BooleanSupplier cancelled) {
        if (w != width) {
            throw new IllegalArgumentException("width " + w + " != model width " + width);
        }
        normalization = Normalization.fit(x, width, rows, 1);
        normalization.apply(net);
        float[] yf = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            yf[i] = y[i];
        }
        net.fit(x, yf, rows, DjlNet.LossKind.SOFTMAX_CE, params.epochs(), params.batchSize(), params.learningRate(), seed, null, cancelled);
    }

    @Override
    public double probability(float[] x, int offset) {
        float[] row = Arrays.copyOfRange(x, offset, offset + width);
        net.forward(row, out);
        double m = Math.max(out[0], out[1]);
        double e0 = Math.exp(out[0] - m);
        double e1 = Math.exp(out[1] - m);
        return e1 / (e0 + e1);
    }

    @Override
    public double[] importance() {
        return null;
    }

    @Override
    public Map<String, Object> params() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hidden", params.hidden());
        m.put("epochs", params.epochs());
        m.put("batchSize", params.batchSize());
        m.put("learningRate", params.learningRate());
        return m;
    }

    public Params hyper() {
        return params;
    }

    @Override
    public void save(Path dir) {
        net.save(dir.resolve(FILE));
    }

    public static MlpMetaModel load(Path dir, int width, Params params, Normalization normalization) {
        MlpMetaModel m = new MlpMetaModel(width, params, 0);
        try {
            m.net.load(dir.resolve(FILE));
            m.normalization = normalization;
            normalization.apply(m.net);
            return m;
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    @Override
    public void close() {
        net.close();
    }
}
