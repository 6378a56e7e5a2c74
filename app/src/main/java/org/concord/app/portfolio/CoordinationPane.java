package org.concord.app.portfolio;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import org.concord.annotate.DisplaySettings;
import org.concord.app.shell.Counts;
import org.concord.app.shell.TableFit;
import org.concord.coordination.Bucket;
import org.concord.coordination.LiveSynergy;
import org.concord.coordination.SourceContribution;

import java.util.Locale;
import java.util.function.Function;

/**
 * The coordination layer as it works: conflict resolutions as they happen (newest first) with the counts, the
 * alignment measure over time, each source's contribution and the live synergy. Renders core's figures only.
 */
final class CoordinationPane {
    private final BorderPane root = new BorderPane();
    private final Label counts = new Label("no coordination bar yet");
    private final TableView<ConflictRow> conflicts = new TableView<>();
    private final XYChart.Series<Number, Number> harmony = new XYChart.Series<>();
    private final LineChart<Number, Number> harmonyChart;
    private final TableView<SourceContribution> sources = new TableView<>();
    private final GridPane synergy = new GridPane();

    CoordinationPane(DisplaySettings display) {
        counts.setId("coordination-counts");
        counts.setPadding(new Insets(4, 8, 4, 8));
        conflicts.setId("conflicts-table");
        TableFit.install(conflicts);
        conflicts.setPlaceholder(new Label("no conflict yet: the buckets have not disagreed on a symbol"));
        conflicts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        conflicts.getColumns().add(col("Time", ConflictRow::time));
        conflicts.getColumns().add(col("Symbol", ConflictRow::symbol));
        conflicts.getColumns().add(col("Policy", ConflictRow::policy));
        conflicts.getColumns().add(col("Resolution", ConflictRow::resolution));
        conflicts.getColumns().add(col("Buy side (score): sources", ConflictRow::buySide));
        conflicts.getColumns().add(col("Sell side (score): sources", ConflictRow::sellSide));

        NumberAxis h = PortfolioView.valueAxis("harmony");
        h.setAutoRanging(false);
        h.setLowerBound(0);
        h.setUpperBound(1.05);
        h.setTickUnit(0.25);
        harmonyChart = new LineChart<>(PortfolioView.timeAxis(display), h);
        harmonyChart.setId("harmony-chart");
        harmonyChart.setTitle("Alignment (harmony of the buckets on a symbol, 1 = all agree)");
        harmonyChart.setAnimated(false);
        harmonyChart.setLegendVisible(false);
        harmonyChart.setCreateSymbols(false);
        harmonyChart.getData().add(harmony);

        sources.setId("sources-table");
        TableFit.install(sources);
        sources.setPlaceholder(new Label("no source has signalled yet (is the bot on?)"));
        sources.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        sources.getColumns().add(scol("Source", SourceContribution::sourceId));
        sources.getColumns().add(scol("Bucket", r -> r.bucket() == null ? "—" : r.bucket().book()));
        sources.getColumns().add(scol("Signals", r -> Long.toString(r.signals())));
        sources.getColumns().add(scol("Trades", r -> Long.toString(r.trades())));
        sources.getColumns().add(scol("Won", r -> r.trades() == 0 ? "—" : String.format(Locale.ROOT, "%.0f %%", 100.0 * r.wins() / r.trades())));
        sources.getColumns().add(scol("Realized P&L", r -> money(r.realizedPnl())));
        sources.getColumns().add(scol("Learner weight", r -> Double.isFinite(r.weight()) ? String.format(Locale.ROOT, "%.3f", r.weight()) : "—"));

        synergy.setId("synergy-grid");
        synergy.setHgap(14);
        synergy.setVgap(4);
        synergy.setPadding(new Insets(6));

        SplitPane lower = new SplitPane(new TitledPane("Each source's contribution", sources),
                new TitledPane("Live synergy: combined vs the buckets alone", synergy));
        lower.setDividerPositions(0.62);
        SplitPane split = new SplitPane(new TitledPane("Conflicts as they happen (newest first)", conflicts),
                EmptyChart.wrap(harmonyChart, "no alignment yet"), lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.34, 0.6);
        root.setTop(counts);
        root.setCenter(split);
    }

    Node node() {
        return root;
    }

    Label counts() {
        return counts;
    }

    TableView<ConflictRow> conflicts() {
        return conflicts;
    }

    TableView<SourceContribution> sources() {
        return sources;
    }

    int harmonyPoints() {
        return harmony.getData().size();
    }

    void show(PortfolioModel m) {
        conflicts.setItems(FXCollections.observableArrayList(m.conflicts()));
        harmony.getData().setAll(PortfolioView.points(m.harmonyTime(), m.harmony()));
        PortfolioSnapshot s = m.latest();
        if (s == null || s.coordination() == null) {
            return;
        }
        PortfolioSnapshot.Coordination c = s.coordination();
        String last = m.harmony().length == 0 ? "none yet" : String.format(Locale.ROOT, "%.2f", m.harmony()[m.harmony().length - 1]);
        counts.setText(String.format(Locale.ROOT, "%s resolved · %s · %s · latest harmony %s · regime %s · %s",
                Counts.of(c.conflicts(), "conflict"), Counts.of(c.netLimitCuts(), "net-limit cut"), Counts.of(c.alignments(), "alignment"), last,
                c.regime(), Counts.of(c.sources().size(), "source")));
        sources.setItems(FXCollections.observableArrayList(c.sources()));
        showSynergy(c.synergy());
    }

    private void showSynergy(LiveSynergy y) {
        synergy.getChildren().clear();
        if (y == null) {
            return;
        }
        int r = 0;
        synergy.addRow(r++, bold("Bucket"), bold("Alone P&L"), bold("Crossed internally"));
        for (Bucket b : Bucket.all()) {
            synergy.addRow(r++, new Label(b.book()), new Label(money(y.alone().getOrDefault(b, 0.0))),
                    new Label(money(y.crossed().getOrDefault(b, 0.0))));
        }
        synergy.addRow(r++, bold("Sum alone"), new Label(money(y.sumAlone())), new Label(""));
        synergy.addRow(r++, bold("Combined"), new Label(money(y.combinedPnl())), new Label("the account"));
        Label syn = bold(money(y.synergy()));
        syn.setId("synergy-value");
        syn.getStyleClass().add(y.synergy() >= 0 ? "settings-applied" : "field-error");
        synergy.addRow(r, bold("Synergy"), syn, new Label("combined − sum alone"));
    }

    private static Label bold(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    static String money(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+,.2f", v) : "—";
    }

    private static TableColumn<ConflictRow, String> col(String title, Function<ConflictRow, String> f) {
        TableColumn<ConflictRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        return c;
    }

    private static TableColumn<SourceContribution, String> scol(String title, Function<SourceContribution, String> f) {
        TableColumn<SourceContribution, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        return c;
    }
}
