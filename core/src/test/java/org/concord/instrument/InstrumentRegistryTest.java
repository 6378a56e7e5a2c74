package org.concord.instrument;

import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instruments fail loudly on bad values; the registry maps our symbols to venue symbols and back, and takes a venue's listing. */
class InstrumentRegistryTest {
    static final Symbol BTCUSD = Symbol.of("BTCUSD");
    static final Symbol BTCUSDT = Symbol.of("BTCUSDT");

    static Instrument binanceBtc(String tick, String step, String minNotional) {
        return new Instrument(BTCUSD, "binance", BTCUSDT, "BTC", "USDT", new BigDecimal(tick), new BigDecimal(step), new BigDecimal(step),
                new BigDecimal(minNotional));
    }

    @Test
    void badValuesFailWhereTheInstrumentIsMade() {
        assertThatThrownBy(() -> binanceBtc("0", "0.00001", "5")).hasMessageContaining("BTCUSD: tickSize must be > 0, got 0");
        assertThatThrownBy(() -> binanceBtc("0.01", "-1", "5")).hasMessageContaining("stepSize must be > 0");
        assertThatThrownBy(() -> binanceBtc("0.01", "0.00001", "-5")).hasMessageContaining("minNotional must be >= 0");
        assertThatThrownBy(() -> new Instrument(BTCUSD, "Bin ance", BTCUSDT, "BTC", "USDT", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.ZERO)).hasMessageContaining("venue must be a lower-case name");
        assertThatThrownBy(() -> new Instrument(BTCUSD, "binance", BTCUSDT, "BTC", "BTC", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.ZERO)).hasMessageContaining("base and quote asset are both BTC");
        assertThatThrownBy(() -> new Instrument(BTCUSD, "binance", BTCUSDT, "", "USDT", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO,
                BigDecimal.ZERO)).hasMessageContaining("baseAsset must be 1-20 letters/digits");
    }

    @Test
    void roundsOntoTheGridAndRefusesBelowTheMinimums() {
        Instrument i = binanceBtc("0.01", "0.00001", "5");
        assertThat(i.roundQuantity(0.0123456)).isEqualByComparingTo("0.01234");
        assertThat(i.roundPrice(20000.016, true)).isEqualByComparingTo("20000.01");
        assertThat(i.roundPrice(20000.011, false)).isEqualByComparingTo("20000.02");
        assertThat(i.refusal(new BigDecimal("0.01"), 20000)).isNull();
        assertThat(i.refusal(new BigDecimal("0.0002"), 20000)).isEqualTo("BTCUSDT on binance: notional 4.00 USDT below the minimum 5 USDT");
        assertThat(i.refusal(BigDecimal.ZERO, 20000)).startsWith("BTCUSDT on binance: quantity 0 below the minimum 0.00001");
        assertThat(i.refusal(new BigDecimal("0.01"), 0)).contains("no price yet to check the minimum notional 5 USDT");
    }

    @Test
    void looksUpByOurSymbolAndByTheVenueSymbol() {
        Instrument replay = new Instrument(BTCUSD, "bitstamp", BTCUSD, "BTC", "USD", new BigDecimal("0.01"), new BigDecimal("0.00000001"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        InstrumentRegistry r = InstrumentRegistry.of(List.of(replay, binanceBtc("0.01", "0.00001", "5")));
        assertThat(r.venueSymbol(BTCUSD, "binance")).isEqualTo(BTCUSDT);
        assertThat(r.venueSymbol(BTCUSD, "bitstamp")).isEqualTo(BTCUSD);
        assertThat(r.venueSymbol(Symbol.of("SOLUSDT"), "binance")).as("not listed: traded under its own name").isEqualTo(Symbol.of("SOLUSDT"));
        assertThat(r.ours("binance", BTCUSDT)).isEqualTo(BTCUSD);
        assertThat(r.find("binance", BTCUSDT).orElseThrow().quoteAsset()).isEqualTo("USDT");
        assertThat(r.listing(BTCUSDT, "binance")).as("the venue's own name finds the listing too").contains(r.find("binance", BTCUSDT).orElseThrow());
        assertThat(r.listing(BTCUSD, "kraken")).isEmpty();
        assertThat(r.listings(BTCUSD)).hasSize(2);
        assertThatThrownBy(() -> InstrumentRegistry.of(List.of(binanceBtc("0.01", "0.00001", "5"), binanceBtc("0.1", "0.001", "10"))))
                .hasMessageContaining("BTCUSDT on binance is listed twice");
        assertThatThrownBy(() -> InstrumentRegistry.of(List.of(binanceBtc("0.01", "0.00001", "5"),
                new Instrument(BTCUSD, "binance", Symbol.of("BTCBUSD"), "BTC", "BUSD", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO))))
                .hasMessageContaining("BTCUSD has two listings on binance: BTCUSDT and BTCBUSD");
    }

    @Test
    void aVenueListingReplacesTheConfiguredGridAndKeepsOurSymbol() {
        InstrumentRegistry configured = InstrumentRegistry.of(List.of(binanceBtc("0.01", "0.00001", "5")));
        Instrument listed = new Instrument(BTCUSDT, "binance", BTCUSDT, "BTC", "USDT", new BigDecimal("0.1"), new BigDecimal("0.001"),
                new BigDecimal("0.001"), new BigDecimal("10"));
        Instrument eth = new Instrument(Symbol.of("ETHUSDT"), "binance", Symbol.of("ETHUSDT"), "ETH", "USDT", new BigDecimal("0.01"),
                new BigDecimal("0.0001"), new BigDecimal("0.0001"), new BigDecimal("5"));
        InstrumentRegistry r = configured.withListings(List.of(listed, eth));
        Instrument btc = r.listing(BTCUSD, "binance").orElseThrow();
        assertThat(btc.symbol()).isEqualTo(BTCUSD);
        assertThat(btc.tickSize()).isEqualByComparingTo("0.1");
        assertThat(btc.minNotional()).isEqualByComparingTo("10");
        assertThat(r.ours("binance", Symbol.of("ETHUSDT"))).as("listed, not configured: under the venue's name").isEqualTo(Symbol.of("ETHUSDT"));
        assertThat(configured.listing(BTCUSD, "binance").orElseThrow().tickSize()).as("immutable").isEqualByComparingTo("0.01");
    }
}
