package org.concord.app.modules;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import org.concord.app.DeskHarness;
import org.concord.orchestrator.ModuleCommand;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.orchestrator.module.ModuleState;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After one module is switched off, the other rows' switches stay still while status snapshots keep arriving. On a
 * real display, cells handed to other rows flipped their switch (and its thumb animation) on every snapshot; Monocle
 * does not hand cells around the same way, so the real-display suite (DeskSessionAcceptanceTest) watches the pixels.
 */
class ModuleSwitchesTest extends ModulesTabFixture {
    @Test
    void switchesOfUnchangedRowsNeverFlipWhileSnapshotsArrive() throws Exception {
        FxToolkit.registerPrimaryStage();
        ModulePanelPresenter presenter = new ModulePanelPresenter(bus, presenters, null);
        ModulePanelView[] view = new ModulePanelView[1];
        FxToolkit.setupStage(s -> {
            view[0] = new ModulePanelView(presenter);
            s.setScene(new Scene((Parent) view[0].node(), 1200, 560));
            s.show();
        });
        String[] ids = {"pivots", "extrema", "microstructure", "correlation", "neural-fusion", "training", "market-analysis",
                "multi-timeframe", "supertrend", "alphatrend", "ichimoku", "qqe-ssl-wae", "turtle", "mean-reversion"};
        robot.interact(() -> view[0].show(rows(ids, null, 0)));
        WaitForAsyncUtils.waitForFxEvents();

        List<String> flips = Collections.synchronizedList(new ArrayList<>());
        Set<ToggleSwitch> watched = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int k = 1; k <= 12; k++) {
            int tick = k;
            robot.interact(() -> {
                watch(view[0].node(), watched, flips);
                // "extrema" is off; every snapshot changes the other rows' latency and output, as real ones do
                view[0].show(rows(ids, "extrema", tick));
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.interact(() -> watch(view[0].node(), watched, flips));
        assertThat(watched).as("switches watched").hasSizeGreaterThanOrEqualTo(8);
        assertThat(flips).as("switch flips of rows whose state never changed").allMatch(f -> f.startsWith("toggle-extrema"));
        long extrema = flips.stream().filter(f -> f.startsWith("toggle-extrema")).count();
        assertThat(extrema).as("the switched-off row moves once at most").isLessThanOrEqualTo(1);
    }

    /**
     * A model that struck out is brought back from its row's switch (it was greyed out for models, and nothing else
     * restarted one short of restarting the desk); its state reads once, not "DISABLED — disabled".
     */
    @Test
    void aModelInErrorIsSwitchedBackOnFromItsRow() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<ModuleCommand> sent = new CopyOnWriteArrayList<>();
        bus.subscribe(OrchestratorTopics.MODULE_COMMANDS, sent::add);
        ModulePanelPresenter presenter = new ModulePanelPresenter(bus, presenters, null);
        ModulePanelView[] view = new ModulePanelView[1];
        FxToolkit.setupStage(s -> {
            view[0] = new ModulePanelView(presenter);
            s.setScene(new Scene((Parent) view[0].node(), 1200, 300));
            s.show();
        });
        robot.interact(() -> view[0].show(List.of(
                new ModuleRow("cnn-btcusd", "model v000002", ModuleState.ERROR, "predict over budget: 13077 µs > 2000 µs", true, 1.0,
                        Double.NaN, 13_077, 7_864, "", 40, 3),
                new ModuleRow("pivots", "module", ModuleState.DISABLED, "disabled", false, 1.0, Double.NaN, 5, 20, "", 10, 0))));
        WaitForAsyncUtils.waitForFxEvents();
        ToggleSwitch model = robot.lookup("#toggle-cnn-btcusd").queryAs(ToggleSwitch.class);
        assertThat(model.isDisabled()).as("a model's switch can be used").isFalse();
        assertThat(model.isSelected()).isFalse();
        robot.interact(() -> model.setSelected(true));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> !sent.isEmpty());
        assertThat(sent).singleElement().isEqualTo(ModuleCommand.enable("cnn-btcusd"));
        List<String> texts = DeskHarness.fx(() -> robot.lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(Objects::nonNull).toList());
        assertThat(texts).contains("DISABLED").doesNotContain("DISABLED — disabled")
                .anyMatch(t -> t.startsWith("ERROR — predict over budget"));
    }

    private static void watch(Node root, Set<ToggleSwitch> watched, List<String> flips) {
        for (Node n : root.lookupAll(".toggle-switch")) {
            if (n instanceof ToggleSwitch t && watched.add(t)) {
                t.selectedProperty().addListener((o, was, now) -> flips.add(t.getId() + " " + was + "→" + now));
            }
        }
    }

    private static List<ModuleRow> rows(String[] ids, String off, int tick) {
        List<ModuleRow> out = new ArrayList<>();
        for (String id : ids) {
            boolean on = !id.equals(off);
            out.add(new ModuleRow(id, "module", on ? ModuleState.RUNNING : ModuleState.DISABLED, "", on, 1.0, Double.NaN,
                    5 + tick, 20 + tick, "out " + tick, 100L * tick, 0));
        }
        return out;
    }
}
