package org.concord.execution.binance;

import org.concord.config.ConcordConfig;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Presets, configuration sections and the filter arithmetic, without a network. */
class BinanceSpotConfigTest {
    static final Symbol BTC = Symbol.of("BTCUSDT");

    @Test
    void testnetAndLivePresetsPointAtBinance() {
        BinanceSpotConfig t = BinanceSpotConfig.testnet().instruments(ConcordConfig.defaultInstruments()).symbols(BTC).build();
        assertThat(t.restUrl()).hasToString("https://testnet.binance.vision");
        assertThat(t.wsUrl()).hasToString("wss://stream.testnet.binance.vision");
        assertThat(t.venue()).isEqualTo("binance-testnet");
        assertThat(t.isLive()).isFalse();
        BinanceSpotConfig l = BinanceSpotConfig.live().instruments(ConcordConfig.defaultInstruments()).symbols(BTC).build();
        assertThat(l.restUrl()).hasToString("https://api.binance.com");
        assertThat(l.wsUrl()).hasToString("wss://stream.binance.com:9443");
        assertThat(l.venue()).isEqualTo("binance");
        assertThat(l.isLive()).isTrue();
        assertThat(l.keepAliveInterval()).isEqualTo(Duration.ofMinutes(30));
        assertThat(l.recvWindow()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void anIncompleteOrWrongConfigurationIsRefusedClearly() {
        var instruments = ConcordConfig.defaultInstruments();
        assertThatThrownBy(() -> BinanceSpotConfig.testnet().instruments(instruments).symbols(BTC).recvWindow(Duration.ofSeconds(70)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60 s");
        assertThatThrownBy(() -> BinanceSpotConfig.testnet().instruments(instruments).symbols(Symbol.of("ETHBTC")).build())
                .hasMessageContaining("not quoted in USDT");
        assertThatThrownBy(() -> BinanceSpotConfig.testnet().build()).hasMessageContaining("at least one symbol");
        assertThatThrownBy(() -> BinanceSpotConfig.testnet().symbols(BTC).build()).as("no default listings: the file's are passed")
                .hasMessageContaining("instrument listings of the configuration");
    }

    static SymbolRules btcusdt() {
        return new SymbolRules(BTC, "BTC", "USDT", "TRADING", new BigDecimal("0.01"), new BigDecimal("1000000"), new BigDecimal("0.01"),
                new BigDecimal("0.00001"), new BigDecimal("9000"), new BigDecimal("0.00001"), new BigDecimal("5"), true);
    }

    @Test
    void quantitiesRoundDownOntoTheStepAndPricesTowardTheSafeSide() {
        SymbolRules r = btcusdt();
        assertThat(r.roundQuantity(0.123456789)).isEqualByComparingTo("0.12345");
        assertThat(r.roundQuantity(0.1)).isEqualByComparingTo("0.1"); // 0.1 is not exact in binary: no off-by-one-step
        assertThat(r.roundQuantity(0.000001)).as("below minQty: kept so the bound check names it").isEqualByComparingTo("0.000001");
        assertThat(r.roundPrice(100.129, true)).isEqualByComparingTo("100.12");
        assertThat(r.roundPrice(100.121, false)).isEqualByComparingTo("100.13");
        assertThat(r.roundPrice(100.12, false)).isEqualByComparingTo("100.12");

        ExchangeFilters f = new ExchangeFilters(List.of(r));
        ExchangeFilters.Result ok = f.apply(OrderRequest.limit("a", BTC, OrderSide.BUY, 0.0500009, 100.129), 0);
        assertThat(ok.accepted()).isTrue();
        assertThat(ok.quantity().toPlainString()).isEqualTo("0.05");
        assertThat(ok.limitPrice().toPlainString()).isEqualTo("100.12");
        assertThat(f.apply(OrderRequest.limit("b", BTC, OrderSide.BUY, 0.04, 100), 0).refusal()).contains("NOTIONAL").contains("4");
        assertThat(f.apply(OrderRequest.market("c", BTC, OrderSide.BUY, 0.01), 0).refusal()).contains("no market data");
        assertThat(f.apply(OrderRequest.market("d", BTC, OrderSide.BUY, 0.01), 800).accepted()).isTrue();
        assertThat(f.apply(OrderRequest.market("e", BTC, OrderSide.BUY, 10_000), 800).refusal()).contains("maxQty");
        assertThat(f.apply(OrderRequest.market("g", Symbol.of("ETHUSDT"), OrderSide.BUY, 1), 800).refusal()).contains("not listed");
    }
}
