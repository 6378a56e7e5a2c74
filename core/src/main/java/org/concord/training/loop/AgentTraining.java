package org.concord.training.loop;

import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.DqnAgent;
import org.concord.training.models.MetaFeatures;

import java.util.function.BooleanSupplier;

/**
 * Trains the DQN agent from a replay of the samples in time order: the state of sample t is its
 * {@link MetaFeatures} vector (frame window + the deployed CNN's probabilities), the PnL input is the labelled
 * return over its horizon. The CNN's probabilities are in-sample for the rows it was trained on: the agent's
 * figures are not out-of-sample evidence.
 */
public final class AgentTraining {
    private AgentTraining() {
    }

    public static DqnAgent train(SampleSet s, CnnSignalModel cnn, DqnAgent.Config config, long seed, BooleanSupplier cancelled) {
        int width = MetaFeatures.length(s.spec());
        int n = s.size();
        int len = s.spec().inputLength();
        float[] states = new float[n * width];
        float[] probs = new float[3];
        float[] row = new float[len];
        for (int i = 0; i < n; i++) {
            System.arraycopy(s.x(), i * len, row, 0, len);
            cnn.probabilities(row, probs);
            MetaFeatures.compute(s.spec(), s.x(), i * len, probs, 0, states, i * width);
        }
        DqnAgent agent = new DqnAgent(width, config, seed);
        try {
            int updates = Math.max(200, Math.min(3_000, n / 2));
            agent.trainFromReplay(states, s.returnsPct(), null, updates, seed, cancelled);
            return agent;
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
    }
}
