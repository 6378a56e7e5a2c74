package org.concord.config;

import org.concord.execution.SizingConfig;
import org.concord.feed.binance.BinanceConfig;
import org.concord.model.Symbol;
import org.concord.orchestrator.config.ConfigException;
import org.concord.orchestrator.module.ModuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole concord.yaml: the binance: section reaches the feed's configuration (a testnet, a mirror, a proxy), and
 * an unknown section, an unknown key or a bad value is refused naming the file, the line and the key.
 */
class ConcordConfigTest {
    static final String ORCH = "orchestrator:\n  symbols: [BTCUSDT]\n";

    @TempDir
    Path dir;

    @Test
    void theBinanceSectionIsWhatTheFeedConnectsTo() throws Exception {
        Path f = dir.resolve("concord.yaml");
        Files.writeString(f, ORCH + "binance:\n  restUrl: https://testnet.binance.vision\n  wsUrl: wss://testnet.binance.vision/ws-proxy\n"
                + "  reconnectMaxMs: 5000\n  aggTrades: false\n");
        ConcordConfig c = ConcordConfig.load(f, ModuleCatalog.empty());
        BinanceConfig feed = c.binance().symbol(Symbol.of("BTCUSDT")).build();
        assertThat(feed.restUrl()).isEqualTo(URI.create("https://testnet.binance.vision"));
        assertThat(feed.wsUrl()).isEqualTo(URI.create("wss://testnet.binance.vision/ws-proxy"));
        assertThat(feed.reconnectMax()).isEqualTo(Duration.ofMillis(5000));
        assertThat(feed.aggTrades()).isFalse();
        assertThat(c.binance().symbol(Symbol.of("ETHUSDT")).build().symbols()).as("a fresh builder each time").containsExactly(Symbol.of("ETHUSDT"));
        assertThat(c.orchestrator().symbols()).containsExactly(Symbol.of("BTCUSDT"));
        // no section: Binance's public endpoints
        assertThat(ConcordConfig.parse(ORCH, "t.yaml", ModuleCatalog.empty()).binance().symbol(Symbol.of("BTCUSDT")).build().restUrl())
                .isEqualTo(BinanceConfig.DEFAULT_REST_URL);
    }

    @Test
    void theTradingSectionSetsRiskLimitsAndSizingAndBadValuesNameTheLine() {
        ConcordConfig c = ConcordConfig.parse(ORCH + "trading:\n  sizing: kelly\n  risk:\n    maxOrderFraction: 0.1\n    costBufferBps: 12\n",
                "t.yaml", ModuleCatalog.empty());
        assertThat(c.trading().sizing()).isEqualTo(SizingConfig.Method.KELLY);
        assertThat(c.trading().limits().maxOrderFraction()).isEqualTo(0.1);
        assertThat(c.trading().limits().costBufferBps()).isEqualTo(12);
        assertThat(c.trading().limits().maxAssetExposure()).as("not named: default").isEqualTo(0.5);
        assertThatThrownBy(() -> ConcordConfig.parse(ORCH + "trading:\n  sizing: martingale\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageStartingWith("t.yaml line 4 (trading.sizing): sizing must be one of fixed-fractional, kelly");
        assertThatThrownBy(() -> ConcordConfig.parse(ORCH + "trading:\n  risk:\n    maxOrderFraction: -1\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageStartingWith("t.yaml line 5 (trading.risk.maxOrderFraction): maxOrderFraction must be in (0, 10]");
        assertThatThrownBy(() -> ConcordConfig.parse(ORCH + "trading:\n  risk:\n    maxDailyLoss: 0.1\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageContaining("unknown risk limit 'maxDailyLoss'");
    }

    @Test
    void unknownSectionsKeysAndBadValuesNameTheFileLineAndKey() {
        assertThatThrownBy(() -> ConcordConfig.parse(ORCH + "bnance:\n  restUrl: https://x\n", "t.yaml", ModuleCatalog.empty()))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("t.yaml line 3 (bnance): unknown key 'bnance'");
        assertThatThrownBy(() -> ConcordConfig.parse(ORCH + "binance:\n  restURL: https://x\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageStartingWith("t.yaml line 4 (binance.restURL): unknown binance config key 'restURL'");
        assertThatThrownBy(() -> ConcordConfig.parse(ORCH + "binance:\n  pageSize: 10\n  reconnectJitter: lots\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageStartingWith("t.yaml line 5 (binance.reconnectJitter): binance config 'reconnectJitter' must be a number");
        assertThatThrownBy(() -> ConcordConfig.parse(ORCH + "binance:\n  restUrl: ftp://mirror\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageStartingWith("t.yaml line 4 (binance.restUrl)");
        assertThatThrownBy(() -> ConcordConfig.parse(ORCH + "binance:\n  reconnectInitialMs: 9000\n  reconnectMaxMs: 100\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageStartingWith("t.yaml line 3 (binance): reconnectMax");
        assertThatThrownBy(() -> ConcordConfig.parse(ORCH + "binance: [a, b]\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageStartingWith("t.yaml line 3 (binance): expected a mapping");
        assertThatThrownBy(() -> ConcordConfig.parse("orchestrator:\n  faults:\n    maxStrike: 3\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageStartingWith("t.yaml line 3 (orchestrator.faults.maxStrike): unknown key 'maxStrike'");
    }

    @Test
    void aMissingOrUnreadableFileIsAConfigurationError() throws Exception {
        assertThatThrownBy(() -> ConcordConfig.load(dir.resolve("nope.yaml"), ModuleCatalog.empty()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("nope.yaml: cannot read");
        Path latin = dir.resolve("latin.yaml");
        Files.write(latin, new byte[] {'o', 'r', 'c', 'h', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> ConcordConfig.load(latin, ModuleCatalog.empty())).hasMessageContaining("latin.yaml: not UTF-8 text");
    }
}
