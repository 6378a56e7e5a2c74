package org.concord.app.trading;

import javafx.scene.control.TextField;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The ticket's prices are the instrument's. Seen on the real display, on a fresh desk: BTCUSD's 850 and 800 typed in
 * the price and stop-loss fields stayed on the ticket after a click on ETHUSD in the watchlist, where an ETHUSD limit
 * had once gone out at 850. The ticket had said nothing yet, and it only noticed a new symbol by its answer line's.
 */
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

    private static void set(OrderTicket t, String id, String text) {
        ((TextField) t.node().lookup(id)).setText(text);
    }

    private static String fields(OrderTicket t) {
        return String.join(" ", ((TextField) t.node().lookup("#ticket-price")).getText(), ((TextField) t.node().lookup("#ticket-sl")).getText(),
                ((TextField) t.node().lookup("#ticket-tp")).getText(), ((TextField) t.node().lookup("#ticket-amount")).getText());
    }
}
