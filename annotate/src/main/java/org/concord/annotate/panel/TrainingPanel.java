package org.concord.annotate.panel;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.concord.annotate.Background;
import org.concord.annotate.FxCoalescer;
import org.concord.annotation.Annotation;
import org.concord.bus.Subscription;
import org.concord.training.ModelNote;
import org.concord.training.TrainingCommand;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingEvent;
import org.concord.training.TrainingEventType;
import org.concord.training.TrainingJob;
import org.concord.training.TrainingRequest;
import org.concord.training.TrainingStatus;
import org.concord.training.eval.PromotionGate;
import org.concord.training.eval.Scorecard;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelVersionStore.VersionRow;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * "Train on annotations": asks the symbol's {@link TrainingCoordinator} for a job on the selected annotations that
 * keeps the active model; shows the progress bar and loss from EPOCH events (at most one redraw per pulse), cancels,
 * and when the job is done shows the new version's figures next to the active one's — beside the baselines (majority,
 * always-long, always-flat, buy-and-hold after costs) and the promotion gate's verdict — and activates (hot-swaps) it
 * on request. Train, cancel and activate are {@link TrainingCommand}s on the model's bus, as from the desk's Training
 * tab; a version below the gate is activated only after a confirmation dialog that names the gap (core logs it). Every
 * coordinator call runs on the background thread.
 */
public final class TrainingPanel implements AutoCloseable {
    private final Background bg;
    private final Supplier<List<Annotation>> selection;
    private final Consumer<String> status;
    private final Label model = new Label("No model for this symbol");
    private final Button train = new Button("Train on selected annotations");
    private final Button cancel = new Button("Cancel");
    private final Button activate = new Button("Activate new model");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private final Label foldText = new Label();
    private final Label resultText = new Label();
    private final GridPane compare = new GridPane();
    private final VBox root;
    private final AtomicReference<TrainingEvent> lastEpoch = new AtomicReference<>();
    private final AtomicReference<TrainingEvent> lastFold = new AtomicReference<>();
    private final AtomicInteger epochEvents = new AtomicInteger();
    private final FxCoalescer redraw = new FxCoalescer(this::showProgress);
    private volatile String jobId;
    /** The train command in flight (its answer names the job, its outcome ends it). */
    private volatile String commandId;
    /** The activate command in flight (its answer says whether the version was swapped in). */
    private volatile TrainingCommand activation;
    private TrainingCoordinator coordinator;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private TrainingCommand command;
    private TrainingJob.Result result;
    /** Asks a person whether to activate a version below the promotion gate; the argument names the gap (FX thread). */
    private Predicate<String> confirmBelowGate = TrainingPanel::confirmDialog;

    public TrainingPanel(Background bg, Supplier<List<Annotation>> selection, Consumer<String> status) {
        this.bg = bg;
        this.selection = selection;
        this.status = status;
        train.setId("train-annotations");
        cancel.setId("train-cancel");
        activate.setId("train-activate");
        progress.setId("train-progress");
        progressText.setId("train-progress-text");
        resultText.setId("train-result");
        compare.setId("train-compare");
        progress.setMaxWidth(Double.MAX_VALUE);
        resultText.setWrapText(true);
        model.setWrapText(true);
        compare.setHgap(10);
        compare.setVgap(2);
        // the side panel is about 290 px wide at 1280×800: the names and the figures wrap in shares of that width
        // (laid out at their full length, the figures were cut to "…" and could not be scrolled to)
        for (double share : new double[] {36, 32, 32}) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(share);
            c.setHgrow(Priority.ALWAYS);
            compare.getColumnConstraints().add(c);
        }
        compare.setMinWidth(0);
        train.setOnAction(e -> train());
        cancel.setOnAction(e -> cancel());
        activate.setOnAction(e -> activateNew());
        // buttons keep their labels whole and wrap to a second row in a narrow side panel
        for (Button b : List.of(train, cancel, activate)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        progressText.setWrapText(true);
        foldText.setWrapText(true);
        root = new VBox(6, new Label("Train on annotations"), model, new FlowPane(6, 6, train, cancel), progress, progressText, foldText, resultText, compare,
                activate);
        root.setPadding(new Insets(6));
        root.setId("training-panel");
        bind(null);
    }

    public Node node() {
        return root;
    }

    /** Shows {@code c}'s model (null: this symbol has no model; the controls are disabled). FX thread. */
    public void bind(TrainingCoordinator c) {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
        coordinator = c;
        command = null;
        result = null;
        jobId = null;
        commandId = null;
        activation = null;
        train.setDisable(c == null);
        cancel.setDisable(true);
        activate.setDisable(true);
        progress.setProgress(0);
        progressText.setText("");
        foldText.setText("");
        resultText.setText("");
        compare.getChildren().clear();
        if (c == null) {
            model.setText("No model for this symbol: training is off");
            return;
        }
        subscriptions.add(c.subscribeTrainingEvents(this::onEvent, EnumSet.of(TrainingEventType.EPOCH, TrainingEventType.FOLD)));
        // training goes through the command API on the model's bus: the answer names the job, the outcome ends it
        subscriptions.add(c.bus().subscribe(TrainingCommand.ANSWERS, this::onAnswer));
        subscriptions.add(c.bus().subscribe(TrainingCommand.RESULTS, this::onOutcome));
        refreshModel();
    }

    private void refreshModel() {
        TrainingCoordinator c = coordinator;
        // the note reads the saved versions (SQLite): a version trained here but refused by the gate or kept out of
        // use is named with its reason, not hidden behind the model in use's "no trained model"
        bg.run("reading the model status", () -> {
            TrainingStatus s = c.status();
            String note = ModelNote.of(c);
            return s.modelId() + ": active " + (s.coldStart() ? "none (cold start)" : s.activeVersion()) + (note.isEmpty() ? "" : " — " + note);
        }, text -> {
            if (c == coordinator) {
                model.setText(text);
            }
        });
    }

    private void onAnswer(TrainingCommand.Answer a) { // a bus thread
        TrainingCommand activating = activation;
        if (activating != null && a.commandId().equals(activating.id())) {
            TrainingCoordinator c = coordinator;
            Platform.runLater(() -> onActivated(c, activating, a.error()));
            return;
        }
        if (!a.commandId().equals(commandId)) {
            return;
        }
        if (a.error() != null || a.jobId() == null) {
            TrainingCoordinator c = coordinator;
            String why = a.error() != null ? a.error() : "no job was started";
            Platform.runLater(() -> finished(c, a.commandId(), null, new IllegalStateException(why)));
            return;
        }
        jobId = a.jobId(); // at once: the first EPOCH event comes only after the job collected its samples
    }

    private void onOutcome(TrainingCommand.Outcome o) { // a bus thread
        if (o.commandId().equals(commandId)) {
            TrainingCoordinator c = coordinator;
            Platform.runLater(() -> finished(c, o.commandId(), o.result(), null));
        }
    }

    private void onEvent(TrainingEvent e) { // a bus thread: keep the newest, redraw once per pulse
        if (e.jobId() == null || !e.jobId().equals(jobId)) {
            return;
        }
        if (e.type() == TrainingEventType.EPOCH) {
            lastEpoch.set(e);
            epochEvents.incrementAndGet();
        } else {
            lastFold.set(e);
        }
        redraw.request();
    }

    private void showProgress() {
        TrainingEvent e = lastEpoch.get();
        if (e != null && e.steps() != null && e.steps() > 0) {
            progress.setProgress((double) e.step() / e.steps());
            progressText.setText(String.format(Locale.ROOT, "fold %d/%d · epoch %d/%d · loss %.4f", e.fold(), e.folds(), e.epoch(), e.epochs(), e.loss()));
        }
        TrainingEvent f = lastFold.get();
        if (f != null && f.metrics() != null) {
            foldText.setText(String.format(Locale.ROOT, "fold %d/%d out of sample: accuracy %.1f%% (baseline %.1f%%), AUC %.3f", f.fold(), f.folds(),
                    100 * f.metrics().getOrDefault("accuracy", Double.NaN), 100 * f.metrics().getOrDefault("baseline", Double.NaN),
                    f.metrics().getOrDefault("auc", Double.NaN)));
        }
    }

    /** Starts a job on the frames of the selected annotations of this model's symbol. */
    public void train() {
        TrainingCoordinator c = coordinator;
        if (c == null || command != null && result == null) {
            return; // a job of this panel is in flight
        }
        // the annotations themselves, expanded into weighted samples by the rule the list shows (not their single frames)
        List<Annotation> picked = selection.get().stream().filter(a -> a.symbol().equals(c.config().symbol()))
                .collect(Collectors.toMap(Annotation::id, a -> a, (a, b) -> a, LinkedHashMap::new)).values().stream().toList();
        if (picked.isEmpty()) {
            status.accept("no annotation of " + c.config().symbol() + " to train on: mark some first");
            return;
        }
        train.setDisable(true);
        activate.setDisable(true);
        compare.getChildren().clear();
        resultText.setText("");
        progress.setProgress(0);
        lastEpoch.set(null);
        lastFold.set(null);
        progressText.setText("starting on " + picked.size() + " annotation" + (picked.size() == 1 ? "" : "s") + "…");
        TrainingRequest request = TrainingRequest.expanded("annotation workspace: " + picked.size() + " annotations", picked,
                AnnotationListPanel.RULE, false);
        TrainingCommand cmd = TrainingCommand.train(c.config().modelId(), request);
        command = cmd;
        result = null;
        commandId = cmd.id();
        cancel.setDisable(false);
        bg.run("starting training", () -> {
            c.bus().publish(TrainingCommand.TOPIC, cmd); // a durable topic may write to Redis: off the FX thread
            return cmd;
        }, sent -> status.accept("training on " + picked.size() + " annotations"), () -> train.setDisable(false));
    }

    public void cancel() {
        TrainingCoordinator c = coordinator;
        TrainingCommand running = command;
        if (c != null && running != null && result == null) {
            String job = jobId;
            bg.run("cancelling training", () -> {
                c.bus().publish(TrainingCommand.TOPIC, TrainingCommand.cancel(c.config().modelId(), job));
                return job;
            }, j -> progressText.setText("cancelling…"));
        }
    }

    private void finished(TrainingCoordinator c, String forCommand, TrainingJob.Result r, Throwable err) {
        if (c != coordinator || command == null || !command.id().equals(forCommand)) {
            return;
        }
        showProgress();
        cancel.setDisable(true);
        train.setDisable(false);
        result = r;
        if (err != null || r == null) {
            command = null; // nothing in flight: the next click may try again
            resultText.setText("training failed: " + (err == null ? "no result" : err.getMessage()));
            return;
        }
        resultText.setText(r.state() + ": " + r.message());
        if (r.state() == TrainingJob.State.CANCELLED) {
            progressText.setText("cancelled");
        }
        status.accept("training " + r.state().name().toLowerCase(Locale.ROOT) + (r.version() == null ? "" : " (" + r.version() + ")"));
        showComparison(c, r.version());
    }

    private void showComparison(TrainingCoordinator c, String newVersion) {
        bg.run("reading model versions", () -> {
            List<VersionRow> list = c.versions().list(c.config().modelId());
            TrainingStatus st = c.status();
            Map<String, ModelManifest> manifests = new HashMap<>();
            for (String v : new String[] {st.coldStart() ? null : st.activeVersion(), newVersion}) {
                if (v != null) {
                    manifests.put(v, c.manifest(v));
                }
            }
            return new Object[] {list, st, manifests};
        }, data -> {
            @SuppressWarnings("unchecked")
            List<VersionRow> rows = (List<VersionRow>) data[0];
            TrainingStatus st = (TrainingStatus) data[1];
            Optional<VersionRow> active = st.coldStart() ? Optional.empty() : rows.stream().filter(v -> v.version().equals(st.activeVersion())).findFirst();
            Optional<VersionRow> fresh = rows.stream().filter(v -> v.version().equals(newVersion)).findFirst();
            compare.getChildren().clear();
            String[] head = {"", "active " + active.map(VersionRow::version).orElse("(none)"), "new " + (newVersion == null ? "(none)" : newVersion)};
            for (int i = 0; i < 3; i++) {
                compare.add(cell(head[i]), i, 0);
            }
            row(1, "holdout accuracy", active, fresh, v -> pct(v.holdoutAccuracy()));
            row(2, "majority baseline", active, fresh, v -> pct(v.holdoutBaseline()));
            row(3, "AUC (out of sample)", active, fresh, v -> String.format(Locale.ROOT, "%.3f", v.oosAuc()));
            row(4, "samples", active, fresh, v -> Integer.toString(v.samples()));
            row(5, "state", active, fresh, VersionRow::state);
            // the out-of-sample calls next to the baselines (core's scorecard in the manifest) and the gate's verdict
            @SuppressWarnings("unchecked")
            Map<String, ModelManifest> manifests = (Map<String, ModelManifest>) data[2];
            row(6, "accuracy vs majority / long / flat", active, fresh, v -> score(manifests.get(v.version()), b -> String.format(Locale.ROOT,
                    "%.1f%% vs %.1f / %.1f / %.1f%%", 100 * b.accuracy(), 100 * b.majorityAccuracy(), 100 * b.alwaysLongAccuracy(), 100 * b.alwaysFlatAccuracy())));
            row(7, "P&L/signal vs majority / long / flat", active, fresh, v -> score(manifests.get(v.version()), b -> String.format(Locale.ROOT,
                    "%+.3f%% vs %+.3f / %+.3f / %+.3f%%", b.pnlPct(), b.majorityPnlPct(), b.alwaysLongPnlPct(), b.alwaysFlatPnlPct())));
            row(8, "buy-and-hold (after costs)", active, fresh, v -> score(manifests.get(v.version()), b -> String.format(Locale.ROOT, "%+.2f%%",
                    b.buyAndHoldPct())));
            row(9, "promotion gate", active, fresh, v -> manifests.containsKey(v.version())
                    ? (PromotionGate.judge(manifests.get(v.version()).baselines()).passed() ? "passes" : "below") : "—");
            boolean canActivate = fresh.isPresent() && !fresh.get().version().equals(st.activeVersion())
                    && (TrainingJob.State.TRAINED.name().equals(fresh.get().state()) || TrainingJob.State.REJECTED.name().equals(fresh.get().state()));
            activate.setDisable(!canActivate);
            activate.setText(canActivate ? "Activate " + newVersion : "Activate new model");
            refreshModel();
        });
    }

    private void row(int r, String name, Optional<VersionRow> a, Optional<VersionRow> b, Function<VersionRow, String> f) {
        compare.add(cell(name), 0, r);
        compare.add(cell(a.map(f).orElse("—")), 1, r);
        compare.add(cell(b.map(f).orElse("—")), 2, r);
    }

    /** A cell of the comparison: wraps to as many lines as its column's width needs, never cut. */
    private static Label cell(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static String score(ModelManifest m, Function<Scorecard, String> f) {
        return m == null || m.baselines() == null ? "—" : f.apply(m.baselines());
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "—" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }

    /**
     * Asks the model's owner to make the version the last job trained the active one, by the same bus command as the
     * desk's Training tab ({@link TrainingCommand#activate}); below the gate only after the person confirmed the gap.
     * The answer says whether it was swapped in ({@link #onActivated}).
     */
    public void activateNew() {
        TrainingCoordinator c = coordinator;
        TrainingJob.Result r = result;
        if (c == null || r == null || r.version() == null) {
            return;
        }
        activate.setDisable(true);
        bg.run("judging " + r.version(), () -> c.gate(r.version()), gate -> {
            if (!gate.passed() && !confirmBelowGate.test(gate.gap())) {
                status.accept(r.version() + " not activated: below the promotion gate");
                activate.setDisable(false);
                return;
            }
            TrainingCommand cmd = TrainingCommand.activate(c.config().modelId(), r.version(), gate.passed() ? null : gate.gap());
            activation = cmd;
            status.accept("activating " + r.version() + "…"); // before the send: the answer may come first
            bg.run("activating " + r.version(), () -> {
                c.bus().publish(TrainingCommand.TOPIC, cmd); // a durable topic may write to Redis: off the FX thread
                return cmd;
            }, null, () -> activate.setDisable(false));
        }, () -> activate.setDisable(false));
    }

    /** The owner's answer to this panel's activation (FX thread): swapped in, or why not. */
    private void onActivated(TrainingCoordinator c, TrainingCommand cmd, String error) {
        if (c != coordinator || activation != cmd) {
            return;
        }
        activation = null;
        if (error != null) {
            status.accept(cmd.version() + " not activated: " + error);
            activate.setDisable(false);
            return;
        }
        status.accept(cmd.version() + " is now the active model" + (cmd.confirmedGap() == null ? "" : " (below the promotion gate, confirmed)"));
        showComparison(c, cmd.version());
    }

    /** The default confirmation: a dialog that names the gap. */
    private static boolean confirmDialog(String gap) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "This version is below the promotion gate:\n\n" + gap + "\n\nActivate it anyway? The activation is logged.",
                ButtonType.CANCEL, ButtonType.OK);
        a.setHeaderText("Activate below the promotion gate?");
        a.getDialogPane().setId("gate-confirm");
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /** Replaces the confirmation dialog (tests, or a shell with its own dialogs); the argument names the gap. */
    public void confirmWith(Predicate<String> confirm) {
        if (confirm == null) {
            throw new IllegalArgumentException("confirm is null");
        }
        confirmBelowGate = confirm;
    }

    // ------------------------------------------------------------------ for tests and the shell

    public ProgressBar progressBar() {
        return progress;
    }

    public int epochEventsSeen() {
        return epochEvents.get();
    }

    /** The last train command this panel sent (what it asked for), or null. */
    public TrainingCommand command() {
        return command;
    }

    public TrainingJob.Result result() {
        return result;
    }

    public String modelText() {
        return model.getText();
    }

    public String compareText() {
        StringBuilder sb = new StringBuilder();
        compare.getChildren().forEach(n -> sb.append(((Label) n).getText()).append(' '));
        return sb.toString().trim();
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
        subscriptions.clear();
    }
}
