package org.concord.app.modules;

import org.concord.orchestrator.ModuleStatus;
import org.concord.orchestrator.module.ModuleState;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleRowTest {
    private static ModuleStatus status(ModuleState state, String last) {
        return new ModuleStatus("extrema", "module", "", "", state, "", state != ModuleState.DISABLED, 1.0, 100, 0, 0, 10, 30, last, List.of());
    }

    @Test
    void aStoppedSourcesLastOutputIsMarkedAsNotCurrent() {
        String said = "BUY 0.90 · local min 961.18 confirmed 1 bars ago";
        assertThat(ModuleRow.of(status(ModuleState.RUNNING, said), Double.NaN).lastOutput()).isEqualTo(said);
        assertThat(ModuleRow.of(status(ModuleState.DISABLED, said), Double.NaN).lastOutput()).isEqualTo(ModuleRow.STOPPED + said);
        assertThat(ModuleRow.of(status(ModuleState.ERROR, said), Double.NaN).lastOutput()).startsWith("(not running) BUY 0.90");
        assertThat(ModuleRow.of(status(ModuleState.DISABLED, ""), Double.NaN).lastOutput()).isEmpty();
    }
}
