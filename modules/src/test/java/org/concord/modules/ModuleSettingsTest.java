package org.concord.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.config.ConcordConfig;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.ConfigException;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Modules declare their settings ({@code @ModuleInfo(settings = ...)}): a setting no module declares (a typo such as
 * extrema's {@code lagg}) is refused when the configuration is loaded, naming the file, the line and the key; and
 * every module declares exactly the keys its initialize reads.
 */
class ModuleSettingsTest {
    private final ModuleCatalog catalog = ModuleCatalog.fromClasspath();

    @Test
    void anUndeclaredSettingIsRefusedAtLoadNamingTheFileLineAndKey() {
        String yaml = "orchestrator:\n  modules:\n    - id: pivots\n    - id: extrema\n      settings:\n        lag: 5\n        lagg: 7\n";
        assertThatThrownBy(() -> ConcordConfig.parse(yaml, "concord.yaml", catalog)).isInstanceOf(ConfigException.class)
                .hasMessage("concord.yaml line 7 (orchestrator.modules.1.settings.lagg): module 'extrema' has no setting 'lagg' "
                        + "(it declares [decay, lag, timeframe, warmupBars])");
        assertThatThrownBy(() -> ConcordConfig.parse("orchestrator:\n  modules:\n    - id: training\n      settings: {every: 3}\n", "c.yaml", catalog))
                .hasMessageContaining("(orchestrator.modules.0.settings.every): module 'training' has no setting 'every' (it takes no settings)");
    }

    @Test
    void everyShippedPresetIsValid() throws Exception {
        for (String preset : ConfigFiles.PRESETS) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/concord/config/presets/" + preset + ".yaml")) {
                ConcordConfig.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), preset + ".yaml", catalog);
            }
        }
    }

    @Test
    void everyModuleDeclaresExactlyTheSettingsItReads() throws Exception {
        assertThat(catalog.entries()).hasSizeGreaterThanOrEqualTo(18);
        for (ModuleCatalog.Entry e : catalog.entries().values()) {
            Recording settings = new Recording();
            OrchestratorModule m = e.factory().get();
            m.initialize(new ModuleContext(null, settings, List.of(Symbol.of("BTCUSD")), Timeframe.M1, () -> Long.MIN_VALUE,
                    LoggerFactory.getLogger("test"), new ModuleContext.Services() {
                        @Override
                        public <T> Optional<T> get(Class<T> type) {
                            return Optional.empty();
                        }
                    }));
            m.close();
            assertThat(new TreeSet<>(settings.asked)).as(e.id()).isEqualTo(new TreeSet<>(e.settings()));
        }
    }

    /** An empty settings mapping that remembers every key a module asked for. */
    private static final class Recording extends ObjectNode {
        final Set<String> asked = new TreeSet<>();

        Recording() {
            super(JsonNodeFactory.instance);
        }

        @Override
        public JsonNode get(String name) {
            asked.add(name);
            return super.get(name);
        }

        @Override
        public JsonNode path(String name) {
            asked.add(name);
            return super.path(name);
        }
    }
}
