package org.concord.app.portfolio;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ValueAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concord.annotate.DisplaySettings;
import org.concord.app.shell.CalendarTimeAxis;
import org.concord.app.shell.Counts;
import org.concord.app.shell.TableFit;
import org.concord.app.trading.Amounts;
import org.concord.config.TradingSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The Bot portfolio &amp; risk tab, the bot's (coordination) account only, as its heading says: a summary line, then three views. Allocation &amp; equity: the equity curve, the
 * buckets' allocation over time stacked to 100 % ({@link AllocationChart}), positions, risk events, drawdown gauge, bucket correlation.
 * Coordination: conflicts as they happen, alignment over time, each source's contribution, live synergy
 * ({@link CoordinationPane}). Risk &amp; sizing: the limits and sizing method, editable ({@link RiskSettingsForm}).
 * Renders {@link PortfolioModel}s only; edits leave through the presenter as commands.
 */
public final class PortfolioView {
    private final DisplaySettings display;
    private final BorderPane root = new BorderPane();
    private final XYChart.Series<Number, Number> equity = new XYChart.Series<>();
    private final LineChart<Number, Number> equityChart;
    private final AllocationChart allocChart;
    private final TableView<PortfolioSnapshot.PositionRow> positions = new TableView<>();
    private final CorrelationHeatmap heatmap = new CorrelationHeatmap();
    private final DrawdownGauge gauge = new DrawdownGauge();
    private final ListView<String> events = new ListView<>();
    /** The equity and allocation charts' least height (px): their title, a plot and the time axis's labels. */
    private static final double CHART_MIN_HEIGHT = 125;
    private final Label summary = new Label("waiting for the first coordination bar…");
    private final CoordinationPane coordination;
    private final RiskSettingsForm settings;
    private final TabPane views = new TabPane();
    private BiConsumer<Map<String, Double>, String> sendSettings = (l, s) -> { };
    private PortfolioSnapshot lastShown;

    public PortfolioView(DisplaySettings display) {
        this.display = display;
        root.setId("portfolio-view");
        equityChart = new LineChart<>(timeAxis(display), valueAxis("equity"));
        equityChart.setId("equity-chart");
        equityChart.setTitle("Equity");
        equityChart.setCreateSymbols(false);
        equityChart.setAnimated(false);
        equityChart.setLegendVisible(false);
        equityChart.getData().add(equity);
        allocChart = new AllocationChart(display);
        coordination = new CoordinationPane(display);
        settings = new RiskSettingsForm((limits, sizing) -> sendSettings.accept(limits, sizing));

        positions.setId("positions-table");
        TableFit.install(positions);
        positions.setPlaceholder(new Label("flat"));
        positions.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        positions.getColumns().add(col("Symbol", PortfolioSnapshot.PositionRow::symbol));
        positions.getColumns().add(col("Quantity", r -> Amounts.number(r.quantity())));
        positions.getColumns().add(col("Avg price", r -> Amounts.number(r.averagePrice())));
        positions.getColumns().add(col("Mark", r -> Amounts.number(r.markPrice())));
        positions.getColumns().add(col("Unrealized", r -> Amounts.signed(r.unrealizedPnl())));
        positions.getColumns().add(col("Realized", r -> Amounts.signed(r.realizedPnl())));
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

        SplitPane charts = new SplitPane(EmptyChart.wrap(equityChart, "no equity yet"), EmptyChart.wrap(allocChart.node(), "no allocation yet"));
        // the charts give way to the tables below in a small window (their own minimum overran it at 1280x800)
        for (Node chart : charts.getItems()) {
            ((Region) chart).setMinHeight(CHART_MIN_HEIGHT);
        }
        charts.setOrientation(Orientation.VERTICAL);
        VBox bottom = new VBox(new TitledPane("Positions", positions), new TitledPane("Conflict resolution and risk-limit events", events));
        events.setPrefHeight(160);
        // at least a header and a row of positions and two events (a row is about 3 em in the desk's theme): the
        // split gives the charts less before it cuts these (at 1280x800 the position row was cut in half and the
        // events list was a bare scrollbar); a third event took the charts' axis labels
        positions.setStyle("-fx-min-height: 6.5em;");
        events.setStyle("-fx-min-height: 6.5em;");
        SplitPane main = new SplitPane(charts, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.6);
        BorderPane overview = new BorderPane(main);
        overview.setRight(side);

        views.setId("portfolio-views");
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getTabs().addAll(view("portfolio-overview", "Allocation & equity", overview),
                view("portfolio-coordination", "Coordination", coordination.node()),
                view("portfolio-settings", "Risk limits & sizing", settings.node()));
        // the person's own account looked like it belonged here too (the watchlist's Pos once showed this account's
        // position): the heading says whose account this is and where the person's own is
        Label title = new Label("Bot (coordination) account — the orchestrator's capital, allocation and risk."
                + " Your own orders and positions are in the Live tab's blotter.");
        title.setId("portfolio-title");
        title.setStyle("-fx-font-weight: bold;");
        title.setPadding(new Insets(4, 8, 0, 8));
        root.setTop(new VBox(title, summary));
        root.setCenter(views);
    }

    private static Tab view(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    public Node node() {
        return root;
    }

    public Label summary() {
        return summary;
    }

    /** Where the settings form's Apply goes (the presenter's {@link PortfolioPresenter#applySettings}). */
    public void onApplySettings(BiConsumer<Map<String, Double>, String> send) {
        this.sendSettings = send == null ? (l, s) -> { } : send;
    }

    /** Selects one of the inner views by its tab id (e.g. "portfolio-coordination"). */
    public void select(String id) {
        views.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> views.getSelectionModel().select(t));
    }

    CoordinationPane coordination() {
        return coordination;
    }

    AllocationChart allocation() {
        return allocChart;
    }

    RiskSettingsForm settings() {
        return settings;
    }

    /** The snapshot on screen (FX thread), or null. */
    public PortfolioSnapshot lastShown() {
        return lastShown;
    }

    /** Applies one model (FX thread). */
    public void show(PortfolioModel m) {
        PortfolioSnapshot s = m.latest();
        lastShown = s;
        PortfolioSnapshot.Coordination c = s == null ? null : s.coordination();
        if (s != null) {
            String synergy = c == null || c.synergy() == null ? "" : " · synergy " + CoordinationPane.money(c.synergy().synergy());
            String sizing = c == null || c.settings() == null ? "" : " · sizing " + TradingSettings.sizingName(c.settings().sizing());
            // the fees beside the cash, as the manual account's line has them: realized plus unrealized read 71 above an
            // equity that had risen 21, the difference paid in fees nowhere on the tab
            summary.setText(String.format(Locale.ROOT, "bot account · equity %,.2f · cash %,.2f · fees %,.2f · gross exposure %.1f%% · %s · %s%s%s · %s",
                    s.equity(), s.cash(), s.fees(), 100 * s.grossExposure(), Counts.of(s.positions().size(), "open position"), Counts.of(s.fills(), "fill"),
                    synergy, sizing,
                    display.format().dateTime(s.time())));
            gauge.show(s.drawdown(), s.drawdownLimit(), s.halted());
            heatmap.show(s.buckets(), s.bucketCorrelation());
            positions.setItems(FXCollections.observableArrayList(s.positions()));
        }
        equity.getData().setAll(points(m.equityTime(), m.equity()));
        allocChart.show(m, s == null ? Map.of() : s.allocation(), c == null ? 0 : c.minAllocation(), c == null ? 0 : c.maxAllocation());
        events.setItems(FXCollections.observableArrayList(m.events()));
        coordination.show(m);
        settings.show(c == null ? null : c.settings(), m.settingsChange());
        settings.showCoordinatorLimit(c == null ? Double.NaN : c.symbolNetLimit());
    }

    static List<XYChart.Data<Number, Number>> points(long[] t, double[] v) {
        List<XYChart.Data<Number, Number>> out = new ArrayList<>(t.length);
        for (int i = 0; i < t.length && v != null && i < v.length; i++) {
            out.add(new XYChart.Data<>(t[i] / 1000.0, v[i]));
        }
        return out;
    }

    /** A time axis (epoch seconds) with ticks on calendar times in the display zone. */
    static ValueAxis<Number> timeAxis(DisplaySettings display) {
        return new CalendarTimeAxis(display);
    }

    static NumberAxis valueAxis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(false);
        return a;
    }

    private static TableColumn<PortfolioSnapshot.PositionRow, String> col(String title, Function<PortfolioSnapshot.PositionRow, String> f) {
        TableColumn<PortfolioSnapshot.PositionRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        return c;
    }
}
