package org.concord.app.live;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.concord.app.shell.TableFit;
import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Live tab's watchlist (left of the chart): one row per instrument with last price, change since the previous
 * daily close, the orchestrator's last decision and the position. "Pos" is the person's own account (the one the ticket
 * and the blotter trade: paper, or the venue when live), as a trader reads a watchlist's position; the bot's
 * (coordination) account, which the Bot portfolio tab shows, is in each row's tooltip beside it. Pos once showed the
 * bot's, so it read 0.0000 while the person held 0.1 BTC from a manual order. A tooltip, not a "Bot" column: a sixth
 * column took the chart's room below a third of the default 1400 px window (WatchlistFlowsTest). Clicking a row shows
 * that symbol on the chart.
 * The table is exactly as wide as its columns ({@link TableFit} widens them to their text): never a horizontal
 * scrollbar hiding a column, never empty filler taking the chart's room.
 */
public final class WatchlistView {
    private final TableView<WatchlistPresenter.Row> table = new TableView<>();
    /** True while this view selects a row itself (new rows, the chart's symbol changed): not a person's pick. */
    private boolean selecting;

    public WatchlistView(Consumer<Symbol> onPick) {
        table.setId("watchlist");
        table.getStyleClass().add("watchlist"); // narrower cell padding (concord.css)
        table.getColumns().add(column("Symbol", r -> r.symbol().code()));
        table.getColumns().add(column("Last", r -> Double.isNaN(r.last()) ? "—" : String.format(Locale.ROOT, "%.2f", r.last())));
        table.getColumns().add(column("Chg %", r -> Double.isNaN(r.changePct()) ? "—" : String.format(Locale.ROOT, "%+.2f", r.changePct())));
        table.getColumns().add(column("Decision", WatchlistPresenter.Row::decision));
        table.getColumns().add(column("Pos", r -> quantity(r.position())));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> {
            TableRow<WatchlistPresenter.Row> row = new TableRow<>();
            row.setId(null);
            Tooltip tip = new Tooltip();
            row.itemProperty().addListener((o, a, b) -> {
                row.setId(b == null ? null : "watch-" + b.symbol().code());
                tip.setText(b == null ? "" : positions(b));
                row.setTooltip(b == null ? null : tip);
            });
            return row;
        });
        // a pick is the person's selection: a press on a row (the table selects on press) or the arrow keys, so the
        // watchlist can be stepped through from the keyboard; rows refreshed by the replay do not count as picks
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!selecting && now != null && (was == null || !was.symbol().equals(now.symbol()))) {
                onPick.accept(now.symbol());
            }
        });
        TableFit.install(table);
        DoubleBinding fit = columnsWidth(table);
        table.minWidthProperty().bind(fit);
        table.prefWidthProperty().bind(fit);
        table.maxWidthProperty().bind(fit);
    }

    /** The columns' widths, the table's border and a pixel of rounding per side. */
    private static DoubleBinding columnsWidth(TableView<?> table) {
        List<Observable> deps = new ArrayList<>();
        table.getColumns().forEach(c -> deps.add(c.widthProperty()));
        deps.add(table.insetsProperty());
        return Bindings.createDoubleBinding(() -> {
            double w = table.snappedLeftInset() + table.snappedRightInset() + 2;
            for (TableColumn<?, ?> c : table.getColumns()) {
                w += c.getWidth();
            }
            return Math.ceil(w);
        }, deps.toArray(Observable[]::new));
    }

    /** The row's tooltip: both accounts' positions, named. */
    static String positions(WatchlistPresenter.Row r) {
        return r.symbol().code() + " · your position (Pos) " + quantity(r.position()) + " · bot's position " + quantity(r.botPosition());
    }

    private static String quantity(double q) {
        return Double.isNaN(q) ? "—" : String.format(Locale.ROOT, "%.4f", q);
    }

    private static TableColumn<WatchlistPresenter.Row, String> column(String title, Function<WatchlistPresenter.Row, String> text) {
        TableColumn<WatchlistPresenter.Row, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setPrefWidth(30); // TableFit widens it to its header and values (TableColumn's default 80 would only add slack)
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(text.apply(f.getValue())));
        return c;
    }

    public Node node() {
        return table;
    }

    /** New rows (FX thread); the selection is kept by symbol. */
    public void show(List<WatchlistPresenter.Row> rows) {
        Symbol picked = table.getSelectionModel().getSelectedItem() == null ? null : table.getSelectionModel().getSelectedItem().symbol();
        selecting = true;
        try {
            table.setItems(FXCollections.observableArrayList(rows));
            select(picked);
        } finally {
            selecting = false;
        }
    }

    /** Marks {@code s}'s row as the one on the chart (FX thread). */
    public void select(Symbol s) {
        if (s == null) {
            return;
        }
        boolean outer = selecting;
        selecting = true;
        try {
            for (int i = 0; i < table.getItems().size(); i++) {
                if (table.getItems().get(i).symbol().equals(s)) {
                    table.getSelectionModel().select(i);
                    return;
                }
            }
            // a symbol typed in the toolbar that is not listed: no row is the chart's. The old row stayed highlighted,
            // and a click on it was no change of selection, so it could not bring its symbol back to the chart
            table.getSelectionModel().clearSelection();
        } finally {
            selecting = outer;
        }
    }
}
