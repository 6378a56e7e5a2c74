package org.concord.app.training;

import org.concord.model.Symbol;
import org.concord.app.shell.Labels;
import org.concord.app.shell.TableFit;
import org.concord.annotate.DisplaySettings;
import org.concord.training.eval.Calibration;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Models with version, metrics, baselines, promotion gate and data range; train now / cancel; progress and loss curve;
 * the selected (else newest) version's calibration (reliability curve and Brier scores, from its manifest); history
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

    public TrainingView(TrainingPresenter presenter, DisplaySettings display) {
        train.setId("train-now");
        cancel.setId("train-cancel");
        progress.setId("train-progress");
        phase.setId("train-phase");
        progress.setPrefWidth(320);
        cancel.setDisable(true);
        train.setOnAction(e -> presenter.trainNow());
        cancel.setOnAction(e -> presenter.cancel());
        Labels.keepWidth(train, cancel);
        ComboBox<String> symbolChooser = new ComboBox<>(FXCollections.observableArrayList(
                presenter.symbols().stream().map(Symbol::code).toList()));
        symbolChooser.setId("training-symbol");
        symbolChooser.setValue(presenter.symbol().code());
        symbolChooser.setOnAction(e -> {
            if (symbolChooser.getValue() != null) {
                presenter.select(Symbol.of(symbolChooser.getValue()));
            }
        });
        HBox controls = new HBox(10, Labels.fixed("Model of"), symbolChooser, train, cancel, progress, phase);
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

        TableFit.install(models);
        models.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        models.setPlaceholder(new Label("no trained version yet (cold start) — press Train now"));
        models.getColumns().add(col("Model", r -> r.modelId()));
        models.getColumns().add(col("Version", r -> r.version()));
        models.getColumns().add(col("State", r -> r.state()));
        models.getColumns().add(col("Created", r -> r.createdAt() > 0 ? display.format().dateTime(r.createdAt()) : ""));
        models.getColumns().add(col("Holdout metrics", r -> r.metrics()));
        models.getColumns().add(col("Out of sample vs baselines", r -> r.baselines()));
        models.getColumns().add(col("Promotion gate", r -> r.gate()));
        models.getColumns().add(col("Data range", r -> r.dataRange()));
        models.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showCalibration(b));

        NumberAxis x = new NumberAxis();
        x.setLabel("step");
        NumberAxis y = new NumberAxis();
        y.setLabel("loss");
        y.setForceZeroInRange(false);
        lossChart = new LineChart<>(x, y);
        lossChart.setId("loss-chart");
        lossChart.setTitle("Training loss");
        lossChart.setCreateSymbols(false);
        lossChart.setAnimated(false);
        lossChart.setLegendVisible(false);
        lossChart.getData().add(lossSeries);

        NumberAxis cx = new NumberAxis(0, 1, 0.1);
        cx.setLabel("predicted probability (top class)");
        NumberAxis cy = new NumberAxis(0, 1, 0.1);
        cy.setLabel("observed frequency");
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
        VBox calibration = new VBox(4, calibrationChart, calibrationText);
        VBox.setVgrow(calibrationChart, Priority.ALWAYS);

        history.setId("train-history");
        swaps.setId("train-swaps");
        SplitPane lists = new SplitPane(new TitledPane("Jobs (retrain history)", history), new TitledPane("Hot swaps", swaps));
        SplitPane center = new SplitPane(lossChart, calibration, lists);
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.3, 0.6);
        VBox top = new VBox(controls, dataNote, lastJob, new TitledPane("Models", models));
        models.setPrefHeight(160);
        root.setTop(top);
        root.setCenter(center);
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

    private static TableColumn<TrainingSnapshot.ModelRow, String> col(String title, Function<TrainingSnapshot.ModelRow, String> f) {
        TableColumn<TrainingSnapshot.ModelRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new ReadOnlyObjectWrapper<>(f.apply(r.getValue())));
        return c;
    }

    public Node node() {
        return root;
    }

    public ProgressBar progress() {
        return progress;
    }

    /** Applies one snapshot (FX thread). */
    public void show(TrainingSnapshot s) {
        if (!models.getItems().equals(s.models())) {
            models.getItems().setAll(s.models());
        }
        TrainingSnapshot.ModelRow selected = models.getSelectionModel().getSelectedItem();
        showCalibration(selected != null ? selected : s.models().isEmpty() ? null : s.models().get(s.models().size() - 1));
        lastJob.setText(s.history().isEmpty() ? "no training job yet" : "last job: " + s.history().get(0));
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
        }
        if (!history.getItems().equals(s.history())) {
            history.getItems().setAll(s.history());
        }
        if (!swaps.getItems().equals(s.swaps())) {
            swaps.getItems().setAll(s.swaps());
        }
    }
}
