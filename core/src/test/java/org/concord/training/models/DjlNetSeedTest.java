package org.concord.training.models;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A net's initial weights come from its own seed; creating one never touches the engine's global generator. */
class DjlNetSeedTest {
    static DjlNet net(long seed) {
        return new DjlNet("seed-test", new SequentialBlock().add(Linear.builder().setUnits(8).build()).add(Activation::relu)
                .add(Linear.builder().setUnits(3).build()), new Shape(4), 3, seed);
    }

    static float[] out(DjlNet n) {
        float[] o = new float[3];
        n.forward(new float[] {0.3f, -1.2f, 0.7f, 2.0f}, o);
        return o;
    }

    static float[] globalDraw() {
        try (NDManager m = NDManager.newBaseManager()) {
            return m.randomUniform(0, 1, new Shape(16)).toFloatArray();
        }
    }

    @Test
    void creatingANetNeitherReseedsNorConsumesTheEnginesGenerator() {
        Engine.getInstance().setRandomSeed(123);
        float[] expected = globalDraw();
        Engine.getInstance().setRandomSeed(123);
        try (DjlNet n = net(5)) {
            assertThat(n.outputs()).isEqualTo(3);
        }
        assertThat(globalDraw()).as("another thread's draws are not disturbed by a net being created").containsExactly(expected);
    }

    @Test
    void theSameSeedGivesTheSameNetWhateverTheGlobalSeed() {
        Engine.getInstance().setRandomSeed(1);
        try (DjlNet a = net(5)) {
            Engine.getInstance().setRandomSeed(2);
            globalDraw();
            try (DjlNet b = net(5); DjlNet c = net(6)) {
                assertThat(out(b)).containsExactly(out(a));
                assertThat(out(c)).isNotEqualTo(out(a));
            }
        }
    }
}
