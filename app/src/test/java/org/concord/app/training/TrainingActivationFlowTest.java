package org.concord.app.training;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import org.concord.annotate.DisplaySettings;
import org.concord.app.DeskHarness;
import org.concord.app.shell.Presenters;
import org.concord.app.shell.Themes;
import org.concord.bus.InProcessEventBus;
import org.concord.chart.DisplayFormat;
import org.concord.training.TrainingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activate… on the Training tab: a saved version kept below the promotion gate is activated only after a question that
 * names its gap, and the command carries that gap as the person's confirmation; a refusal is listed with the swaps.
 * Before, the desk said "the Training tab can activate it with a confirmation that names this gap" and had no such
 * control (a new trader right-clicked and double-clicked the row: nothing).
 */
class TrainingActivationFlowTest {
    private static final String GAP = "out of sample (n=969) accuracy 76.7% vs majority 76.8% (-0.1 pts); P&L +0.000%/signal after "
            + "0.24% costs vs majority +0.000% (+0.000)";
    private final FxRobot robot = new FxRobot();
    private final InProcessEventBus bus = new InProcessEventBus();
    private final Presenters presenters = new Presenters();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        presenters.close();
        bus.close();
    }

    private static TrainingSnapshot.ModelRow row(String version, String state) {
        return new TrainingSnapshot.ModelRow("cnn-btcusd", version, state, "holdout AUC 0.670", "out-of-sample AUC 0.523", "2013-11-25 → 2013-11-26",
                1_765_036_297_000L, "", "below: " + GAP, null);
    }

    /** The Training tab on a stage, showing {@code rows} (newest first); returns its presenter. */
    private TrainingPresenter showing(List<TrainingSnapshot.ModelRow> rows) throws Exception {
        FxToolkit.registerPrimaryStage();
        TrainingView[] view = new TrainingView[1];
        TrainingPresenter[] presenter = new TrainingPresenter[1];
        FxToolkit.setupStage(s -> {
            Themes.apply("dark");
            DisplaySettings display = new DisplaySettings(DisplayFormat.UTC);
            presenter[0] = new TrainingPresenter(bus, presenters, null, display);
            view[0] = new TrainingView(presenter[0], display);
            s.setScene(new Scene((Parent) view[0].node(), 1400, 820));
            s.show();
        });
        robot.interact(() -> view[0].show(new TrainingSnapshot(rows, null, new double[0], "", List.of(), List.of(), "")));
        DeskHarness.pulses(5);
        return presenter[0];
    }

    /** Clicks Activate…, checks the question names {@code version} and the gap, answers OK; returns the command sent. */
    private TrainingCommand activateAfterTheQuestion(Button activate, String version) throws Exception {
        List<TrainingCommand> sent = new CopyOnWriteArrayList<>();
        bus.subscribe(TrainingCommand.TOPIC, sent::add);
        robot.clickOn(activate);
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> robot.lookup("#activate-confirm").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#activate-confirm").queryAs(DialogPane.class);
        assertThat(DeskHarness.fx(dialog::getHeaderText)).isEqualTo("Activate cnn-btcusd " + version + " below the promotion gate?");
        assertThat(DeskHarness.fx(dialog::getContentText)).contains("It is below the promotion gate: " + GAP);
        robot.clickOn((Button) DeskHarness.fx(() -> dialog.lookupButton(ButtonType.OK)));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> !sent.isEmpty());
        TrainingCommand c = sent.get(0);
        assertThat(c.action()).isEqualTo(TrainingCommand.ACTIVATE);
        assertThat(c.target()).isEqualTo("cnn-btcusd");
        assertThat(c.version()).isEqualTo(version);
        assertThat(c.confirmedGap()).as("the gap the person was shown").isEqualTo(GAP);
        return c;
    }

    @Test
    void aVersionBelowTheGateIsActivatedAfterAQuestionNamingItsGap() throws Exception {
        TrainingPresenter presenter = showing(List.of(row("v000002", "SWAPPED"), row("v000001", "REJECTED")));
        TableView<?> table = robot.lookup("#model-table").queryAs(TableView.class);
        Button activate = robot.lookup("#train-activate").queryAs(Button.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(DeskHarness.fx(activate::isDisabled)).as("the version in use").isTrue();
        robot.interact(() -> table.getSelectionModel().select(1));
        assertThat(DeskHarness.fx(activate::isDisabled)).as("a version kept below the gate").isFalse();
        TrainingCommand c = activateAfterTheQuestion(activate, "v000001");

        // the owner's refusal is said where the swaps are
        bus.publish(TrainingCommand.ANSWERS, new TrainingCommand.Answer(c.id(), "cnn-btcusd", null, "version v000001 does not load"));
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> {
            TrainingSnapshot shown = presenter.slot().take();
            return shown != null && shown.swaps().contains("cnn-btcusd v000001 not activated: version v000001 does not load");
        });
    }

    /**
     * With no row selected the details show the newest version, and Activate… acts on it (a new trader read a rejected
     * newest version's details and found the button disabled until a row was clicked).
     */
    @Test
    void withNoRowSelectedActivateActsOnTheNewestVersionTheDetailsShow() throws Exception {
        showing(List.of(row("v000003", "REJECTED"), row("v000002", "SWAPPED")));
        Button activate = robot.lookup("#train-activate").queryAs(Button.class);
        assertThat(DeskHarness.fx(() -> robot.lookup("#model-table").queryAs(TableView.class).getSelectionModel().isEmpty())).isTrue();
        assertThat(DeskHarness.fx(() -> robot.lookup("#version-detail").queryLabeled().getText())).startsWith("cnn-btcusd v000003");
        assertThat(DeskHarness.fx(activate::isDisabled)).as("Activate… on the newest version, kept below the gate").isFalse();
        activateAfterTheQuestion(activate, "v000003");
    }
}
