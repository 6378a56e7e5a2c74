package org.concord.config;

import org.concord.instrument.Instrument;
import org.concord.model.Symbol;
import org.concord.orchestrator.config.ConfigException;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.module.ModuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The instruments: section of concord.yaml: the shipped defaults map BTCUSD to Binance's BTCUSDT even in a file written
 * from a preset (no section), a file's entries add to or replace them, a bad entry names its line and field, and the
 * orchestrator's symbols become the feed venue's.
 */
class InstrumentsSectionTest {
    static final Symbol BTCUSD = Symbol.of("BTCUSD");
    static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

    @TempDir
    Path dir;

    @Test
    void aFileWrittenFromAPresetTradesBtcusdAsBtcusdtOnBinance() {
        Path f = dir.resolve("concord.yaml");
        ConfigFiles.save(f, ConfigFiles.preset("full")); // what a new data directory gets
        ConcordConfig c = ConcordConfig.load(f, ModuleCatalog.empty());
        Instrument btc = c.instruments().listing(BTCUSD, "binance").orElseThrow();
        assertThat(btc.venueSymbol()).isEqualTo(BTCUSDT);
        assertThat(btc.quoteAsset()).isEqualTo("USDT");
        assertThat(btc.minNotional()).isEqualByComparingTo("5");
        // the presets hold three instruments; each is mapped on its own (AAPL has no Binance listing: it keeps its name)
        Symbol eth = Symbol.of("ETHUSD");
        Symbol aapl = Symbol.of("AAPL");
        assertThat(c.orchestrator().symbols()).containsExactly(BTCUSD, eth, aapl);
        assertThat(c.on("binance").orchestrator().symbols()).as("the orchestrator trades what the Binance feed publishes")
                .containsExactly(BTCUSDT, Symbol.of("ETHUSDT"), aapl);
        assertThat(c.on("bitstamp").orchestrator().symbols()).containsExactly(BTCUSD, eth, aapl);
        assertThat(c.on(null).orchestrator().symbols()).containsExactly(BTCUSD, eth, aapl);
        assertThat(c.on(ConfigFiles.preset("minimal"), "binance").symbols()).containsExactly(BTCUSDT, Symbol.of("ETHUSDT"), aapl);
    }

    @Test
    void aFileAddsAndReplacesListings() {
        ConcordConfig c = ConcordConfig.parse("orchestrator:\n  symbols: [BTCUSD, SOLUSD]\ninstruments:\n"
                + "  - {symbol: BTCUSD, venue: binance, venueSymbol: BTCFDUSD, base: BTC, quote: FDUSD, tickSize: 0.01, stepSize: 0.00001}\n"
                + "  - {symbol: SOLUSD, venue: binance, venueSymbol: SOLUSDT, base: SOL, quote: USDT, tickSize: '0.01', stepSize: 0.001, minNotional: 5}\n",
                "t.yaml", ModuleCatalog.empty());
        assertThat(c.instruments().venueSymbol(BTCUSD, "binance")).isEqualTo(Symbol.of("BTCFDUSD"));
        assertThat(c.instruments().find("binance", BTCUSDT)).as("the default listing of BTCUSD on binance was replaced").isEmpty();
        assertThat(c.instruments().listing(BTCUSD, "binance").orElseThrow().minNotional()).isEqualByComparingTo("0");
        assertThat(c.on("binance").orchestrator().symbols()).containsExactly(Symbol.of("BTCFDUSD"), Symbol.of("SOLUSDT"));
        assertThat(c.instruments().venueSymbol(Symbol.of("ETHUSD"), "binance")).as("defaults still there").isEqualTo(Symbol.of("ETHUSDT"));
    }

    @Test
    void aBadEntryNamesItsLineAndField() {
        String head = "orchestrator:\n  symbols: [BTCUSD]\ninstruments:\n";
        assertThatThrownBy(() -> ConcordConfig.parse(head + "  - {symbol: BTCUSD, venue: binance, base: BTC, quote: USDT, tickSize: 0, stepSize: 1}\n",
                "t.yaml", ModuleCatalog.empty())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("t.yaml line 4 (instruments.0): instrument BTCUSD: tickSize must be > 0, got 0");
        assertThatThrownBy(() -> ConcordConfig.parse(head + "  - symbol: BTCUSD\n    venue: binance\n    base: BTC\n    quote: USDT\n"
                + "    tickSize: 0.01\n    stepSize: tiny\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageStartingWith("t.yaml line 9 (instruments.0.stepSize): 'stepSize' must be a decimal number, got 'tiny'");
        assertThatThrownBy(() -> ConcordConfig.parse(head + "  - {symbol: BTCUSD, venue: binance, base: BTC, quote: USDT, tick: 0.01, stepSize: 1}\n",
                "t.yaml", ModuleCatalog.empty())).hasMessageStartingWith("t.yaml line 4 (instruments.0.tick): unknown key 'tick'");
        assertThatThrownBy(() -> ConcordConfig.parse(head + "  - {symbol: BTCUSD, base: BTC, quote: USDT, tickSize: 0.01, stepSize: 1}\n",
                "t.yaml", ModuleCatalog.empty())).hasMessageStartingWith("t.yaml line 4 (instruments.0): 'venue' is required");
        assertThatThrownBy(() -> ConcordConfig.parse(head + "  - {symbol: BTCUSD, venue: binance, venueSymbol: 'BTC USDT!', base: BTC, quote: USDT, "
                + "tickSize: 0.01, stepSize: 1}\n", "t.yaml", ModuleCatalog.empty())).hasMessageStartingWith("t.yaml line 4 (instruments.0.venueSymbol)");
        assertThatThrownBy(() -> ConcordConfig.parse(head + "  - {symbol: BTCUSD, venue: binance, venueSymbol: BTCUSDT, base: BTC, quote: USDT, tickSize: 0.01, stepSize: 1}\n"
                + "  - {symbol: XBTUSD, venue: binance, venueSymbol: BTCUSDT, base: BTC, quote: USDT, tickSize: 0.01, stepSize: 1}\n",
                "t.yaml", ModuleCatalog.empty())).hasMessageStartingWith("t.yaml line 5 (instruments.1): BTCUSDT on binance is listed twice (as BTCUSD and as XBTUSD)");
        assertThatThrownBy(() -> ConcordConfig.parse(head + "  BTCUSD: binance\n", "t.yaml", ModuleCatalog.empty()))
                .hasMessageStartingWith("t.yaml line 3 (instruments): expected a list of instruments");
    }
}
