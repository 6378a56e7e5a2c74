package org.concord.engine;

import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.RealBars;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.engine.BotAccountPipelineTest.desk;
import static org.concord.engine.BotAccountPipelineTest.onPipeline;

/**
 * A desk's paper accounts trade every instrument the desk shows, by the bars it has. Seen on the desk: an ETHUSD order
 * (the bundled ETHUSD recording is 5m bars; the pipeline's timeframe is 1m) was refused "no market data for ETHUSD
 * yet" while the watchlist showed its price.
 */
class FillTimeframesTest {
    static final Symbol ETH = BundledData.ETHUSD;
    static final Symbol BTC = BundledData.BTCUSD;
    @TempDir
    Path dir;

    @Test
    void aSymbolWithoutBarsOfTheDecisionTimeframeIsMarkedAndFilledByItsShortestOwn() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        try (TradingPipeline p = desk(dir)) {
            bar(p, eth, 0);
            Order sent = onPipeline(p, x -> x.manualBroker().submit(OrderRequest.market("man-1", ETH, OrderSide.BUY, 0.5).manual()));
            assertThat(sent.state()).as(sent.reason()).isEqualTo(OrderState.NEW);
            bar(p, eth, 1);
            Order filled = onPipeline(p, x -> x.manualBroker().order("man-1").orElseThrow());
            assertThat(filled.state()).isEqualTo(OrderState.FILLED);
            assertThat(filled.averagePrice()).as("at the next 5m bar's open, plus the buy's slippage")
                    .isBetween(eth.open(1), eth.open(1) * 1.001);
        }
    }

    @Test
    void aSymbolWithBarsOfTheDecisionTimeframeIsFilledByThoseOnly() throws Exception {
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        BarSeries m5 = RealBars.bitstamp(Timeframe.M5);
        try (TradingPipeline p = desk(dir)) {
            p.onBarClose(BTC, Timeframe.M1, m1.time(0), m1.open(0), m1.high(0), m1.low(0), m1.close(0), m1.volume(0));
            onPipeline(p, x -> x.manualBroker().submit(OrderRequest.limit("man-1", BTC, OrderSide.BUY, 0.01, m5.high(0) - 0.01).manual()));
            // a 5m bar whose range reaches the limit: BTCUSD has 1m bars, so the 5m one neither marks nor fills
            p.onBarClose(BTC, Timeframe.M5, m5.time(0), m5.open(0), m5.high(0), m5.low(0), m5.close(0), m5.volume(0));
            Order working = onPipeline(p, x -> x.manualBroker().order("man-1").orElseThrow());
            double mark = onPipeline(p, x -> x.manualPaper().markPrice(BTC));
            assertThat(working.state()).isEqualTo(OrderState.NEW);
            assertThat(mark).isEqualTo(m1.close(0));
        }
    }

    private static void bar(TradingPipeline p, BarSeries s, int i) {
        p.onBarClose(s.symbol(), s.timeframe(), s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
    }
}
