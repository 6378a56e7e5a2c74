package org.concord.app.trading;

import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.concord.annotate.DisplaySettings;
import org.concord.engine.BotMode;
import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.TimeInForce;
import org.concord.feed.BundledData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * One paper account trades BTCUSD, ETHUSD and AAPL on the desk, each on its own calendar. Seen on the real display:
 * the Working, Orders and Fills tables had no symbol column, so a fill stamped 2013-11-27 beside one stamped
 * 2023-03-14, or "man-3 BUY LIMIT 0.1 EXPIRED", did not say which instrument it was (the tables list the account's
 * orders whatever the chart shows). Each of them names the symbol now, and the Orders tab says when each order was
 * done (an expiry could not be checked against the instrument's calendar), and Working says until when a GTD order
 * works.
 */
class BlotterSymbolTest {
    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void workingOrdersHistoryAndFillsNameTheirInstrument() throws Exception {
        FxToolkit.registerPrimaryStage();
        Order btc = order("man-1", OrderRequest.limit("man-1", BundledData.BTCUSD, OrderSide.BUY, 0.1, 850)
                .withTimeInForce(TimeInForce.GTD, BTC_EXPIRY), OrderState.NEW, 0);
        Order eth = order("man-2", OrderRequest.limit("man-2", BundledData.ETHUSD, OrderSide.BUY, 0.1, 1600), OrderState.EXPIRED, ETH_DONE);
        Order aapl = order("man-3", OrderRequest.market("man-3", BundledData.AAPL, OrderSide.BUY, 0.1), OrderState.FILLED, AAPL_DONE);
        Fill fill = new Fill(1, 3, "man-3", BundledData.AAPL, OrderSide.BUY, 0.1, 545.96, 0.05, Liquidity.TAKER, 1_385_683_200_000L, "manual");
        AccountSnapshot manual = new AccountSnapshot("Manual", "paper", false, List.of(btc), List.of(aapl, eth), List.of(fill),
                List.of(), List.of(), 9_945, 10_000, 2, 1, 0, 0.05, 0);
        AccountSnapshot bot = new AccountSnapshot("Bot", "paper", false, List.of(), List.of(), List.of(), List.of(), List.of(),
                10_000, 10_000, 0, 0, 0, 0, 0);
        try (DeskTrading desk = new DeskTrading(dir)) {
            Blotter blotter = fx(() -> new Blotter(desk.service, new DisplaySettings()));
            fx(() -> {
                blotter.show(new TradingSnapshot(1, TradingMode.PAPER, BotMode.OFF, manual, bot, 0));
                return null;
            });
            assertThat(column(blotter.workingTable(), "symbol")).containsExactly("BTCUSD");
            // a GTD order says until when: in the Working tab it looked like any GTC one
            assertThat(column(blotter.workingTable(), "TIF")).containsExactly("GTD " + new DisplaySettings().format().dateTime(BTC_EXPIRY));
            assertThat(column(blotter.historyTable(), "symbol")).containsExactly("AAPL", "ETHUSD");
            assertThat(column(blotter.fillsTable(), "symbol")).containsExactly("AAPL");
            // and when each was done, in its own calendar (the Orders tab had no time: an expiry could not be checked)
            DisplaySettings display = new DisplaySettings();
            assertThat(column(blotter.historyTable(), "time")).containsExactly(display.format().dateTime(AAPL_DONE),
                    display.format().dateTime(ETH_DONE));
        }
    }

    static final long BTC_EXPIRY = 1_385_554_620_000L; // 2013-11-27 12:17 UTC
    static final long ETH_DONE = 1_678_831_200_000L; // 2023-03-14 22:00 UTC
    static final long AAPL_DONE = 1_385_683_200_000L; // 2013-11-29 00:00 UTC

    /** Seen after a seek back: Fills said JavaFX's "No content in table" beside "no working orders" and "flat". */
    @Test
    void everyEmptyTableSaysWhatIsMissingInTheDesksWords() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (DeskTrading desk = new DeskTrading(dir)) {
            Blotter blotter = fx(() -> new Blotter(desk.service, new DisplaySettings()));
            List<String> said = fx(() -> List.of(blotter.workingTable(), blotter.historyTable(), blotter.fillsTable()).stream()
                    .map(t -> t.getPlaceholder() instanceof Label l ? l.getText() : String.valueOf(t.getPlaceholder())).toList());
            assertThat(said).containsExactly("no working orders", "no finished orders", "no fills");
        }
    }

    private static Order order(String id, OrderRequest r, OrderState state, long updated) {
        return new Order(Long.parseLong(id.substring(4)), r, state, state == OrderState.FILLED ? r.quantity() : 0, 0, 0, 0, updated, null, "");
    }

    /** The texts of {@code title}'s cells, row by row (fails when the table has no such column). */
    private static <T> List<String> column(TableView<T> table, String title) {
        return fx(() -> {
            TableColumn<T, ?> c = table.getColumns().stream().filter(x -> x.getText().equals(title)).findFirst()
                    .orElseThrow(() -> new AssertionError(table.getId() + " has no '" + title + "' column"));
            return table.getItems().stream().map(row -> String.valueOf(c.getCellObservableValue(row).getValue())).toList();
        });
    }
}
