package org.concord.app.training;

import org.concord.model.Symbol;
import org.concord.app.shell.Labels;
import org.concord.annotate.DisplaySettings;
import org.concord.chart.DisplayFormat;
import org.concord.training.eval.Calibration;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.collections.FXCollections;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Models with version, metrics, baselines, promotion gate and data range; train now / cancel; progress and loss curve;
 * the selected (else newest, listed first) version's calibration (reliability curve and Brier scores, from its manifest); history
 * and swaps. Renders only: every figure comes computed from core.
 */
public final class TrainingView {
    private static final int MAX_POINTS = 400;
    private final BorderPane root = new BorderPane();
    private final TableView<TrainingSnapshot.ModelRow> models = new TableView<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label phase = new Label("idle");
    private final Label lastJob = new Label();
    /** Why the chosen instrument's model cannot train on the history stored now (hidden when it can). */
    private final Label dataNote = new Label();
    private final Button train = new Button("Train now");
    private final Button cancel = new Button("Cancel");
    /** Makes the chosen saved version the active model, after a confirmation that names its gap to the promotion gate. */
    private final Button activate = new Button("Activate…");
    /** The selected (else newest) version's gate verdict and out-of-sample calls against every baseline, in full. */
    private final Label versionDetail = new Label();
    /** The version the details show: the selected one, else the newest (what Activate… activates). */
    private TrainingSnapshot.ModelRow shown;
    /** The table's heading: a line, not a titled pane, whose bar and padding took the room of a version's row. */
    private final Label versionsTitle = new Label("Versions");
    private final VBox versions = new VBox(4, versionsTitle, models, versionDetail);
    private final NumberAxis lossX = new NumberAxis();
    private final XYChart.Series<Number, Number> lossSeries = new XYChart.Series<>();
    private final LineChart<Number, Number> lossChart;
    private final ListView<String> history = new ListView<>();
    private final ListView<String> swaps = new ListView<>();
    private final XYChart.Series<Number, Number> reliabilityRaw = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> reliabilityCalibrated = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> perfect = new XYChart.Series<>();
    private final LineChart<Number, Number> calibrationChart;
    private final Label calibrationText = new Label("no calibration yet");
    private TrainingSnapshot.ModelRow shownCalibration;
    private int shownLoss = -1;
    private final DisplaySettings display;

    public TrainingView(TrainingPresenter presenter, DisplaySettings display) {
        this.display = display;
        train.setId("train-now");
        cancel.setId("train-cancel");
        progress.setId("train-progress");
        phase.setId("train-phase");
        progress.setPrefWidth(320);
        cancel.setDisable(true);
        train.setOnAction(e -> presenter.trainNow());
        cancel.setOnAction(e -> presenter.cancel());
        activate.setId("train-activate");
        activate.setDisable(true);
        activate.setOnAction(e -> confirmActivation(presenter, shown));
        Labels.keepWidth(train, cancel, activate);
        ComboBox<String> symbolChooser = new ComboBox<>(FXCollections.observableArrayList(
                presenter.symbols().stream().map(Symbol::code).toList()));
        symbolChooser.setId("training-symbol");
        symbolChooser.setValue(presenter.symbol().code());
        symbolChooser.setOnAction(e -> {
            if (symbolChooser.getValue() != null) {
                presenter.select(Symbol.of(symbolChooser.getValue()));
            }
        });
        HBox controls = new HBox(10, Labels.fixed("Model of"), symbolChooser, train, cancel, activate, progress, phase);
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(6));
        // the last job's outcome in full (gate verdict, baselines): a line of its own that wraps, never cut
        dataNote.setId("training-data-note");
        dataNote.setWrapText(true);
        dataNote.setPadding(new Insets(0, 6, 4, 6));
        dataNote.setStyle("-fx-text-fill: -color-warning-fg;");
        dataNote.managedProperty().bind(dataNote.visibleProperty());
        dataNote.setVisible(false);
        lastJob.setId("train-last-job");
        lastJob.setWrapText(true);
        lastJob.setMinHeight(Region.USE_PREF_SIZE);
        lastJob.setPadding(new Insets(0, 6, 4, 6));

        models.setId("model-table");
        // every cell wraps within its column and the columns share the table's width: at 1280x800 the long verdicts
        // pushed the gate and data-range columns out of sight (TableFit widened them past the table)
        models.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        models.setPlaceholder(new Label("no trained version yet (cold start) — press Train now"));
        models.getColumns().add(col("Version", 80, r -> r.version()));
        models.getColumns().add(col("State", 95, r -> r.state()));
        models.getColumns().add(col("Created", 110, r -> r.createdAt() > 0 ? display.format().dateTime(r.createdAt()) : ""));
        models.getColumns().add(col("Holdout (newest fold)", 330, r -> r.holdout()));
        models.getColumns().add(col("Out of sample (all folds)", 330, r -> r.outOfSample()));
        // the verdict's word here; its gap in full under the table, with the baselines it was judged against
        models.getColumns().add(col("Gate", 70, r -> TrainingFigures.verdict(r.gate())));
        models.getColumns().add(col("Data range", 200, r -> r.dataRange()));
        models.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showVersion(b));
        versionDetail.setId("version-detail");
        versionDetail.setWrapText(true);
        versionDetail.setMinHeight(Region.USE_PREF_SIZE);

        // one point per epoch; core trains each walk-forward fold afresh, then refits on every row
        lossX.setLabel("epoch (each fold's, then the refit's)");
        lossX.setAutoRanging(false);
        lossX.setMinorTickVisible(false);
        lossX.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.valueOf(Math.round(n.doubleValue()));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        NumberAxis y = new NumberAxis();
        y.setLabel("loss");
        y.setForceZeroInRange(false);
        lossChart = new LineChart<>(lossX, y);
        lossChart.setId("loss-chart");
        lossChart.setTitle("Training loss");
        lossChart.setCreateSymbols(false);
        lossChart.setAnimated(false);
        lossChart.setLegendVisible(false);
        // room for the last tick's label: the split pane's divider cut it
        lossChart.setPadding(new Insets(6, 14, 6, 6));
        lossChart.getData().add(lossSeries);
        showLossRange(0);

        NumberAxis cx = new NumberAxis(0, 1, 0.1);
        cx.setLabel("predicted probability (top class)");
        NumberAxis cy = new NumberAxis(0, 1, 0.1);
        // short enough for the chart's height at 1280x800 ("observed frequency" read "observed frequ...")
        cy.setLabel("hit rate");
        calibrationChart = new LineChart<>(cx, cy);
        calibrationChart.setId("calibration-chart");
        calibrationChart.setTitle("Calibration (out of sample)");
        calibrationChart.setAnimated(false);
        reliabilityRaw.setName("raw");
        reliabilityCalibrated.setName("calibrated");
        perfect.setName("perfect");
        perfect.getData().setAll(List.of(new XYChart.Data<>(0, 0), new XYChart.Data<>(1, 1)));
        calibrationChart.getData().setAll(List.of(reliabilityRaw, reliabilityCalibrated, perfect));
        calibrationText.setId("calibration-text");
        calibrationText.setWrapText(true);
        // the chart gives way, never the figures under it (they read "Brier 0.4259 raw, 0.4163 ..." at 1280x800)
        calibrationText.setMinHeight(Region.USE_PREF_SIZE);
        calibrationChart.setMinHeight(120);
        VBox calibration = new VBox(4, calibrationChart, calibrationText);
        calibration.setPadding(new Insets(0, 6, 4, 6));
        VBox.setVgrow(calibrationChart, Priority.ALWAYS);

        history.setId("train-history");
        swaps.setId("train-swaps");
        WrapCells.list(history);
        WrapCells.list(swaps);
        SplitPane lists = new SplitPane(grow(new TitledPane("Jobs (retrain history)", history)), grow(new TitledPane("Hot swaps", swaps)));
        lists.setOrientation(Orientation.VERTICAL);
        lists.setDividerPositions(0.6);
        SplitPane charts = new SplitPane(lossChart, calibration, lists);
        charts.setOrientation(Orientation.HORIZONTAL);
        charts.setDividerPositions(0.28, 0.58);
        versionsTitle.setStyle("-fx-font-weight: bold;");
        versions.setPadding(new Insets(4, 6, 4, 6));
        VBox.setVgrow(models, Priority.ALWAYS);
        versions.setMaxHeight(Double.MAX_VALUE);
        // the versions and the charts share the height, and a person can move the line between them
        SplitPane center = new SplitPane(versions, charts);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.45);
        charts.setMinHeight(220);
        root.setTop(new VBox(controls, dataNote, lastJob));
        root.setCenter(center);
    }

    private static TitledPane grow(TitledPane p) {
        p.setCollapsible(false);
        p.setMaxHeight(Double.MAX_VALUE);
        return p;
    }

    /** The loss axis over {@code n} epochs in whole steps (1, 2, 5, 10, …), ending on a tick. */
    private void showLossRange(int n) {
        int unit = 1;
        for (int k = 0; n / unit > 10; k++) {
            unit = (k % 3 == 1 ? 5 : 2) * unit / (k % 3 == 1 ? 2 : 1);
        }
        lossX.setLowerBound(0);
        lossX.setUpperBound(Math.max(unit, (n + unit - 1) / unit * unit));
        lossX.setTickUnit(unit);
    }

    /** A saved version that is not in use: kept below the gate (REJECTED) or kept by its training's request (TRAINED). */
    static boolean activatable(TrainingSnapshot.ModelRow row) {
        return row != null && ("REJECTED".equals(row.state()) || "TRAINED".equals(row.state()));
    }

    /**
     * Asks before activating: the bot trades on the version's votes from the next decision. Below the promotion gate
     * the question names the gap, and the answer sends that gap as the person's confirmation (core refuses any other).
     */
    private void confirmActivation(TrainingPresenter presenter, TrainingSnapshot.ModelRow row) {
        if (!activatable(row)) {
            return;
        }
        boolean below = "below".equals(TrainingFigures.verdict(row.gate()));
        String gap = TrainingFigures.gap(row.gate());
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, (below ? "It is below the promotion gate: " + gap + ".\n\n" : "")
                + "The orchestrator votes with it from the next decision, and the bot trades on those votes.",
                ButtonType.OK, ButtonType.CANCEL);
        a.setTitle("Activate model version");
        a.setHeaderText("Activate " + row.modelId() + " " + row.version() + (below ? " below the promotion gate?" : "?"));
        a.getDialogPane().setId("activate-confirm");
        a.initOwner(activate.getScene() == null ? null : activate.getScene().getWindow());
        if (a.showAndWait().filter(b -> b == ButtonType.OK).isPresent()) {
            presenter.activate(row.modelId(), row.version(), below ? gap : null);
        }
    }

    /**
     * The version's calls against every baseline under the table, and its calibration; Activate… acts on this version
     * (a new trader read the newest version's details, no row selected, and found the button disabled).
     */
    private void showVersion(TrainingSnapshot.ModelRow row) {
        shown = row;
        activate.setDisable(!activatable(row));
        versionDetail.setText(row == null ? "" : row.modelId() + " " + row.version()
                + (row.gate().isEmpty() ? "" : ": " + TrainingFigures.verdict(row.gate()) + " the promotion gate — " + TrainingFigures.gap(row.gate()))
                + (row.baselines().isEmpty() ? "" : "; out of sample (all folds) against every baseline: " + row.baselines()));
        showCalibration(row);
    }

    /** Draws a version's reliability curves (core's bins) and Brier scores; nothing is computed here. */
    private void showCalibration(TrainingSnapshot.ModelRow row) {
        if (row == null || row == shownCalibration || row.calibration() == null) {
            return;
        }
        shownCalibration = row;
        Calibration c = row.calibration();
        reliabilityRaw.getData().setAll(points(c.reliability()));
        reliabilityCalibrated.getData().setAll(points(c.reliabilityCalibrated()));
        calibrationText.setText(String.format(Locale.ROOT,
                "%s %s: Brier %.4f raw, %.4f calibrated (temperature %.2f, fitted without the scored fold), %.4f climatology; n=%d",
                row.modelId(), row.version(), c.brier(), c.brierCalibrated(), c.temperature(), c.brierClimatology(), c.n()));
    }

    private static List<XYChart.Data<Number, Number>> points(List<Calibration.Bin> bins) {
        List<XYChart.Data<Number, Number>> out = new ArrayList<>();
        for (Calibration.Bin b : bins) {
            if (b.count() > 0) {
                out.add(new XYChart.Data<>(b.meanConfidence(), b.hitRate()));
            }
        }
        return out;
    }

    /** What the calibration panel shows (tests). */
    public String calibrationText() {
        return calibrationText.getText();
    }

    public int reliabilityPoints() {
        return reliabilityRaw.getData().size();
    }

    /** A column whose cells wrap; {@code width} its share of the table (the constrained policy scales them to fit). */
    private static TableColumn<TrainingSnapshot.ModelRow, String> col(String title, double width, Function<TrainingSnapshot.ModelRow, String> f) {
        TableColumn<TrainingSnapshot.ModelRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 80));
        WrapCells.column(c);
        return c;
    }

    public Node node() {
        return root;
    }

    public ProgressBar progress() {
        return progress;
    }

    /**
     * The last job that ended, or, before one ends in this session, the newest version on disk: after a restart "no
     * training job has ended yet" stood over a versions table listing an earlier job's version.
     */
    static String lastJobLine(TrainingSnapshot s, DisplayFormat format) {
        if (!s.lastJob().isEmpty()) {
            return "last job: " + s.lastJob();
        }
        if (s.models().isEmpty()) {
            return "no training job has ended yet";
        }
        TrainingSnapshot.ModelRow newest = s.models().get(0);
        return "no training job has ended since the desk started; the newest version is " + newest.version()
                + (newest.createdAt() > 0 ? ", trained " + format.dateTime(newest.createdAt()) : "");
    }

    /** Applies one snapshot (FX thread). */
    public void show(TrainingSnapshot s) {
        if (!models.getItems().equals(s.models())) {
            models.getItems().setAll(s.models());
        }
        TrainingSnapshot.ModelRow selected = models.getSelectionModel().getSelectedItem();
        showVersion(selected != null ? selected : s.models().isEmpty() ? null : s.models().get(0));
        versionsTitle.setText(s.models().isEmpty() ? "Versions" : "Versions of " + s.models().get(0).modelId());
        // the last job that ended, not the newest line of the history (a running job's fold read as "last job")
        lastJob.setText(lastJobLine(s, display.format()));
        dataNote.setText(s.dataNote());
        dataNote.setVisible(!s.dataNote().isEmpty());
        TrainingSnapshot.Job j = s.job();
        if (j == null) {
            progress.setProgress(0);
            phase.setText("idle");
            cancel.setDisable(true);
        } else {
            progress.setProgress(j.progress() < 0 ? -1 : j.progress());
            phase.setText(j.jobId() + " " + j.phase() + (Double.isNaN(j.lastLoss()) ? "" : String.format(Locale.ROOT, ", loss %.4f", j.lastLoss())));
            cancel.setDisable(false);
        }
        if (s.loss().length != shownLoss) {
            shownLoss = s.loss().length;
            // the curve is decimated to at most MAX_POINTS points: a chart needs no more than it has pixels
            int step = Math.max(1, (s.loss().length + MAX_POINTS - 1) / MAX_POINTS);
            List<XYChart.Data<Number, Number>> pts = new ArrayList<>();
            for (int i = 0; i < s.loss().length; i += step) {
                pts.add(new XYChart.Data<>(i + 1, s.loss()[i]));
            }
            lossSeries.getData().setAll(pts);
            showLossRange(s.loss().length);
        }
        if (!history.getItems().equals(s.history())) {
            history.getItems().setAll(s.history());
        }
        if (!swaps.getItems().equals(s.swaps())) {
            swaps.getItems().setAll(s.swaps());
        }
    }
}
