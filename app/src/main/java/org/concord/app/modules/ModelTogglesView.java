package org.concord.app.modules;

import org.concord.annotate.DisplaySettings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.concord.app.live.LiveInferencePresenter;
import org.concord.live.ModelInfo;
import org.concord.live.ModelInfoReport;
import org.concord.app.shell.SwitchCell;
import org.concord.app.shell.TableFit;
import org.concord.app.shell.TableHeightFit;

import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The models in the module panel: discovered from the core's model rows (the orchestrator's registry), each with
 * two switches — inference (votes in the fusion) and training (receives training) — plus version, last training and
 * live accuracy. A click sends a command; the switch shows what the core reports back (persisted there).
 */
public final class ModelTogglesView {

    private final LiveInferencePresenter presenter;
    private final TableView<ModelInfo> table = new TableView<>();
    private final VBox root;

    public ModelTogglesView(LiveInferencePresenter presenter, DisplaySettings display) {
        this.presenter = presenter;
        table.setId("model-toggles");
        table.setPlaceholder(new Label("no models registered"));
        table.getColumns().add(text("Model", 140, ModelInfo::modelId));
        table.getColumns().add(toggle("Inference", "inference-", ModelInfo::inference, presenter::setInference));
        table.getColumns().add(toggle("Training", "training-", ModelInfo::training, presenter::setTraining));
        table.getColumns().add(text("Symbol", 70, ModelInfo::symbol));
        table.getColumns().add(text("Version", 80, m -> ModuleRow.version(m.version())));
        table.getColumns().add(text("Last trained", 140, m -> m.lastTrainedAt() == 0 ? "never" : display.format().dateMinute(m.lastTrainedAt())));
        // the side shown vs the price's direction after the training data, beside the majority direction's rate
        table.getColumns().add(text("Live accuracy", 170, m -> Double.isNaN(m.liveAccuracy()) ? "—"
                : String.format(Locale.ROOT, "%.1f %% (majority %.1f %%, n=%d)", 100 * m.liveAccuracy(), 100 * m.liveMajority(), m.liveScored())));
        table.getColumns().add(text("Live", 140, m -> m.live() ? "LIVE " + m.mode() : ""));
        table.getColumns().add(text("Note", 260, ModelInfo::note));
        table.setPrefHeight(140);
        TableFit.install(table);
        TableHeightFit.install(table, 6); // every model's row whole, above the scrollbar a long note brings
        root = new VBox(4, new Label("Models (inference: votes in the decision · training: receives training)"), table);
        root.setPadding(new Insets(4, 0, 0, 0));
    }

    public Node node() {
        return root;
    }

    public TableView<ModelInfo> table() {
        return table;
    }

    public void show(ModelInfoReport r) {
        if (!table.getItems().equals(r.models())) {
            table.getItems().setAll(r.models()); // the rows come every second: only a change re-lays the table out
        }
    }

    private static TableColumn<ModelInfo, String> text(String name, double w, Function<ModelInfo, String> f) {
        TableColumn<ModelInfo, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    private static TableColumn<ModelInfo, ModelInfo> toggle(String name, String idPrefix, Predicate<ModelInfo> get, BiConsumer<String, Boolean> send) {
        TableColumn<ModelInfo, ModelInfo> c = new TableColumn<>(name);
        c.setPrefWidth(80);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new SwitchCell<>(idPrefix, ModelInfo::modelId, get, m -> false, (m, on) -> send.accept(m.modelId(), on)));
        return c;
    }
}
