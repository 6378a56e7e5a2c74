package org.concord.coordination;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.OrderEvent;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.risk.RiskEvent;
import org.concord.risk.RiskRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event published on the bus survives a Jackson round trip (what a Redis-backed bus does), NaN included. */
class EventsJsonTest {
    static final Symbol BTC = Symbol.of("BTCUSD");
    final ObjectMapper mapper = ResultsJson.mapper();

    <T> void roundTrip(T event, Class<T> type) throws Exception {
        String json = mapper.writeValueAsString(event);
        T back = mapper.readValue(json, type);
        assertThat(back).as(json).isEqualTo(event);
    }

    @Test
    void eventsRoundTrip() throws Exception {
        roundTrip(new OrderEvent(1, 2, "c1", BTC, OrderSide.BUY, OrderType.LIMIT, OrderState.NEW, OrderState.PARTIALLY_FILLED, 2, 1, 1, 100.5, ""),
                OrderEvent.class);
        roundTrip(new OrderEvent(1, 2, "c1", BTC, OrderSide.SELL, OrderType.MARKET, null, OrderState.REJECTED, 2, 0, 0, 0, "risk rule X: y"),
                OrderEvent.class);
        roundTrip(new Fill(1, 2, "c1", BTC, OrderSide.BUY, 0.5, 100, 0.05, Liquidity.MAKER, 3, "coordination"), Fill.class);
        roundTrip(new RiskEvent(1, RiskEvent.Kind.REJECTED, RiskRule.INVALID_INPUT, "p1", "short", BTC, Double.NaN, 0, Double.NaN, Double.NaN,
                "item p1: quantity is NaN (not a finite number): rejected"), RiskEvent.class);
        roundTrip(new ConflictEvent(1, BTC, ConflictPolicy.PARTIAL, List.of(Bucket.SHORT), List.of(Bucket.LONG), 0.8, 0.4, 1, 0.5,
                Double.NaN, Double.NaN, "buy side wins with 50.0% of its size", List.of("ema"), List.of("pivots")), ConflictEvent.class);
        roundTrip(new AlignmentEvent(1, BTC, 0.9, 1.45, 1, List.of(Bucket.SHORT, Bucket.MEDIUM)), AlignmentEvent.class);
        roundTrip(new SignalRejected(1, "m", BTC, Bucket.LONG, "size is NaN (not a finite number)"), SignalRejected.class);
        roundTrip(new ActionTaken("m", BTC, 1, Bucket.SCALPING, Action.BUY, Action.HOLD, 0, List.of("why")), ActionTaken.class);
        roundTrip(new AllocationUpdate(1, "TRENDING/HIGH-VOL/LOW-LIQ", Map.of(Bucket.SHORT, 1.0), Map.of(Bucket.SHORT, 0.5),
                Map.of(Bucket.SHORT, 0.4)), AllocationUpdate.class);
        roundTrip(new TradeFeedback("m", BTC, Bucket.MEDIUM, 1, 2, 0.01, null, 5), TradeFeedback.class);
    }
}
