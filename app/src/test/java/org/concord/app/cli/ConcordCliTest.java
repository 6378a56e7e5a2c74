package org.concord.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.bench.DecisionFigures;
import org.concord.engine.BotModeStore;
import org.concord.testkit.RealBars;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ConcordCliTest {
    @TempDir
    Path dir;

    @Test
    void replayWritesTheRealBarsAndExportReadsThemBackFromTheStore() throws Exception {
        Path csv = dir.resolve("out/bars.csv");
        int rc = ConcordCli.execute("replay", "--data-dir", dir.resolve("data").toString(), "--timeframe", "1h", "--out", csv.toString());
        assertThat(rc).isZero();
        List<String> lines = Files.readAllLines(csv);
        var expected = RealBars.bitstamp(Timeframe.H1);
        assertThat(lines).hasSize(expected.size() + 1);
        assertThat(lines.get(1)).startsWith(expected.time(0) + "," + expected.open(0) + ",");

        Path json = dir.resolve("bars.json");
        rc = ConcordCli.execute("export", "--data-dir", dir.resolve("data").toString(), "--symbol", "BTCUSD",
                "--timeframe", "1d", "--from", "2013-11-26", "--to", "2013-11-28", "--out", json.toString());
        assertThat(rc).isZero();
        String text = Files.readString(json);
        assertThat(text).contains("\"timeframe\" : \"1d\"").contains("\"schema\" : 1");
        assertThat(text.split("\"openTime\"").length - 1).isEqualTo(3);
    }

    @Test
    void badUsageGivesExitCodeTwoAndRuntimeFailureOne() {
        assertThat(ConcordCli.execute("replay", "--speed")).isEqualTo(2);
        assertThat(ConcordCli.execute("nonsense")).isEqualTo(2);
        assertThat(ConcordCli.execute("export", "--data-dir", dir.toString(), "--symbol", "NOPE", "--out", dir.resolve("x.csv").toString())).isEqualTo(1);
        assertThat(ConcordCli.execute("replay", "--data-dir", dir.toString(), "--timeframe", "7m")).isEqualTo(1);
        assertThat(ConcordCli.execute("--version")).isZero();
        // serve's bot switch: live needs a venue serve does not connect; an unknown mode is refused
        assertThat(ConcordCli.execute("serve", "--data-dir", dir.toString(), "--bot", "live")).isEqualTo(1);
        assertThat(ConcordCli.execute("serve", "--data-dir", dir.toString(), "--bot", "maybe")).isEqualTo(1);
        assertThat(dir.resolve(BotModeStore.FILE_NAME)).doesNotExist();
    }

    @Test
    void benchMeasuresWithTheSharedCodeAndWritesJson() throws Exception {
        Path json = dir.resolve("bench.json");
        int rc = ConcordCli.execute("bench", "--quick", "--only", "aggregation,decisions", "--presets", "minimal", "--out", json.toString());
        assertThat(rc).isZero();
        var doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("machine").asText()).contains("cores");
        var names = new ArrayList<String>();
        doc.get("figures").forEach(f -> {
            names.add(f.get("group").asText() + ": " + f.get("name").asText());
            assertThat(f.get("value").asDouble()).isPositive();
        });
        assertThat(names).anyMatch(n -> n.startsWith("aggregation: trades/s"))
                .anyMatch(n -> n.startsWith("decisions: latency p99, minimal"))
                .anyMatch(n -> n.startsWith("decisions: steady-state latency p99.9, minimal"))
                .anyMatch(n -> n.startsWith("decisions: paced latency p99.9, minimal"))
                .anyMatch(n -> n.startsWith("decisions: decisions/s end to end, minimal"));
        // the paced figure really is paced: at most one 1m decision per minute of data, 60,000x is 1,000 a second
        // (at max speed the minimal preset makes tens of thousands), with a little slack for the switch of speed
        assertThat(doc.get("figures")).filteredOn(f -> f.get("name").asText().startsWith("paced decisions/s"))
                .singleElement().satisfies(f -> assertThat(f.get("value").asDouble()).isPositive().isLessThan(DecisionFigures.PACED_SPEED / 60 * 1.05));
        assertThat(ConcordCli.execute("bench", "--only", "nope")).isEqualTo(1);
        assertThat(ConcordCli.execute("bench", "--presets", "huge")).isEqualTo(1);
    }
}
