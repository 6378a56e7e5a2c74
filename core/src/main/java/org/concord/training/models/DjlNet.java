package org.concord.training.models;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * One DJL network on the PyTorch engine (CPU unless configured otherwise): initialization, mini-batch training
 * (softmax cross-entropy on class labels, optionally weighted per sample, or L2 on float targets), inference and parameter files.
 *
 * <p>Memory: one {@link Model} (and its NDManager) per net; one {@link Trainer} per net, created on the first
 * {@link #fit} and reused by later ones; every batch and every inference runs in a sub-manager closed at once.
 * {@link #close()} frees everything native. Inference is safe from one thread while no fit runs on this net;
 * the coordinator trains a new version on a new net and swaps, so the two never meet.
 */
public final class DjlNet implements AutoCloseable {
    /** How targets are read in {@link #fit}. */
    public enum LossKind { SOFTMAX_CE, L2 }

    /** Called after each epoch with the epoch's mean loss. */
    public interface EpochListener {
        void onEpoch(int epoch, int epochs, double loss);
    }

    /** System properties DJL's PyTorch engine reads when it starts (before the first engine use). */
    public static final String THREADS = "ai.djl.pytorch.num_threads";
    public static final String INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";

    static {
        configureEngineThreads();
    }

    /**
     * Pins PyTorch to one intra-op and one inter-op thread unless the user set {@link #THREADS} /
     * {@link #INTEROP_THREADS}; must run before the engine starts (call it first when DJL is used elsewhere).
     */
    public static void configureEngineThreads() {
        // PyTorch's OpenMP pool defaults to one spinning thread per core; on a 2-core machine that shares the
        // CPU with the decision thread, a training job and the feeds, the spinning made a 3,072-row epoch take
        // 6 s instead of 0.15 s and one inference 5-10 ms instead of 0.3 ms (measured). One intra-op thread
        // per engine unless the user sets these properties.
        if (System.getProperty(THREADS) == null) {
            System.setProperty(THREADS, "1");
        }
        if (System.getProperty(INTEROP_THREADS) == null) {
            System.setProperty(INTEROP_THREADS, "1");
        }
    }

    private final Model model;
    private final Block block;
    private final Shape sampleShape;
    private final int inputLength;
    private final int outputs;
    private final ParameterStore inferenceStore;
    private Trainer trainer;
    private LossKind trainerLoss;
    private float[] shift;
    private float[] scale;
    private volatile boolean closed;

    /**
     * @param sampleShape the shape of one sample without the batch axis (e.g. {@code (channels, window)})
     */
    public DjlNet(String name, Block block, Shape sampleShape, int outputs, long seed) {
        if (block == null || sampleShape == null || outputs < 1) {
            throw new IllegalArgumentException("block, sample shape and outputs >= 1 are required");
        }
        this.model = Model.newInstance(name, Device.cpu());
        this.block = block;
        this.sampleShape = sampleShape;
        this.inputLength = (int) sampleShape.size();
        this.outputs = outputs;
        model.setBlock(block);
        // weights from this net's own seeded generator, never the engine's global one: setting the engine's seed here
        // raced with every other thread creating a net (a training job, a live session, the neural fusion)
        block.setInitializer(glorotUniform(new Random(seed)), Parameter.Type.WEIGHT);
        block.initialize(model.getNDManager(), DataType.FLOAT32, batchShape(1));
        this.inferenceStore = new ParameterStore(model.getNDManager(), false);
    }

    /** Glorot-uniform weights drawn from {@code rnd} (biases stay DJL's zeros). */
    static Initializer glorotUniform(Random rnd) {
        return (manager, shape, type) -> {
            long size = shape.size();
            long out = shape.get(0);
            long in = size / Math.max(1, out);
            long receptive = shape.dimension() > 2 ? size / (out * shape.get(1)) : 1;
            double limit = Math.sqrt(6.0 / (in + out * receptive));
            float[] v = new float[(int) size];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) ((rnd.nextDouble() * 2 - 1) * limit);
            }
            return manager.create(v, shape).toType(type, false);
        };
    }

    /**
     * Sets the input normalization {@code x' = (x - shift) · scale} (per input position), applied to every
     * training batch and every inference. Null arrays mean none.
     */
    public void setInputTransform(float[] shift, float[] scale) {
        if ((shift == null) != (scale == null) || (shift != null && (shift.length != inputLength || scale.length != inputLength))) {
            throw new IllegalArgumentException("shift and scale must both be null or both have " + inputLength + " entries");
        }
        this.shift = shift == null ? null : shift.clone();
        this.scale = scale == null ? null : scale.clone();
    }

    /** Standardized inputs beyond this many standard deviations are clipped: one outlier bar must not blow up a batch. */
    static final float INPUT_CLIP = 8f;
    /** Gradients are clipped to this norm per element (Adam's clipGrad): training stays finite on noisy real data. */
    static final float GRADIENT_CLIP = 1f;

    private void transform(float[] buf, int offset) {
        if (shift != null) {
            for (int i = 0; i < inputLength; i++) {
                float v = (buf[offset + i] - shift[i]) * scale[i];
                buf[offset + i] = Math.max(-INPUT_CLIP, Math.min(INPUT_CLIP, v));
            }
        }
    }

    public int inputLength() {
        return inputLength;
    }

    public int outputs() {
        return outputs;
    }

    private Shape batchShape(int n) {
        long[] dims = new long[sampleShape.dimension() + 1];
        dims[0] = n;
        System.arraycopy(sampleShape.getShape(), 0, dims, 1, sampleShape.dimension());
        return new Shape(dims);
    }

    /**
     * Trains on rows of {@code x} (flat, {@code n × inputLength}) for {@code epochs} passes in shuffled
     * mini-batches. For SOFTMAX_CE {@code y} holds class indices (length n); for L2 it holds {@code n × outputs}
     * targets.
     *
     * @param rows      which rows of x to train on (indices), or null for all
     * @param cancelled polled between batches; when true, fit stops and throws {@link CancellationException}
     * @return the mean loss of the last epoch
     */
    public double fit(float[] x, float[] y, int[] rows, LossKind loss, int epochs, int batchSize, float learningRate, long seed,
                      EpochListener listener, BooleanSupplier cancelled) {
        return fit(x, y, null, rows, loss, epochs, batchSize, learningRate, seed, listener, cancelled);
    }

    /**
     * As {@link #fit(float[], float[], int[], LossKind, int, int, float, long, EpochListener, java.util.function.BooleanSupplier)}
     * with a relative weight per row of x ({@code null}: unweighted, DJL's mean loss): each mini-batch's loss is
     * the weighted softmax cross-entropy {@link #weightedSoftmaxCe} (SOFTMAX_CE only).
     */
    public double fit(float[] x, float[] y, double[] weights, int[] rows, LossKind loss, int epochs, int batchSize, float learningRate, long seed,
                      EpochListener listener, BooleanSupplier cancelled) {
        checkOpen();
        if (weights != null && (loss != LossKind.SOFTMAX_CE || weights.length != x.length / inputLength)) {
            throw new IllegalArgumentException("weights need SOFTMAX_CE and one entry per row of x (" + x.length / inputLength + "), got "
                    + weights.length + " for " + loss);
        }
        int n = rows == null ? x.length / inputLength : rows.length;
        int yWidth = loss == LossKind.SOFTMAX_CE ? 1 : outputs;
        if (n < 1 || epochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("need >= 1 row, epoch and batch size (rows=" + n + ")");
        }
        if (x.length % inputLength != 0 || y.length / yWidth != x.length / inputLength) {
            throw new IllegalArgumentException("x has " + x.length + " floats (rows of " + inputLength + "), y has " + y.length + " (rows of " + yWidth + ")");
        }
        Trainer t = trainer(loss, learningRate);
        int[] order = rows == null ? identity(n) : rows.clone();
        Random rnd = new Random(seed);
        float[] xb = new float[batchSize * inputLength];
        float[] yb = new float[batchSize * yWidth];
        float[] wb = weights == null ? null : new float[batchSize];
        double last = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            shuffle(order, rnd);
            double sum = 0;
            int batches = 0;
            for (int from = 0; from < n; from += batchSize) {
                if (cancelled != null && cancelled.getAsBoolean()) {
                    throw new CancellationException("in epoch " + epoch); // reads after "cancelled" (TrainingJobRunner)
                }
                int m = Math.min(batchSize, n - from);
                for (int j = 0; j < m; j++) {
                    int r = order[from + j];
                    System.arraycopy(x, r * inputLength, xb, j * inputLength, inputLength);
                    transform(xb, j * inputLength);
                    System.arraycopy(y, r * yWidth, yb, j * yWidth, yWidth);
                    if (wb != null) {
                        wb[j] = (float) weights[r];
                    }
                }
                try (NDManager sub = model.getNDManager().newSubManager()) {
                    NDArray xs = sub.create(m == batchSize ? xb : Arrays.copyOf(xb, m * inputLength), batchShape(m));
                    NDArray ys = sub.create(m == batchSize ? yb : Arrays.copyOf(yb, m * yWidth),
                            yWidth == 1 ? new Shape(m) : new Shape(m, yWidth));
                    synchronized (GradientLock.LOCK) {
                        try (GradientCollector gc = t.newGradientCollector()) {
                            NDList out = t.forward(new NDList(xs));
                            NDArray l = wb == null ? t.getLoss().evaluate(new NDList(ys), out)
                                    : weightedSoftmaxCe(out.singletonOrThrow(), ys, sub.create(m == batchSize ? wb : Arrays.copyOf(wb, m), new Shape(m)));
                            gc.backward(l);
                            sum += l.getFloat();
                        }
                        t.step();
                    }
                }
                batches++;
            }
            last = sum / batches;
            if (listener != null) {
                listener.onEpoch(epoch, epochs, last);
            }
        }
        return last;
    }

    /**
     * Weighted softmax cross-entropy of one batch: {@code Σ wᵢ·CEᵢ / Σ wᵢ} with {@code CEᵢ = −log softmax(logitsᵢ)[yᵢ]}.
     * The weights are relative (scaling them all changes nothing); with equal weights it is DJL's mean
     * {@code SoftmaxCrossEntropyLoss}. DJL's loss takes only one scalar weight, hence this NDArray form.
     *
     * @param logits  {@code (m, classes)}
     * @param labels  {@code (m)} class indices (any numeric type)
     * @param weights {@code (m)} positive weights
     */
    public static NDArray weightedSoftmaxCe(NDArray logits, NDArray labels, NDArray weights) {
        if (logits.getShape().dimension() != 2 || labels.getShape().size() != logits.getShape().get(0)
                || weights.getShape().size() != logits.getShape().get(0)) {
            throw new IllegalArgumentException("logits (m, k), labels (m) and weights (m) expected, got " + logits.getShape() + ", "
                    + labels.getShape() + ", " + weights.getShape());
        }
        int k = (int) logits.getShape().get(1);
        NDArray oneHot = labels.reshape(-1).toType(DataType.INT64, false).oneHot(k).toType(logits.getDataType(), false);
        NDArray ce = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
        NDArray w = weights.reshape(-1).toType(logits.getDataType(), false);
        return ce.mul(w).sum().div(w.sum());
    }

    private Trainer trainer(LossKind loss, float lr) {
        if (trainer != null && trainerLoss == loss) {
            return trainer;
        }
        if (trainer != null) {
            trainer.close();
        }
        Loss l = loss == LossKind.SOFTMAX_CE ? Loss.softmaxCrossEntropyLoss() : Loss.l2Loss();
        DefaultTrainingConfig cfg = new DefaultTrainingConfig(l)
                .optDevices(new Device[] {Device.cpu()})
                .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(lr)).optClipGrad(GRADIENT_CLIP).build());
        trainer = model.newTrainer(cfg);
        trainerLoss = loss;
        return trainer;
    }

    /** Raw outputs (logits or Q-values) for one sample; {@code out} has {@link #outputs()} entries. */
    public void forward(float[] input, float[] out) {
        forwardBatch(input, 1, out);
    }

    /** Raw outputs for {@code n} samples laid out flat in {@code input}; {@code out} gets {@code n × outputs}. */
    public void forwardBatch(float[] input, int n, float[] out) {
        checkOpen();
        if (input.length < n * inputLength || out.length < n * outputs) {
            throw new IllegalArgumentException("input/output buffers too small for " + n + " samples");
        }
        float[] in = input.length == n * inputLength && shift == null ? input : Arrays.copyOf(input, n * inputLength);
        for (int k = 0; k < n && shift != null; k++) {
            transform(in, k * inputLength);
        }
        try (NDManager sub = model.getNDManager().newSubManager()) {
            NDArray xs = sub.create(in, batchShape(n));
            float[] r = block.forward(inferenceStore, new NDList(xs), false).singletonOrThrow().toFloatArray();
            System.arraycopy(r, 0, out, 0, n * outputs);
        }
    }

    public void save(Path file) {
        checkOpen();
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            block.saveParameters(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model parameters " + file, e);
        }
    }

    public void load(Path file) {
        checkOpen();
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            block.loadParameters(model.getNDManager(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model parameters " + file, e);
        } catch (MalformedModelException e) {
            throw new IllegalArgumentException("model parameters " + file + " do not fit this network: " + e.getMessage(), e);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("network " + model.getName() + " is closed");
        }
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (trainer != null) {
            trainer.close();
        }
        model.close();
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    private static void shuffle(int[] a, Random rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
