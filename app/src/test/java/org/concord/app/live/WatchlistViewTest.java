package org.concord.app.live;

import javafx.scene.Scene;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The watchlist's highlighted row is the chart's symbol, or none. Seen on the desk: after typing XRPUSD (not listed)
 * into the toolbar, BTCUSD's row stayed highlighted, and a click on it changed no selection, so it did not bring
 * BTCUSD back to the chart.
 */
class WatchlistViewTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private static final Symbol ETH = Symbol.of("ETHUSD");
    private final FxRobot robot = new FxRobot();
    private final List<Symbol> picks = new CopyOnWriteArrayList<>();
    private WatchlistView view;

    @BeforeEach
    void show() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            view = new WatchlistView(picks::add);
            view.show(List.of(new WatchlistPresenter.Row(BTC, Timeframe.M1, 900, 1.0, "BUY 0.30", 0.1, 0),
                    new WatchlistPresenter.Row(ETH, Timeframe.M5, 1700, -1.0, "HOLD 0.10", 0, -2)));
            view.select(BTC); // the chart shows BTCUSD
            s.setScene(new Scene(new StackPane(view.node()), 500, 300));
            s.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    /** "Pos" is the person's own position (it once showed the bot's: 0.0000 beside a held 0.1 BTC); the bot's is in the tooltip. */
    @Test
    void posIsThePersonsOwnPositionAndTheTooltipNamesTheBots() {
        TableView<?> t = fx(() -> robot.lookup("#watchlist").queryTableView());
        assertThat(cell(t, 0, "Pos")).isEqualTo("0.1000");
        assertThat(cell(t, 1, "Pos")).isEqualTo("0.0000");
        String tip = fx(() -> robot.lookup("#watch-ETHUSD").queryAs(TableRow.class).getTooltip().getText());
        assertThat(tip).isEqualTo("ETHUSD · your position (Pos) 0.0000 · bot's position -2.0000");
    }

    private static String cell(TableView<?> t, int row, String column) {
        return fx(() -> String.valueOf(t.getColumns().stream().filter(c -> c.getText().equals(column)).findFirst().orElseThrow().getCellData(row)));
    }

    @Test
    void aSymbolThatIsNotListedLeavesNoRowHighlightedAndAClickBringsTheRowsSymbolBack() {
        robot.interact(() -> view.select(Symbol.of("XRPUSD")));
        assertThat(fx(() -> robot.lookup("#watchlist").queryTableView().getSelectionModel().getSelectedItem()))
                .as("row highlighted while the chart shows XRPUSD").isNull();

        robot.clickOn("#watch-BTCUSD");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(picks).as("a click on BTCUSD's row").containsExactly(BTC);
    }
}
