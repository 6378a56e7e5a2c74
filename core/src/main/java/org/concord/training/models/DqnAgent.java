package org.concord.training.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.concord.model.Action;

import java.nio.file.Path;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * A DQN agent over the orchestrator's state vector: actions BUY (long), SELL (short), HOLD (flat) with
 * Q-network dense(h) → relu → dense(h) → relu → dense(3) and a target network synced every
 * {@code targetSync} updates. Trained from replay: for each recorded step every action's reward is known from
 * the next return, so the buffer holds all three (counterfactual replay, no exploration needed offline).
 *
 * <p>Reward for taking position {@code p = action.sign()} before a next-bar return {@code r} (percent):
 * {@code p·r − cost·|p|} plus the optional cooperative terms (weights default 0): alignment
 * {@code alignmentWeight · p · s_other} with the other buckets' consensus sign, and diversity
 * {@code diversityWeight · |p| · (1 − p · s_other) / 2}, which pays for positions that do not copy the others.
 */
public final class DqnAgent implements AutoCloseable {
    public static final String FILE = "dqn.params";

    /** Agent knobs. */
    public record Config(int hidden, double gamma, float learningRate, int batchSize, int targetSync, double costPct,
                         double alignmentWeight, double diversityWeight) {
        public static final Config DEFAULT = new Config(32, 0.5, 0.001f, 64, 100, 0.0, 0.0, 0.0);

        public Config {
            if (hidden < 2 || !(gamma >= 0 && gamma < 1) || !(learningRate > 0) || batchSize < 1 || targetSync < 1 || !(costPct >= 0)) {
                throw new IllegalArgumentException("DQN config out of range: " + this);
            }
        }
    }

    private final int stateDim;
    private final Config config;
    private final DjlNet online;
    private final DjlNet target;
    private final float[] q = new float[3];
    private long updates;

    public DqnAgent(int stateDim, Config config, long seed) {
        if (stateDim < 1 || config == null) {
            throw new IllegalArgumentException("stateDim >= 1 and config are required");
        }
        this.stateDim = stateDim;
        this.config = config;
        this.online = new DjlNet("dqn", block(config), new Shape(stateDim), 3, seed);
        this.target = new DjlNet("dqn-target", block(config), new Shape(stateDim), 3, seed);
        online.copyTo(target);
    }

    private static Block block(Config c) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(c.hidden()).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(c.hidden()).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(3).build());
    }

    public int stateDim() {
        return stateDim;
    }

    public Config config() {
        return config;
    }

    /** The reward of {@code action} given the next return (percent) and the other buckets' consensus sign. */
    public double reward(Action action, double nextReturnPct, int otherSign) {
        int p = action.sign();
        double r = p * nextReturnPct - config.costPct() * Math.abs(p);
        r += config.alignmentWeight() * p * otherSign;
        r += config.diversityWeight() * Math.abs(p) * (1 - p * otherSign) / 2.0;
        return r;
    }

    /**
     * Trains from a recorded episode: {@code states} (flat, {@code n × stateDim}), the return that followed
     * each state ({@code nextReturns[t]}, percent) and the other buckets' consensus sign per step (null = 0).
     *
     * @return the mean TD loss of the last 10 % of updates
     */
    public double trainFromReplay(float[] states, double[] nextReturns, int[] otherSigns, int updatesToRun, long seed, BooleanSupplier cancelled) {
        int n = nextReturns.length;
        if (states.length != n * stateDim || n < 2) {
            throw new IllegalArgumentException("need >= 2 steps with " + stateDim + " floats each (got " + states.length + " floats, " + n + " returns)");
        }
        Random rnd = new Random(seed);
        int b = config.batchSize();
        float[] xs = new float[b * stateDim];
        float[] next = new float[b * stateDim];
        float[] qs = new float[b * 3];
        float[] qn = new float[b * 3];
        double tail = 0;
        int tailCount = 0;
        Action[] actions = Action.values();
        for (int u = 0; u < updatesToRun; u++) {
            if (cancelled != null && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("DQN training cancelled at update " + u);
            }
            int[] ts = new int[b];
            for (int j = 0; j < b; j++) {
                ts[j] = rnd.nextInt(n - 1);
                System.arraycopy(states, ts[j] * stateDim, xs, j * stateDim, stateDim);
                System.arraycopy(states, (ts[j] + 1) * stateDim, next, j * stateDim, stateDim);
            }
            online.forwardBatch(xs, b, qs);
            target.forwardBatch(next, b, qn);
            for (int j = 0; j < b; j++) {
                int t = ts[j];
                boolean done = t + 1 >= n - 1;
                double maxNext = Math.max(qn[j * 3], Math.max(qn[j * 3 + 1], qn[j * 3 + 2]));
                for (Action a : actions) {
                    double tgt = reward(a, nextReturns[t], otherSigns == null ? 0 : otherSigns[t]) + (done ? 0 : config.gamma() * maxNext);
                    qs[j * 3 + a.ordinal()] = (float) tgt;
                }
            }
            double loss = online.fit(xs, qs, null, DjlNet.LossKind.L2, 1, b, config.learningRate(), seed + u, null, null);
            if (u >= updatesToRun * 9 / 10) {
                tail += loss;
                tailCount++;
            }
            if (++updates % config.targetSync() == 0) {
                online.copyTo(target);
            }
        }
        online.copyTo(target);
        return tailCount == 0 ? Double.NaN : tail / tailCount;
    }

    /** Q-values of one state (BUY, SELL, HOLD). */
    public float[] qValues(float[] state) {
        float[] out = new float[3];
        online.forward(state, out);
        return out;
    }

    /** Greedy action and its softmax(Q) confidence, as a {@link Decision}. */
    public Decision act(float[] state) {
        online.forward(state, q);
        int best = 0;
        for (int i = 1; i < 3; i++) {
            if (q[i] > q[best]) {
                best = i;
            }
        }
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += Math.exp(q[i] - q[best]);
        }
        return new Decision(Action.values()[best], 1.0 / s);
    }

    /** The agent's choice. */
    public record Decision(Action action, double confidence) {
    }

    public void save(Path dir) {
        online.save(dir.resolve(FILE));
    }

    public static DqnAgent load(Path dir, int stateDim, Config config) {
        DqnAgent a = new DqnAgent(stateDim, config, 0);
        try {
            a.online.load(dir.resolve(FILE));
            a.online.copyTo(a.target);
            return a;
        } catch (RuntimeException e) {
            a.close();
            throw e;
        }
    }

    @Override
    public void close() {
        online.close();
        target.close();
    }
}
