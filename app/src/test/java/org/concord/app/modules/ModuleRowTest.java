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

    /** The desk's Kind column read "model none" for a model with no version in use. */
    @Test
    void aModelWithoutAVersionSaysSoInWords() {
        ModuleStatus cold = new ModuleStatus("cnn-btcusd", "model", "none", "", ModuleState.RUNNING, "", true, 1.0, 100, 0, 0, 10, 30, "", List.of());
        ModuleStatus trained = new ModuleStatus("cnn-btcusd", "model", "v000002", "", ModuleState.RUNNING, "", true, 1.0, 100, 0, 0, 10, 30, "", List.of());
        assertThat(ModuleRow.of(cold, Double.NaN).kind()).isEqualTo("model (no model yet)");
        assertThat(ModuleRow.of(trained, Double.NaN).kind()).isEqualTo("model v000002");
        assertThat(ModuleRow.of(status(ModuleState.RUNNING, ""), Double.NaN).kind()).isEqualTo("module");
        assertThat(ModuleRow.version("none")).as("the Models table's Version column").isEqualTo("no model yet");
        assertThat(ModuleRow.version("v000001")).isEqualTo("v000001");
    }

    /**
     * A source that runs no more shows no share of the votes: switched off (or never loaded) with the replay paused, its
     * row kept the last decision's "1.0 · 25%" beside "DISABLED" (a new trader's trial).
     */
    @Test
    void aSourceThatRunsNoMoreShowsNoShareOfTheVotes() {
        ModuleRow running = ModuleRow.of(status(ModuleState.RUNNING, ""), 0.25);
        assertThat(running.share()).isEqualTo(0.25);
        assertThat(running.withState(ModuleState.DISABLED, "switched off").share()).isNaN();
        assertThat(ModuleRow.of(status(ModuleState.NOT_LOADED, ""), 0.26).share()).isNaN();
        assertThat(ModuleRow.of(status(ModuleState.DISABLED, ""), Double.NaN).withShare(0.18).share()).isNaN();
        assertThat(running.withState(ModuleState.ERROR, "failed").withState(ModuleState.RUNNING, "").withShare(0.3).share()).isEqualTo(0.3);
    }
}
