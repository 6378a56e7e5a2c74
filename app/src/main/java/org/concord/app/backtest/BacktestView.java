package org.concord.app.backtest;

import org.concord.app.shell.CalendarTimeAxis;
import org.concord.app.shell.Labels;
import org.concord.app.shell.TableFit;
import org.concord.annotate.DisplaySettings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Backtest tab: preset, data, the account's capital and costs, the dates, optional walk-forward and synergy; Run,
 * Cancel, progress; then the report's metrics (one column per run or window), the equity curve(s) and the files
 * written. It renders snapshots only.
 */
public final class BacktestView {
    private final BorderPane root = new BorderPane();
    private final ChoiceBox<String> preset = new ChoiceBox<>(FXCollections.observableArrayList(BacktestRequest.PRESETS));
    private final ChoiceBox<String> data = new ChoiceBox<>(FXCollections.observableArrayList(BacktestRequest.DATA));
    private final CheckBox walkForward = new CheckBox("Walk-forward");
    private final TextField train = field("backtest-wf-train", "2d", 4);
    private final TextField test = field("backtest-wf-test", "1d", 4);
    private final TextField step = field("backtest-wf-step", "1d", 4);
    private final CheckBox synergy = new CheckBox("Synergy (horizons 5 + 240)");
    // the account's defaults (BacktestConfig), typed over by the person
    private final TextField capital = field("backtest-capital", "10,000", 7);
    private final TextField fee = field("backtest-fee", "10", 3);
    private final TextField slippage = field("backtest-slippage", "2", 3);
    // blank: from the first bar, to the last (in the desk's display zone)
    private final TextField from = field("backtest-from", "", 11);
    private final TextField to = field("backtest-to", "", 11);
    private final DisplaySettings display;
    private final Button run = new Button("Run");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label phase = new Label("no backtest run yet");
    private final Label resultTitle = new Label("Metrics");
    private final TableView<BacktestOutcome.MetricRow> metrics = new TableView<>();
    private final ListView<String> files = new ListView<>();
    private final LineChart<Number, Number> equity;
    private final BacktestPresenter presenter;
    private BacktestOutcome shown;

    public BacktestView(BacktestPresenter presenter, DisplaySettings display) {
        if (presenter == null || display == null) {
            throw new IllegalArgumentException("presenter and display settings are required");
        }
        this.presenter = presenter;
        this.display = display;
        from.setPromptText("first bar");
        to.setPromptText("last bar");
        Label zone = new Label();
        zone.textProperty().bind(display.formatProperty().map(f -> "(" + f.zoneName() + ")"));
        preset.setId("backtest-preset");
        // the preset a new user's desk runs: "minimal" has no strategy module and gave 0 trades
        preset.setValue("full");
        data.setId("backtest-data");
        data.setValue("bundled");
        data.setConverter(new StringConverter<>() {
            @Override
            public String toString(String d) {
                return d == null ? "" : d.equals("bundled") ? "bundled trades" : "bundled 1m bars";
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        walkForward.setId("backtest-wf");
        synergy.setId("backtest-synergy");
        for (TextField f : List.of(train, test, step)) {
            f.disableProperty().bind(walkForward.selectedProperty().not());
        }
        run.setId("backtest-run");
        cancel.setId("backtest-cancel");
        progress.setId("backtest-progress");
        phase.setId("backtest-phase");
        progress.setPrefWidth(260);
        cancel.setDisable(true);
        run.setOnAction(e -> start());
        cancel.setOnAction(e -> presenter.cancel());
        HBox inputs = new HBox(8, new Label("Preset"), preset, new Label("Data"), data, walkForward, new Label("train"), train,
                new Label("test"), test, new Label("step"), step, synergy);
        inputs.setAlignment(Pos.CENTER_LEFT);
        HBox account = new HBox(8, new Label("Capital"), capital, new Label("USD    Fee"), fee, new Label("bps a fill    Slippage"), slippage,
                new Label("bps    From"), from, new Label("to"), to, zone);
        account.setAlignment(Pos.CENTER_LEFT);
        // on a 1280 px window the summary line took the buttons' room: Run and Cancel read "…"; the line wraps instead
        Labels.keepWidth(run, cancel);
        phase.setWrapText(true);
        phase.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(phase, Priority.ALWAYS);
        HBox controls = new HBox(10, run, cancel, progress, phase);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(6, inputs, account, controls);
        top.setPadding(new Insets(6));

        metrics.setId("backtest-metrics");

        TableFit.install(metrics);
        metrics.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY); // walk-forward: many columns, scrolled
        metrics.setPlaceholder(new Label("run a backtest: its report's metrics show here"));
        files.setId("backtest-files");
        files.setPrefHeight(130);
        files.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(String path, boolean empty) {
                super.updateItem(path, empty);
                // the file name first (the directory is the same for all three), the whole path on hover
                Path p = empty || path == null ? null : Path.of(path);
                setText(p == null ? null : p.getFileName() + "    in " + p.getParent());
                setTooltip(p == null ? null : new Tooltip(path));
            }
        });
        resultTitle.setId("backtest-result-title");
        VBox left = new VBox(4, resultTitle, metrics, new TitledPane("Files written", files));
        VBox.setVgrow(metrics, Priority.ALWAYS);
        left.setPadding(new Insets(0, 0, 0, 6));

        // ticks on calendar times, and no label past either end of the axis: a NumberAxis stepped by "nice" seconds
        // drew its last label half past the chart's right edge ("12-02 16" on a real display)
        CalendarTimeAxis x = new CalendarTimeAxis(display);
        x.labelProperty().bind(display.formatProperty().map(f -> "time (" + f.zoneName() + ")"));
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        y.setLabel("equity (USD)");
        equity = new LineChart<>(x, y);
        equity.setId("backtest-equity");
        equity.setTitle("Equity");
        equity.setCreateSymbols(false);
        equity.setAnimated(false);

        // no axes before there is a curve: an empty 0–110 chart dated 01-01 reads like a result
        Label noCurve = new Label("the equity curve of the run shows here");
        noCurve.setId("backtest-equity-placeholder");
        noCurve.visibleProperty().bind(equity.visibleProperty().not());
        equity.setVisible(false);
        StackPane curve = new StackPane(equity, noCurve);
        SplitPane center = new SplitPane(left, curve);
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.5);
        root.setTop(top);
        root.setCenter(center);
    }

    private static TextField field(String id, String value, int columns) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    private void start() {
        BacktestRequest request = new BacktestRequest(preset.getValue(), data.getValue(),
                new BacktestRequest.Account(capital.getText(), fee.getText(), slippage.getText()),
                new BacktestRequest.Range(from.getText(), to.getText(), display.format().zone()),
                walkForward.isSelected() ? new BacktestRequest.WalkForward(train.getText(), test.getText(), step.getText()) : null,
                synergy.isSelected());
        if (presenter.start(request)) {
            run.setDisable(true); // at once: the RUNNING snapshot follows on the next pulse
            cancel.setDisable(false);
        }
    }

    public Node node() {
        return root;
    }

    public ProgressBar progress() {
        return progress;
    }

    public TableView<BacktestOutcome.MetricRow> metricsTable() {
        return metrics;
    }

    public LineChart<Number, Number> equityChart() {
        return equity;
    }

    public ListView<String> filesList() {
        return files;
    }

    /** Applies one snapshot (FX thread). */
    public void show(BacktestSnapshot s) {
        boolean busy = s.state() == BacktestSnapshot.State.RUNNING;
        run.setDisable(busy);
        cancel.setDisable(!busy);
        switch (s.state()) {
            case RUNNING -> progress.setProgress(s.progress());
            case DONE -> progress.setProgress(1);
            default -> progress.setProgress(0);
        }
        phase.setText(s.message());
        if (s.outcome() != shown) {
            shown = s.outcome();
            showOutcome(shown);
        }
    }

    private void showOutcome(BacktestOutcome o) {
        metrics.getColumns().clear();
        metrics.getItems().clear();
        equity.getData().clear();
        files.getItems().clear();
        equity.setVisible(false);
        if (o == null) {
            return;
        }
        resultTitle.setText("Metrics — " + o.name());
        TableColumn<BacktestOutcome.MetricRow, String> name = new TableColumn<>("Metric");
        name.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().metric()));
        name.setPrefWidth(150);
        metrics.getColumns().add(name);
        for (int i = 0; i < o.columns().size(); i++) {
            int k = i;
            TableColumn<BacktestOutcome.MetricRow, String> c = new TableColumn<>(o.columns().get(i));
            c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(r.getValue().values().get(k)));
            c.setPrefWidth(o.columns().size() == 1 ? 420 : 200);
            metrics.getColumns().add(c);
        }
        metrics.getItems().setAll(o.metrics());
        for (BacktestOutcome.Series s : o.equity()) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(s.name());
            List<XYChart.Data<Number, Number>> pts = new ArrayList<>(s.time().length);
            for (int i = 0; i < s.time().length; i++) {
                pts.add(new XYChart.Data<>(s.time()[i] / 1000.0, s.equity()[i]));
            }
            series.getData().setAll(pts);
            equity.getData().add(series);
        }
        equity.setLegendVisible(o.equity().size() > 1);
        equity.setVisible(!o.equity().isEmpty());
        for (Path p : o.files()) {
            files.getItems().add(p.toAbsolutePath().toString());
        }
    }
}
