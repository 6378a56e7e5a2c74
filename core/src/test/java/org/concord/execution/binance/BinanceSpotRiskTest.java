package org.concord.execution.binance;

import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.PaperBroker;
import org.concord.execution.PaperBrokerConfig;
import org.concord.model.Timeframe;
import org.concord.risk.RiskEvent;
import org.concord.risk.RiskLimits;
import org.concord.risk.UnifiedRiskManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.execution.binance.SpotFixture.BTC;

/** The unified risk gate decides on the venue adapter exactly as on the paper broker, manual orders included. */
class BinanceSpotRiskTest {
    @TempDir
    Path dir;

    @Test
    void aManualOrderOverTheCapIsRejectedNamingTheRuleOnBothBrokersAndAnOverridePassesAndIsLogged() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            UnifiedRiskManager risk = new UnifiedRiskManager(RiskLimits.defaults());
            BinanceSpotBroker live = f.broker(risk.preTradeCheck());
            double px = f.ex.lastPrice(BTC);
            // 5 BTC is about 4,000 USDT of about 10,800 equity: over the 25 % order cap
            OrderRequest big = OrderRequest.market("man-1", BTC, OrderSide.BUY, 5).manual();
            Order refused = live.submit(big);
            assertThat(refused.state()).isEqualTo(OrderState.REJECTED);
            assertThat(refused.reason()).startsWith("risk rule ORDER_SIZE:").contains("limit 25.00%");
            assertThat(f.account.newOrderRequests()).isEmpty();

            UnifiedRiskManager paperRisk = new UnifiedRiskManager(RiskLimits.defaults());
            PaperBroker paper = new PaperBroker(PaperBrokerConfig.defaults().withCash(live.equity()), paperRisk.preTradeCheck(), null);
            paper.onBarClose(BTC, Timeframe.M5, 0, px, px, px, px, 10);
            Order paperRefused = paper.submit(big);
            assertThat(paperRefused.state()).isEqualTo(OrderState.REJECTED);
            assertThat(paperRefused.reason()).startsWith("risk rule ORDER_SIZE:");

            PrintStream err = System.err;
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
            Order overridden;
            try {
                overridden = live.submit(OrderRequest.market("man-2", BTC, OrderSide.BUY, 5).manual().withRiskOverride());
            } finally {
                System.setErr(err);
            }
            assertThat(overridden.state()).isEqualTo(OrderState.NEW);
            assertThat(f.account.ordersPlaced("man-2")).isEqualTo(1);
            assertThat(risk.history()).anySatisfy(e -> {
                assertThat(e.kind()).isEqualTo(RiskEvent.Kind.OVERRIDDEN);
                assertThat(e.ref()).isEqualTo("man-2");
            });
            assertThat(log.toString(StandardCharsets.UTF_8)).contains("RISK OVERRIDE").contains("man-2")
                    .contains("accepted under a manual risk override of ORDER_SIZE");

            // a strategy order cannot override
            Order strategy = live.submit(OrderRequest.market("st-1", BTC, OrderSide.BUY, 5).withRiskOverride());
            assertThat(strategy.state()).isEqualTo(OrderState.REJECTED);
            assertThat(strategy.reason()).startsWith("risk rule");
        }
    }
}
