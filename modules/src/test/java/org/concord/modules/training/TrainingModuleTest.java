package org.concord.modules.training;

import org.concord.model.Symbol;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.TrainingActivity;
import org.concord.orchestrator.TrainingStatusProvider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingModuleTest {
    private static final Symbol S = Symbol.of("BTCUSD");

    @Test
    void reportsIdleWithoutACoordinator() throws Exception {
        TrainingModule m = new ModuleFixture().init(new TrainingModule(), "", S);
        assertThat(m.status()).isEqualTo(TrainingActivity.IDLE);
        assertThat(m.features(S)).containsExactly(1, 0, 0, 0, 0);
        assertThat(m.predictions(S)).isEmpty();
        assertThat(m.command("status", Map.of())).startsWith("IDLE: no training coordinator attached");
        assertThat(m.command("trigger", Map.of())).isEqualTo("refused: no training coordinator attached");
        assertThatThrownBy(() -> m.command("explode", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        m.reset();
    }

    @Test
    void showsAndTriggersTheCoordinator() throws Exception {
        List<String> triggers = new ArrayList<>();
        TrainingStatusProvider coordinator = new TrainingStatusProvider() {
            @Override
            public TrainingActivity status() {
                return triggers.isEmpty() ? new TrainingActivity("IDLE", "waiting", 0, 2, "dqn/3")
                        : new TrainingActivity("TRAINING", "epoch 1", 1, 2, "dqn/3");
            }

            @Override
            public boolean trigger(String reason) {
                triggers.add(reason);
                return triggers.size() == 1;
            }
        };
        ModuleFixture f = new ModuleFixture();
        TrainingModule m = new TrainingModule();
        m.initialize(f.context("", List.of(S), Map.of(TrainingStatusProvider.class, coordinator)));
        assertThat(m.features(S)).containsExactly(1, 0, 0, 0, 2);
        assertThat(m.command("trigger", Map.of("reason", "manual"))).isEqualTo("triggered: manual");
        assertThat(m.command("trigger", Map.of())).isEqualTo("refused by the training coordinator");
        assertThat(triggers).containsExactly("manual", "requested");
        assertThat(m.features(S)).containsExactly(0, 1, 0, 1, 2);
        assertThat(m.command("status", Map.of())).isEqualTo("TRAINING: epoch 1 (queued 1, completed 2, last dqn/3)");
    }
}
