package org.concord.app.portfolio;

import org.concord.app.shell.TableFit;
import org.concord.annotate.DisplaySettings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.concord.coordination.Bucket;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Equity curve, positions, allocation per bucket over time (stacked), bucket correlation heatmap, conflict and
 * risk events, drawdown gauge. Renders {@link PortfolioModel}s only.
 */
public final class PortfolioView {
    private final DisplaySettings display;
    private final BorderPane root = new BorderPane();
    private final XYChart.Series<Number, Number> equity = new XYChart.Series<>();
    private final LineChart<Number, Number> equityChart;
    private final StackedAreaChart<Number, Number> allocChart;
    private final Map<Bucket, XYChart.Series<Number, Number>> alloc = new EnumMap<>(Bucket.class);
    private final TableView<PortfolioSnapshot.PositionRow> positions = new TableView<>();
    private final CorrelationHeatmap heatmap = new CorrelationHeatmap();
    private final DrawdownGauge gauge = new DrawdownGauge();
    private final ListView<String> events = new ListView<>();
    private final Label summary = new Label("waiting for the first coordination bar…");

    public PortfolioView(DisplaySettings display) {
        this.display = display;
        root.setId("portfolio-view");
        equityChart = new LineChart<>(timeAxis(), valueAxis("equity"));
        equityChart.setId("equity-chart");
        equityChart.setTitle("Equity");
        equityChart.setCreateSymbols(false);
        equityChart.setAnimated(false);
        equityChart.setLegendVisible(false);
        equityChart.getData().add(equity);

        NumberAxis share = valueAxis("share of capital");
        share.setAutoRanging(false);
        share.setLowerBound(0);
        share.setUpperBound(1);
        share.setTickUnit(0.25);
        allocChart = new StackedAreaChart<>(timeAxis(), share);
        allocChart.setId("allocation-chart");
        allocChart.setTitle("Allocation per bucket");
        allocChart.setAnimated(false);
        allocChart.setCreateSymbols(false);
        for (Bucket b : Bucket.all()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(b.book());
            alloc.put(b, s);
            allocChart.getData().add(s);
        }

        positions.setId("positions-table");

        TableFit.install(positions);
        positions.setPlaceholder(new Label("flat"));
        positions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        positions.getColumns().add(col("Symbol", PortfolioSnapshot.PositionRow::symbol));
        positions.getColumns().add(col("Quantity", r -> fmt(r.quantity())));
        positions.getColumns().add(col("Avg price", r -> fmt(r.averagePrice())));
        positions.getColumns().add(col("Mark", r -> fmt(r.markPrice())));
        positions.getColumns().add(col("Unrealized", r -> fmt(r.unrealizedPnl())));
        positions.getColumns().add(col("Realized", r -> fmt(r.realizedPnl())));
        positions.setPrefHeight(140);

        events.setId("risk-events");
        summary.setId("portfolio-summary");
        summary.setPadding(new Insets(4, 8, 4, 8));

        GridPane side = new GridPane();
        side.setHgap(8);
        side.setVgap(8);
        side.setPadding(new Insets(8));
        side.add(new TitledPane("Drawdown", gauge), 0, 0);
        side.add(new TitledPane("Bucket correlation (rolling " + PortfolioPublisher.WINDOW + " bars)", heatmap), 0, 1);

        SplitPane charts = new SplitPane(equityChart, allocChart);
        charts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        VBox bottom = new VBox(new TitledPane("Positions", positions), new TitledPane("Conflict resolution and risk-limit events", events));
        events.setPrefHeight(160);
        SplitPane main = new SplitPane(charts, bottom);
        main.setOrientation(javafx.geometry.Orientation.VERTICAL);
        main.setDividerPositions(0.6);
        root.setTop(summary);
        root.setCenter(main);
        root.setRight(side);
    }

    public Node node() {
        return root;
    }

    public Label summary() {
        return summary;
    }

    /** Applies one model (FX thread). */
    public void show(PortfolioModel m) {
        PortfolioSnapshot s = m.latest();
        if (s != null) {
            summary.setText(String.format(Locale.ROOT, "bot account · equity %.2f · cash %.2f · gross exposure %.1f%% · %d open positions · %d fills · %s",
                    s.equity(), s.cash(), 100 * s.grossExposure(), s.positions().size(), s.fills(), display.format().dateTime(s.time())));
            gauge.show(s.drawdown(), s.drawdownLimit(), s.halted());
            heatmap.show(s.buckets(), s.bucketCorrelation());
            positions.setItems(FXCollections.observableArrayList(s.positions()));
        }
        equity.getData().setAll(points(m.equityTime(), m.equity()));
        for (Bucket b : Bucket.all()) {
            alloc.get(b).getData().setAll(points(m.allocationTime(), m.allocations().get(b)));
        }
        events.setItems(FXCollections.observableArrayList(m.events()));
    }

    private static List<XYChart.Data<Number, Number>> points(long[] t, double[] v) {
        List<XYChart.Data<Number, Number>> out = new ArrayList<>(t.length);
        for (int i = 0; i < t.length && v != null && i < v.length; i++) {
            out.add(new XYChart.Data<>(t[i] / 1000.0, v[i]));
        }
        return out;
    }

    private NumberAxis timeAxis() {
        NumberAxis a = new NumberAxis();
        a.setForceZeroInRange(false);
        a.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return display.format().axisTime(n.longValue() * 1000, 10 * 86_400_000L);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        return a;
    }

    private static NumberAxis valueAxis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(false);
        return a;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static TableColumn<PortfolioSnapshot.PositionRow, String> col(String title, Function<PortfolioSnapshot.PositionRow, String> f) {
        TableColumn<PortfolioSnapshot.PositionRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        return c;
    }

}
