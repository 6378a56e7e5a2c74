package org.concord.execution.binance;

import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.instrument.InstrumentRegistry;
import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.execution.binance.SpotFixture.BTC;

/**
 * A desk order on our symbol BTCUSD (the chart's replay symbol) reaches Binance as BTCUSDT through the instrument
 * registry (it was refused, "not traded by this adapter"); without a listing it is still refused, naming the symbol.
 */
class BinanceSpotInstrumentsTest {
    @TempDir
    Path dir;

    @Test
    void anOrderOnOurSymbolIsSentAsTheVenueSymbol() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = f.broker();
            Order o = b.submit(OrderRequest.market("desk-1", Symbol.of("BTCUSD"), OrderSide.BUY, 0.0123456).manual());
            assertThat(o.state()).as(o.reason()).isEqualTo(OrderState.NEW);
            assertThat(o.request().symbol()).isEqualTo(BTC);
            assertThat(o.quantity()).as("rounded down onto the listing's step 0.00001").isEqualTo(0.01234);
            assertThat(f.account.ordersPlaced("desk-1")).isEqualTo(1);
            assertThat(f.account.order("desk-1").status()).isNotNull();

            Order tiny = b.submit(OrderRequest.market("desk-2", Symbol.of("BTCUSD"), OrderSide.BUY, 0.0001).manual());
            assertThat(tiny.state()).isEqualTo(OrderState.REJECTED);
            assertThat(tiny.reason()).as("refused below the minimum notional (10 USDT on the loopback), not sent").contains("minNotional 10");
            assertThat(f.account.ordersPlaced("desk-2")).isZero();
        }
    }

    @Test
    void withoutAListingOurSymbolIsRefused() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = new BinanceSpotBroker(f.config().instruments(InstrumentRegistry.empty()).build(), SpotFixture.credentials(), dir,
                    org.concord.execution.PreTradeCheck.NONE, null);
            b.start();
            try {
                Order o = b.submit(OrderRequest.market("desk-3", Symbol.of("BTCUSD"), OrderSide.BUY, 0.01).manual());
                assertThat(o.state()).isEqualTo(OrderState.REJECTED);
                assertThat(o.reason()).contains("symbol BTCUSD is not traded by this adapter");
                assertThat(f.account.newOrderRequests()).isEmpty();
            } finally {
                b.close();
            }
        }
    }
}
