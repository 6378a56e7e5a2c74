package org.concord.app.live;

import org.concord.annotate.DisplaySettings;
import org.concord.app.shell.Counts;
import org.concord.app.shell.Labels;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.concord.live.LiveMode;
import org.concord.live.LiveSignal;
import org.concord.live.LiveSnapshot;
import org.concord.live.ModelInfo;
import org.concord.live.ModelInfoReport;
import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Live inference panel beside the chart: pick a model (its symbol is shown) and a mode, Start/Stop; while
 * running a LIVE banner, the update counter, the newest BUY/SELL/HOLD with its confidence, the paper P&L of the
 * signals (position rules: entry 0.75, exit 0.35) and the last signals. Renders snapshots only. The model chosen
 * follows the chart's symbol ({@link #follow}): picking ETHUSD in the watchlist shows ETHUSD's model.
 */
public final class LiveInferenceView {
    private final DisplaySettings display;

    private final LiveInferencePresenter presenter;
    private final ComboBox<String> model = new ComboBox<>();
    private final Label symbol = new Label("—");
    private final ChoiceBox<LiveMode> mode = new ChoiceBox<>(FXCollections.observableArrayList(LiveMode.values()));
    private final Button start = new Button("Start");
    private final Button stop = new Button("Stop");
    private final Label banner = new Label("OFF");
    private final Label counter = new Label("0 updates");
    private final Label latest = new Label("no signal yet");
    // result lines wrap in the narrow panel instead of being cut to "…"
    private final Label pnl = Labels.wrapping("P&L —", Double.MAX_VALUE);
    private final Label ghosts = Labels.wrapping("", Double.MAX_VALUE);
    private final Label training = Labels.wrapping("", Double.MAX_VALUE);
    private final ListView<String> signals = new ListView<>();
    private final VBox root;
    private List<ModelInfo> known = List.of();
    private LiveSnapshot shown;
    /** The chart's symbol, whose model is chosen when it changes or when the models arrive (null: none yet). */
    private Symbol following;

    public LiveInferenceView(LiveInferencePresenter presenter, DisplaySettings display) {
        this.display = display;
        this.presenter = presenter;
        model.setId("live-model");
        mode.setId("live-mode");
        mode.setValue(LiveMode.INFERENCE);
        start.setId("live-start");
        stop.setId("live-stop");
        banner.setId("live-banner");
        counter.setId("live-counter");
        latest.setId("live-latest");
        pnl.setId("live-pnl");
        ghosts.setId("live-ghosts");
        training.setId("live-training");
        signals.setId("live-signals");
        symbol.setId("live-symbol");
        banner.getStyleClass().add("live-banner");
        banner.setStyle("-fx-font-weight: bold; -fx-padding: 2 8 2 8; -fx-background-color: #555; -fx-text-fill: white;");
        latest.setStyle("-fx-font-size: 15px; -fx-font-weight: bold;");
        model.valueProperty().addListener((o, a, b) -> showModel(b));
        start.setOnAction(e -> {
            if (model.getValue() != null) {
                presenter.start(model.getValue(), mode.getValue());
            }
        });
        stop.setOnAction(e -> {
            if (model.getValue() != null) {
                presenter.stop(model.getValue());
            }
        });
        stop.setDisable(true);
        signals.setPrefHeight(220);
        VBox.setVgrow(signals, Priority.ALWAYS);
        root = new VBox(6, new Label("Live inference"), new HBox(6, new Label("Model"), model), new HBox(6, new Label("Symbol"), symbol),
                new HBox(6, new Label("Mode"), mode), new HBox(6, start, stop), new HBox(6, banner, counter), latest, pnl, ghosts, training,
                new Label("Last signals"), signals);
        root.setPadding(new Insets(6));
        root.setPrefWidth(280); // its widest row (Mode and its chooser) needs about 270: the rest is the chart's
        root.setId("live-inference");
    }

    public Node node() {
        return root;
    }

    private void showModel(String id) {
        String none = id == null && following != null ? following.code() + " (no model)" : "—";
        symbol.setText(known.stream().filter(m -> m.modelId().equals(id)).map(ModelInfo::symbol).findFirst().orElse(none));
    }

    /**
     * The chart shows {@code s}: its model is chosen at once (none chosen when it has no model); a model picked by
     * hand afterwards stays until the chart's symbol changes again. FX thread.
     */
    public void follow(Symbol s) {
        following = s;
        chooseFollowed();
        showModel(model.getValue());
    }

    private void chooseFollowed() {
        if (following != null) {
            model.setValue(known.stream().filter(m -> m.symbol().equals(following.code())).map(ModelInfo::modelId).findFirst().orElse(null));
        }
    }

    /** New model rows (FX thread). */
    public void showModels(ModelInfoReport r) {
        known = r.models();
        List<String> ids = known.stream().map(ModelInfo::modelId).toList();
        if (!model.getItems().equals(ids)) {
            String keep = model.getValue();
            model.getItems().setAll(ids);
            model.setValue(keep != null && ids.contains(keep) ? keep : ids.isEmpty() ? null : ids.get(0));
            chooseFollowed();
        }
        showModel(model.getValue());
    }

    /** A new snapshot (FX thread). */
    public void show(LiveSnapshot s) {
        shown = s;
        boolean running = s.running();
        banner.setText(running ? "LIVE" : "OFF");
        banner.setStyle("-fx-font-weight: bold; -fx-padding: 2 8 2 8; -fx-text-fill: white; -fx-background-color: "
                + (running ? "#d0312d" : "#555") + ";");
        start.setDisable(running);
        stop.setDisable(!running);
        mode.setDisable(running);
        counter.setText(Counts.of(s.updates(), "update") + (s.errors() > 0 ? " · " + Counts.of(s.errors(), "error") : ""));
        LiveSignal l = s.latest();
        latest.setText(l == null ? "no signal yet" : String.format(Locale.ROOT, "%s %.0f%%  @ %.2f", l.action(), 100 * l.confidence(), l.price()));
        latest.setStyle("-fx-font-size: 15px; -fx-font-weight: bold; -fx-text-fill: "
                + (l == null ? "-color-fg-default" : switch (l.action()) { case BUY -> "#1faa55"; case SELL -> "#e0413a"; default -> "#888"; }) + ";");
        // the signals' own paper account after fees and slippage, next to holding the same money (after the same costs)
        pnl.setText(String.format(Locale.ROOT, "Paper P&L %+.2f %% after %.2f %% fees (realized %+.2f, open %+.2f) · buy-and-hold %+.2f %% · %s · "
                + "%s, %d won", s.totalPct(), s.feesPct(), s.realizedPct(), s.unrealizedPct(), s.buyHoldPct(), s.position(), Counts.of(s.trades(), "trade"), s.wins()));
        ghosts.setText(s.ghosts().isEmpty() ? "" : String.format(Locale.ROOT, "%s · direction right %d of %d", Counts.of(s.ghosts().size(), "predicted candle"),
                s.ghostHits(), s.ghostScored()));
        training.setText(switch (s.mode()) {
            case PIVOT_TRAINING -> Counts.of(s.pivotSamples(), "pivot sample") + " · " + Counts.of(s.trainingJobs(), "training") + " started";
            case FRAME_TRAINING -> Counts.of(s.framesStored(), "frame") + " stored for training";
            default -> "";
        });
        List<String> lines = new ArrayList<>();
        List<LiveSignal> list = s.signals();
        for (int i = list.size() - 1; i >= 0 && lines.size() < 50; i--) {
            LiveSignal x = list.get(i);
            lines.add(String.format(Locale.ROOT, "%s  %-4s %3.0f%%  %.2f%s", display.format().axisTime(x.time(), 5 * 86_400_000L), x.action(), 100 * x.confidence(),
                    x.price(), "NONE".equals(x.transition()) ? "" : "  " + x.transition()));
        }
        if (!signals.getItems().equals(lines)) {
            signals.getItems().setAll(lines);
        }
    }

    public LiveSnapshot shown() {
        return shown;
    }

    public String bannerText() {
        return banner.getText();
    }

    public String counterText() {
        return counter.getText();
    }
}
