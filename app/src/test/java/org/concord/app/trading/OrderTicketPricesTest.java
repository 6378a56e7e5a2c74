package org.concord.app.trading;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The ticket's prices are the instrument's. Seen on the real display, on a fresh desk: BTCUSD's 850 and 800 typed in
 * the price and stop-loss fields stayed on the ticket after a click on ETHUSD in the watchlist, where an ETHUSD limit
 * had once gone out at 850. The ticket had said nothing yet, and it only noticed a new symbol by its answer line's.
 */
@SuppressWarnings("unchecked")
class OrderTicketPricesTest {
    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void pricesTypedForOneInstrumentAreClearedWhenTheTicketShowsAnotherAndKeptOtherwise() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicReference<Symbol> chart = new AtomicReference<>(BundledData.BTCUSD);
        try (DeskTrading desk = new DeskTrading(dir)) {
            OrderTicket ticket = fx(() -> new OrderTicket(desk.service, chart::get));
            String typed = fx(() -> {
                set(ticket, "#ticket-price", "850");
                set(ticket, "#ticket-sl", "800");
                set(ticket, "#ticket-tp", "900");
                set(ticket, "#ticket-amount", "0.5");
                return fields(ticket);
            });
            assertThat(typed).isEqualTo("850 800 900 0.5");
            chart.set(BundledData.ETHUSD);
            String after = fx(() -> {
                ticket.symbolChanged();
                return fields(ticket);
            });
            assertThat(after).as("BTCUSD's prices on ETHUSD's ticket; the quantity stays").isEqualTo("   0.5");
            String again = fx(() -> {
                set(ticket, "#ticket-price", "1650");
                ticket.symbolChanged(); // the same symbol again (a timeframe change): nothing goes
                return fields(ticket);
            });
            assertThat(again).isEqualTo("1650   0.5");
        }
    }

    /**
     * A priced order's Price follows the instrument's last price (the watchlist's) until the person sets it: on the
     * real display the field was empty, and Send answered "price is required" below the fold of a 1280x800 window.
     */
    @Test
    void aPricedOrdersPriceFollowsTheLastPriceUntilThePersonSetsIt() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicReference<Symbol> chart = new AtomicReference<>(BundledData.BTCUSD);
        try (DeskTrading desk = new DeskTrading(dir)) {
            OrderTicket ticket = fx(() -> new OrderTicket(desk.service, chart::get));
            assertThat(fx(() -> fields(ticket))).as("no price known yet").isEqualTo("   0.1");
            assertThat(fx(() -> {
                ticket.showLastPrices(Map.of(BundledData.BTCUSD, 812.345, BundledData.ETHUSD, 1650.5));
                return fields(ticket);
            })).isEqualTo(Amounts.number(812.345) + "   0.1");
            assertThat(fx(() -> {
                ticket.showLastPrices(Map.of(BundledData.BTCUSD, 820.0));
                return fields(ticket);
            })).as("the market moved: so does the price").isEqualTo(Amounts.number(820.0) + "   0.1");
            assertThat(fx(() -> {
                set(ticket, "#ticket-price", "");
                ticket.showLastPrices(Map.of(BundledData.BTCUSD, 830.0));
                return fields(ticket);
            })).as("a price the person cleared stays cleared").isEqualTo("   0.1");
            chart.set(BundledData.ETHUSD);
            assertThat(fx(() -> {
                ticket.symbolChanged();
                return fields(ticket);
            })).as("the new instrument's own last price").isEqualTo(Amounts.number(1650.5) + "   0.1");
            assertThat(fx(() -> {
                set(ticket, "#ticket-price", "1600");
                ticket.showLastPrices(Map.of(BundledData.ETHUSD, 1700.0));
                return fields(ticket);
            })).as("typed, it is the person's").isEqualTo("1600   0.1");
            assertThat(fx(() -> {
                ticket.prepare(OrderSide.SELL, OrderType.LIMIT, 1720);
                ticket.showLastPrices(Map.of(BundledData.ETHUSD, 1710.0));
                return fields(ticket);
            })).as("picked on the chart, it is the person's").isEqualTo(Amounts.number(1720) + "   0.1");
            chart.set(BundledData.BTCUSD);
            assertThat(fx(() -> {
                ticket.symbolChanged();
                ticket.showLastPrices(Map.of(BundledData.BTCUSD, 835.0));
                return fields(ticket);
            })).isEqualTo(Amounts.number(835.0) + "   0.1");
            assertThat(fx(() -> {
                type(ticket, OrderType.MARKET);
                ticket.showLastPrices(Map.of(BundledData.BTCUSD, 840.0));
                type(ticket, OrderType.LIMIT);
                return fields(ticket);
            })).as("from a market order back to a limit while the price follows: the newest last price").isEqualTo(Amounts.number(840.0) + "   0.1");
        }
    }

    /**
     * A market order has no price: the greyed Price field read a number that went stale as the market moved (seen on
     * the desk). It reads "at market", and the priced order's price comes back when the type is priced again.
     */
    @Test
    void aMarketOrdersPriceReadsAtMarketAndThePricedOnesComesBack() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (DeskTrading desk = new DeskTrading(dir)) {
            OrderTicket ticket = fx(() -> new OrderTicket(desk.service, () -> BundledData.BTCUSD));
            TextField price = fx(() -> (TextField) ticket.node().lookup("#ticket-price"));
            fx(() -> {
                ticket.showLastPrices(Map.of(BundledData.BTCUSD, 812.0));
                set(ticket, "#ticket-price", "805");
                type(ticket, OrderType.MARKET);
                ticket.showLastPrices(Map.of(BundledData.BTCUSD, 830.0));
                return null;
            });
            assertThat(fx(() -> price.getText())).as("a market order's price").isEmpty();
            assertThat(fx(() -> price.getPromptText())).isEqualTo("at market");
            assertThat(fx(price::isDisabled)).isTrue();
            fx(() -> {
                type(ticket, OrderType.STOP);
                return null;
            });
            assertThat(fx(() -> price.getText())).as("the person's price back, not the last price").isEqualTo("805");
            assertThat(fx(price::isDisabled)).isFalse();
            assertThat(fx(() -> price.getPromptText())).isNull();
        }
    }

    @Test
    void aPaperMarketOrderNotFilledYetSaysWhenItFills() {
        Order market = order(OrderRequest.market("man-1", BundledData.BTCUSD, OrderSide.BUY, 0.1), OrderState.NEW, 0);
        assertThat(OrderTicket.status(market, true)).isEqualTo("man-1: NEW — fills at the next price the feed brings");
        assertThat(OrderTicket.status(market, false)).as("at a venue").isEqualTo("man-1: NEW");
        Order limit = order(OrderRequest.limit("man-2", BundledData.BTCUSD, OrderSide.BUY, 0.1, 800), OrderState.NEW, 0);
        assertThat(OrderTicket.status(limit, true)).as("a limit waits for its price").isEqualTo("man-2: NEW");
        Order filled = order(OrderRequest.market("man-3", BundledData.BTCUSD, OrderSide.BUY, 0.1), OrderState.FILLED, 0.1);
        assertThat(OrderTicket.status(filled, true)).startsWith("man-3: FILLED 0.1 @ ").doesNotContain("next price");
    }

    private static Order order(OrderRequest r, OrderState state, double filled) {
        return new Order(Long.parseLong(r.clientOrderId().substring(4)), r, state, filled, filled > 0 ? 812.5 : 0, 0, 0, 0, null, "");
    }

    private static void type(OrderTicket t, OrderType type) {
        ((ChoiceBox<OrderType>) t.node().lookup("#ticket-type")).setValue(type);
    }

    private static void set(OrderTicket t, String id, String text) {
        ((TextField) t.node().lookup(id)).setText(text);
    }

    private static String fields(OrderTicket t) {
        return String.join(" ", ((TextField) t.node().lookup("#ticket-price")).getText(), ((TextField) t.node().lookup("#ticket-sl")).getText(),
                ((TextField) t.node().lookup("#ticket-tp")).getText(), ((TextField) t.node().lookup("#ticket-amount")).getText());
    }
}
