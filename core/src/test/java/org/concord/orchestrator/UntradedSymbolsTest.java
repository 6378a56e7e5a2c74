package org.concord.orchestrator;

import org.concord.config.ConcordConfig;
import org.concord.data.DataProvider;
import org.concord.feed.binance.BinanceFeed;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.Await;
import org.concord.testkit.exchange.LoopbackBinance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original fault: the Binance feed publishes BTCUSDT, the default orchestrator is configured for BTCUSD; bars close
 * and nothing decides. Now the orchestrator says so once (not per bar), and the configuration mapped onto the feed's
 * venue ({@link ConcordConfig#on}) decides on every bar with no warning.
 */
class UntradedSymbolsTest {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final String WARNING = "bars for BTCUSDT arrive but no orchestrator trades BTCUSDT: check orchestrator.symbols in concord.yaml";

    @TempDir
    Path dir;

    @Test
    void barsOfASymbolNobodyTradesAreReportedOnceAndTheVenueMappingDecidesOnThem() throws Exception {
        Path file = dir.resolve("concord.yaml");
        ConfigFiles.save(file, ConfigFiles.preset("minimal")); // symbols: [BTCUSD], as every shipped preset
        ConcordConfig config = ConcordConfig.load(file, ModuleCatalog.empty());

        Run unmapped = run(config.orchestrator(), "unmapped");
        assertThat(unmapped.decisions).as("BTCUSD is not what the feed publishes").isZero();
        assertThat(occurrences(unmapped.log, WARNING)).as("one warning for 10+ bars:\n" + unmapped.log).isEqualTo(1);

        Run mapped = run(config.on("binance").orchestrator(), "mapped");
        assertThat(mapped.decisions).as("BTCUSD traded as BTCUSDT on binance").isGreaterThanOrEqualTo(10);
        assertThat(mapped.log).doesNotContain("arrive but no orchestrator trades");
    }

    @Test
    void anInstrumentsOrchestratorDoesNotReportItsSiblingsBarsButAStrangersOnce() throws Exception {
        OrchestratorConfig cfg = ConfigFiles.preset("minimal"); // BTCUSD, ETHUSD, AAPL: one orchestrator each in a session
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("siblings.db"));
             DataProvider provider = new DataProvider(new BarStore(db));
             TradingOrchestrator eth = TradingOrchestrator.builder(cfg).data(provider).instrument(Symbol.of("ETHUSD"), Timeframe.M5).build()) {
            eth.start();
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try {
                for (int i = 0; i < 3; i++) {
                    eth.onBarClose(Symbol.of("BTCUSD"), Timeframe.M1, 1_385_337_600_000L + i * 60_000L, 100, 101, 99, 100, 1);
                    eth.onBarClose(Symbol.of("SOLUSD"), Timeframe.M1, 1_385_337_600_000L + i * 60_000L, 10, 11, 9, 10, 1);
                }
            } finally {
                System.setErr(err);
            }
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(text).as("BTCUSD is decided by its own orchestrator").doesNotContain("bars for BTCUSD arrive");
        assertThat(occurrences(text, "bars for SOLUSD arrive but no orchestrator trades SOLUSD")).as(text).isEqualTo(1);
        assertThat(text).contains("it trades [BTCUSD, ETHUSD, AAPL]");
    }

    private record Run(long decisions, String log) {
    }

    private Run run(OrchestratorConfig cfg, String name) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(3000);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve(name + ".db"));
             DataProvider provider = new DataProvider(new BarStore(db));
             TradingOrchestrator orch = TradingOrchestrator.builder(cfg).data(provider).build()) {
            orch.start();
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            try (BinanceFeed feed = BinanceFeed.connect(ex.feedConfig().intervals(Timeframe.M1).initialBackfillBars(5).build(), provider)) {
                assertThat(ex.stream().awaitOpened(1, WAIT)).isTrue();
                ex.advance(6);
                long last = ex.closedKlines(LoopbackBinance.BTCUSDT, Timeframe.M1).get(ex.closedKlines(LoopbackBinance.BTCUSDT, Timeframe.M1).size() - 1)
                        .openTime();
                Await.until(WAIT, () -> provider.store().range(LoopbackBinance.BTCUSDT, Timeframe.M1) != null
                        && provider.store().range(LoopbackBinance.BTCUSDT, Timeframe.M1)[1] == last, () -> "the last bar stored");
                assertThat(orch.awaitIdle(10, TimeUnit.SECONDS)).isTrue();
            } finally {
                System.setErr(err);
            }
            return new Run(orch.decisions(), log.toString(StandardCharsets.UTF_8));
        }
    }

    private static int occurrences(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
