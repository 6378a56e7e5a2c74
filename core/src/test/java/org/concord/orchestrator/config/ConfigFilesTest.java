package org.concord.orchestrator.config;

import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigFilesTest {
    @TempDir
    Path dir;

    @Test
    void presetsLoadFromTheShippedYaml() {
        OrchestratorConfig min = ConfigFiles.preset("minimal");
        assertThat(min.preset()).isEqualTo("minimal");
        assertThat(min.modules()).isEmpty();
        assertThat(min.feedTrades()).isFalse();

        OrchestratorConfig full = ConfigFiles.preset("full");
        assertThat(full.modules()).extracting(ModuleEntry::id)
                .containsExactly("pivots", "extrema", "microstructure", "correlation", "neural-fusion", "training",
                        "market-analysis", "multi-timeframe", "supertrend", "alphatrend", "ichimoku", "qqe-ssl-wae", "turtle",
                        "mean-reversion", "trend", "composite", "macro-gate", "crash-pattern");
        assertThat(full.modules()).allMatch(ModuleEntry::enabled);
        // three instruments at once (one orchestrator each in a session): the bundled BTC trades, ETH 5m and Apple daily bars
        assertThat(full.symbols()).containsExactly(Symbol.of("BTCUSD"), Symbol.of("ETHUSD"), Symbol.of("AAPL"));
        assertThat(full.decisionTimeframe()).isEqualTo(Timeframe.M1);
        assertThat(full.module("pivots").orElseThrow().settings().get("levels").asInt()).isEqualTo(3);
        assertThat(full.faults()).isEqualTo(FaultPolicy.DEFAULT);

        OrchestratorConfig research = ConfigFiles.preset("research");
        assertThat(research.fusion().adaptiveWeights()).isTrue();
        assertThat(research.synchronous()).isTrue();
        assertThat(research.module("pivots").orElseThrow().settings().get("levels").asInt()).isEqualTo(4);

        assertThat(ConfigFiles.defaults().modules()).isEqualTo(full.modules());
        assertThatThrownBy(() -> ConfigFiles.preset("turbo")).hasMessageContaining("unknown preset 'turbo'");
    }

    @Test
    void brokenYamlNamesTheLine() throws Exception {
        Path f = dir.resolve("concord.yaml");
        Files.writeString(f, "orchestrator:\n  symbols: [BTCUSD\n  decisionTimeframe: 1m\n");
        assertThatThrownBy(() -> ConfigFiles.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("broken YAML").hasMessageMatching("(?s).*line [23].*");
    }

    @Test
    void unknownKeysAndBadValuesNameTheLineAndKey() {
        String typo = "orchestrator:\n  symbols: [BTCUSD]\n  faults:\n    budgetMicros: 500\n    maxStrike: 2\n";
        assertThatThrownBy(() -> ConfigFiles.parse(typo, "t.yaml"))
                .hasMessageStartingWith("t.yaml line 5 (orchestrator.faults.maxStrike): unknown key 'maxStrike'");
        String badTf = "orchestrator:\n  decisionTimeframe: 2m\n";
        assertThatThrownBy(() -> ConfigFiles.parse(badTf, "t.yaml"))
                .hasMessageStartingWith("t.yaml line 2 (orchestrator.decisionTimeframe): unknown timeframe '2m'");
        String badRange = "orchestrator:\n  faults:\n    maxStrikes: 0\n";
        assertThatThrownBy(() -> ConfigFiles.parse(badRange, "t.yaml"))
                .hasMessageStartingWith("t.yaml line 2 (orchestrator.faults)").hasMessageContaining("maxStrikes >= 1");
        String badWeight = "orchestrator:\n  modules:\n    - id: pivots\n    - id: extrema\n      weight: lots\n";
        assertThatThrownBy(() -> ConfigFiles.parse(badWeight, "t.yaml"))
                .hasMessageStartingWith("t.yaml line 5 (orchestrator.modules.1.weight): expected a number");
        String twice = "orchestrator:\n  modules:\n    - id: pivots\n    - id: pivots\n";
        assertThatThrownBy(() -> ConfigFiles.parse(twice, "t.yaml")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> ConfigFiles.parse("data: {}\n", "t.yaml")).hasMessageContaining("no 'orchestrator:' mapping");
    }

    @Test
    void saveKeepsOtherSectionsAndRoundTrips() throws Exception {
        Path f = dir.resolve("concord.yaml");
        Files.writeString(f, "ui:\n  theme: dark\norchestrator:\n  symbols: [BTCUSD]\n");
        OrchestratorConfig c = ConfigFiles.load(f).withModuleEnabled("pivots", true).withModuleEnabled("extrema", false);
        ConfigFiles.save(f, c);
        assertThat(Files.readString(f)).contains("theme: \"dark\"").doesNotContain(".tmp");
        OrchestratorConfig back = ConfigFiles.load(f);
        assertThat(back).isEqualTo(c);
        assertThat(back.module("extrema").orElseThrow().enabled()).isFalse();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("concord.yaml");
        }
        // a file that does not parse is not overwritten
        Files.writeString(f, "orchestrator: [\n");
        assertThatThrownBy(() -> ConfigFiles.save(f, c)).isInstanceOf(ConfigException.class);
        assertThat(Files.readString(f)).isEqualTo("orchestrator: [\n");
    }

    @Test
    void fullPresetRoundTripsThroughTheWriter() throws Exception {
        Path f = dir.resolve("c.yaml");
        OrchestratorConfig full = ConfigFiles.preset("full");
        ConfigFiles.save(f, full);
        assertThat(ConfigFiles.load(f)).isEqualTo(full);
        assertThat(List.of(ConfigFiles.PRESETS)).isNotEmpty();
    }
}
