package org.concord.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** DJL's PyTorch engine loads from the jars with no network and trains a tiny MLP (STACK.md recipe). */
class DjlOfflineSmokeTest {
    @Test
    void trainsTinyMlpOffline() {
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        // loading DjlNet first pins PyTorch to one intra-op thread before the engine starts (see DjlNet)
        org.concord.training.models.DjlNet.configureEngineThreads();
        assertThat(System.getProperty(org.concord.training.models.DjlNet.THREADS)).isEqualTo("1");
        assertThat(Engine.getInstance().getEngineName()).isEqualTo("PyTorch");
        SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(16).build())
                .add(Activation::relu).add(Linear.builder().setUnits(1).build());
        try (Model model = Model.newInstance("smoke"); NDManager m = NDManager.newBaseManager()) {
            model.setBlock(net);
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build());
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(32, 8));
                NDArray x = m.randomNormal(new Shape(32, 8));
                NDArray y = x.sum(new int[] {1}, true);
                float first = 0;
                float last = 0;
                for (int i = 0; i < 200; i++) {
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray loss = trainer.getLoss().evaluate(new ai.djl.ndarray.NDList(y), trainer.forward(new ai.djl.ndarray.NDList(x)));
                        gc.backward(loss);
                        if (i == 0) {
                            first = loss.getFloat();
                        }
                        last = loss.getFloat();
                    }
                    trainer.step();
                }
                assertThat(last).isLessThan(first * 0.2f);
            }
        }
    }
}
