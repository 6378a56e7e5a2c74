package org.concord.app.trading;

import org.concord.execution.Order;
import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.concord.execution.TimeInForce;
import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ticket's intent → the manual order the broker gets. */
class TicketIntentTest {
    static final Symbol BTC = Symbol.of("BTCUSD");

    @Test
    void aNotionalLimitIsSizedAtItsLimitPriceAndCarriesExitsTifAndTheManualOrigin() {
        TicketIntent t = new TicketIntent(BTC, OrderSide.BUY, OrderType.LIMIT, true, 1_000, 800, 760, 880, TimeInForce.GTD, 30, false);
        OrderRequest r = t.toRequest("man-1", 900, 1_000_000);
        assertThat(r.quantity()).isEqualTo(1.25);
        assertThat(r.limitPrice()).isEqualTo(800);
        assertThat(r.stopLoss()).isEqualTo(760);
        assertThat(r.takeProfit()).isEqualTo(880);
        assertThat(r.timeInForce()).isEqualTo(TimeInForce.GTD);
        assertThat(r.expireTime()).isEqualTo(1_000_000 + 30 * 60_000L);
        assertThat(r.origin()).isEqualTo(OrderOrigin.MANUAL);
        assertThat(r.book()).isEqualTo("manual");
        assertThat(r.riskOverride()).isFalse();
    }

    @Test
    void aNotionalMarketOrderIsSizedAtTheMarkAndNeedsOne() {
        TicketIntent t = new TicketIntent(BTC, OrderSide.SELL, OrderType.MARKET, true, 500, 0, 0, 0, TimeInForce.GTC, 0, true);
        OrderRequest r = t.toRequest("man-2", 1_000, 0);
        assertThat(r.quantity()).isEqualTo(0.5);
        assertThat(r.type()).isEqualTo(OrderType.MARKET);
        assertThat(r.riskOverride()).isTrue();
        assertThatThrownBy(() -> t.toRequest("man-3", 0, 0)).hasMessageContaining("no market price");
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> new TicketIntent(BTC, OrderSide.BUY, OrderType.LIMIT, false, 0, 800, 0, 0, TimeInForce.GTC, 0, false))
                .hasMessageContaining("quantity");
        assertThatThrownBy(() -> new TicketIntent(BTC, OrderSide.BUY, OrderType.STOP, false, 1, 0, 0, 0, TimeInForce.GTC, 0, false))
                .hasMessageContaining("stop price");
        assertThatThrownBy(() -> new TicketIntent(BTC, OrderSide.BUY, OrderType.LIMIT, false, 1, 800, 0, 0, TimeInForce.GTD, 0, false))
                .hasMessageContaining("GTD");
        assertThatThrownBy(() -> new TicketIntent(BTC, OrderSide.BUY, OrderType.LIMIT, false, Double.NaN, 800, 0, 0, TimeInForce.GTC, 0, false))
                .hasMessageContaining("quantity");
        // seen on the desk: GTD 30 left on the ticket expired an AAPL market order at the next daily bar, unfilled
        assertThatThrownBy(() -> new TicketIntent(BTC, OrderSide.BUY, OrderType.MARKET, false, 1, 0, 0, 0, TimeInForce.GTD, 30, false))
                .hasMessageContaining("GTD is for LIMIT and STOP orders");
        // the order's own rule (SL below TP for a buy) still applies
        TicketIntent crossed = new TicketIntent(BTC, OrderSide.BUY, OrderType.LIMIT, false, 1, 800, 900, 700, TimeInForce.GTC, 0, false);
        assertThatThrownBy(() -> crossed.toRequest("man-4", 800, 0)).hasMessageContaining("stopLoss");
    }

    @Test
    void aRiskRejectionNamesItsRule() {
        var req = OrderRequest.limit("man-5", BTC, OrderSide.BUY, 1, 800).manual();
        var o = new Order(1, req, OrderState.REJECTED, 0, 0, 0, 0, 0, null,
                "risk rule ORDER_SIZE: order man-5 adds 40.00% of equity, limit 25.00%");
        ActionResult r = ActionResult.of("submit", o);
        assertThat(r.ok()).isFalse();
        assertThat(r.riskRule()).isEqualTo("ORDER_SIZE");
        assertThat(r.message()).contains("REJECTED").contains("limit 25.00%");
        var other = new Order(2, req, OrderState.REJECTED, 0, 0, 0, 0, 0, null, "no market data");
        assertThat(ActionResult.of("submit", other).riskRule()).isNull();
    }
}
