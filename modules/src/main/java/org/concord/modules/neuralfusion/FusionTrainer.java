package org.concord.modules.neuralfusion;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

import org.concord.training.models.GradientLock;

import java.util.List;
import java.util.Random;

/**
 * Trains a {@link FusionNet} with DJL (PyTorch engine, CPU): a 2-layer MLP, softmax cross-entropy, full-batch Adam for
 * a fixed number of epochs. Reproducible: weights start from a seeded {@link Random} (not the engine's generator),
 * batches are the whole set in order, and PyTorch runs single-threaded (set once, before the engine starts), so the
 * same samples give the same network on every run.
 */
public final class FusionTrainer {
    static {
        // one intra-op thread: deterministic reductions, and training never competes with the decision thread for cores
        if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", "1");
        }
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
    }

    private final int hidden;
    private final int epochs;
    private final float learningRate;
    private final long seed;

    public FusionTrainer(int hidden, int epochs, double learningRate, long seed) {
        if (hidden < 1 || epochs < 1 || !(learningRate > 0)) {
            throw new IllegalArgumentException("hidden >= 1, epochs >= 1 and learningRate > 0 required");
        }
        this.hidden = hidden;
        this.epochs = epochs;
        this.learningRate = (float) learningRate;
        this.seed = seed;
    }

    /**
     * @param x      n rows of inputs (one per sample, inputIds.size() wide)
     * @param labels n class indices (SELL 0, HOLD 1, BUY 2)
     */
    public FusionNet train(List<String> inputIds, float[][] x, int[] labels, int version) {
        int n = x.length;
        int in = inputIds.size();
        if (n == 0 || labels.length != n || in == 0) {
            throw new IllegalArgumentException("need samples with at least one input");
        }
        float[] flat = new float[n * in];
        float[] y = new float[n];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x[r], 0, flat, r * in, in);
            y[r] = labels[r];
        }
        Random rnd = new Random(seed);
        Initializer weights = (manager, shape, type) -> {
            // Glorot-uniform from our own generator: the same start on every run
            long size = shape.size();
            double limit = Math.sqrt(6.0 / (shape.get(0) + (shape.dimension() > 1 ? shape.get(1) : 1)));
            float[] v = new float[(int) size];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((rnd.nextDouble() * 2 - 1) * limit);
            }
            return manager.create(v, shape).toType(type, false);
        };
        SequentialBlock net = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(3).build());
        try (Model model = Model.newInstance("neural-fusion", Device.cpu())) {
            model.setBlock(net);
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(learningRate)).build())
                    .optInitializer(weights, Parameter.Type.WEIGHT)
                    .optInitializer(Initializer.ZEROS, Parameter.Type.BIAS)
                    .optDevices(new Device[] {Device.cpu()});
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(n, in));
                NDManager m = trainer.getManager();
                NDArray xs = m.create(flat, new Shape(n, in));
                NDArray ys = m.create(y, new Shape(n));
                for (int e = 0; e < epochs; e++) {
                    // one gradient collector per process: a CNN job training meanwhile failed with "already collecting"
                    synchronized (GradientLock.LOCK) {
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            NDArray pred = trainer.forward(new NDList(xs)).singletonOrThrow();
                            NDArray loss = trainer.getLoss().evaluate(new NDList(ys), new NDList(pred));
                            gc.backward(loss);
                        }
                        trainer.step();
                    }
                }
                float[][] w1 = null;
                float[] b1 = null;
                float[][] w2 = null;
                float[] b2 = null;
                int linear = 0;
                for (Pair<String, Parameter> p : net.getParameters()) {
                    NDArray a = p.getValue().getArray();
                    float[] v = a.toType(DataType.FLOAT32, false).toFloatArray();
                    if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                        float[][] w = rows(v, (int) a.getShape().get(0), (int) a.getShape().get(1));
                        if (linear == 0) {
                            w1 = w;
                        } else {
                            w2 = w;
                        }
                    } else if (linear++ == 0) {
                        b1 = v;
                    } else {
                        b2 = v;
                    }
                }
                return new FusionNet(inputIds, w1, b1, w2, b2, version);
            }
        }
    }

    private static float[][] rows(float[] v, int r, int c) {
        float[][] out = new float[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(v, i * c, out[i], 0, c);
        }
        return out;
    }
}
