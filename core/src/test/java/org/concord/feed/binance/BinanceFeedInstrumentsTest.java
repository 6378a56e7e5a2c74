package org.concord.feed.binance;

import org.concord.data.DataProvider;
import org.concord.instrument.Instrument;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.testkit.exchange.LoopbackBinance;
import org.concord.testkit.exchange.LoopbackRestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The feed reads its symbols' listings from exchangeInfo at connect; an unlisted symbol fails the start, named. */
class BinanceFeedInstrumentsTest {
    static final Symbol BTC = LoopbackBinance.BTCUSDT;

    @TempDir
    Path dir;

    @Test
    void connectReadsTheListingOfItsSymbol() {
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(3000);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve("x.db"));
             DataProvider provider = new DataProvider(new BarStore(db))) {
            try (BinanceFeed feed = BinanceFeed.connect(ex.feedConfig().intervals(Timeframe.M1).initialBackfillBars(5).build(), provider)) {
                List<Instrument> listed = feed.instruments();
                assertThat(listed).hasSize(1);
                Instrument btc = listed.get(0);
                assertThat(btc.venue()).isEqualTo("binance");
                assertThat(btc.venueSymbol()).isEqualTo(BTC);
                assertThat(btc.baseAsset()).isEqualTo("BTC");
                assertThat(btc.quoteAsset()).isEqualTo("USDT");
                assertThat(btc.tickSize()).isEqualByComparingTo("0.01");
                assertThat(btc.stepSize()).isEqualByComparingTo("0.00001");
                assertThat(btc.minQty()).isEqualByComparingTo("0.00001");
                assertThat(btc.minNotional()).isEqualByComparingTo("10");
            }
            List<LoopbackRestServer.Served> asked = ex.rest().served("/api/v3/exchangeInfo");
            assertThat(asked).hasSize(1);
            assertThat(asked.get(0).query()).contains("symbols=");
        }
    }

    @Test
    void aSymbolTheExchangeDoesNotListFailsTheStartNamingIt() {
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(3000);
             SqliteDatabase db = SqliteDatabase.open(dir.resolve("x.db"));
             DataProvider provider = new DataProvider(new BarStore(db))) {
            BinanceConfig cfg = BinanceConfig.builder().restUrl(ex.restUrl()).wsUrl(ex.wsUrl()).symbol(Symbol.of("BTCUSD")).interval(Timeframe.M1)
                    .build();
            assertThatThrownBy(() -> BinanceFeed.connect(cfg, provider)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("cannot list [BTCUSD] on " + ex.restUrl()).hasMessageContaining("Invalid symbol");
            assertThat(ex.stream().awaitOpened(1, java.time.Duration.ofMillis(300))).as("no stream opened").isFalse();
        }
    }
}
