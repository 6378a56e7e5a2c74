package org.concord.orchestrator;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.module.ModuleState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The bus events are plain records: they survive a JSON round trip unchanged (what the Redis bus will send). */
class EventsJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    private <T> void roundTrip(T value, Class<T> type) throws Exception {
        String text = json.writeValueAsString(value);
        assertThat(json.readValue(text, type)).isEqualTo(value);
    }

    @Test
    void orchestratorEventsRoundTrip() throws Exception {
        Decision d = new Decision(7, Symbol.of("BTCUSD"), Timeframe.M1, 1_385_337_660_000L, 800.5, Action.BUY, 0.4, 0.4,
                "rule", List.of(new Contribution("pivots", Action.BUY, 0.8, 1.0, 0.8, 1.0, Timeframe.M1, 600_000, 0.7)));
        roundTrip(d, Decision.class);
        roundTrip(new ModuleStateChanged("pivots", ModuleState.RUNNING, ModuleState.ERROR, "threw", 6, 1L), ModuleStateChanged.class);
        roundTrip(new ModuleCommand("training", "trigger", Map.of("reason", "manual")), ModuleCommand.class);
        ModuleStatus st = new ModuleStatus("pivots", "module", "", "Williams", ModuleState.RUNNING, "", true, 1.0, 10, 0, 2,
                3.5, 12.0, "BUY 0.33", List.of("pivots.l1.trend"));
        roundTrip(new ModuleStatusReport(7, 1L, "full", List.of(st)), ModuleStatusReport.class);
        assertThat(OrchestratorTopics.DECISIONS.durable()).isTrue();
        assertThat(OrchestratorTopics.MODULE_STATUS.durable()).isFalse();
    }
}
