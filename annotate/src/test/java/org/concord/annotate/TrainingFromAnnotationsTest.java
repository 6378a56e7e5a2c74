package org.concord.annotate;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.bus.Subscription;
import org.concord.training.TrainingCommand;
import org.concord.training.TrainingJob;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** "Train on annotations" from the workspace with the real coordinator (DJL on CPU): progress, result, activation, cancel. */
class TrainingFromAnnotationsTest extends WorkspaceTestBase {

    private void annotate(FxRobot robot) {
        BarSeries m = Fixture.data.bars(Fixture.BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 5_000, org.concord.store.Direction.LATEST);
        Fixture.service.save(Annotation.draft("train-1", Fixture.BTC, Timeframe.M1, m.time(1_000), m.close(1_000), m.time(1_030), m.close(1_030),
                AnnotationDirection.LONG, Double.NaN, Double.NaN, List.of("train"), "", "tester", 1L));
        Fixture.service.save(Annotation.draft("train-2", Fixture.BTC, Timeframe.M1, m.time(2_000), m.close(2_000), m.time(2_020), m.close(2_020),
                AnnotationDirection.NO_TRADE, Double.NaN, Double.NaN, List.of("train"), "", "tester", 1L));
        robot.interact(() -> ws.annotations().refresh());
        settle(robot);
        click(robot, "Training");
        settle(robot);
    }

    @Test
    void trainingOnTheSelectedAnnotationsReportsProgressAndItsModelCanBeActivated(FxRobot robot) {
        settle(robot);
        annotate(robot);
        // select both rows of the list (what the training uses)
        robot.interact(() -> ws.list().table().getSelectionModel().selectAll());
        assertThat(fx(() -> ws.list().selectedOrShown())).hasSize(2);
        long swapsBefore = Fixture.coordinator.slot().swaps();
        click(robot, "#train-annotations");
        until(robot, "an EPOCH event and a moving progress bar", () -> ws.training().epochEventsSeen() > 0
                && ws.training().progressBar().getProgress() > 0, 60_000);
        // the annotations go expanded into weighted samples by the rule the list shows, not as their single frames
        assertThat(fx(() -> ws.training().command().request().annotations())).extracting(Annotation::id).containsExactlyInAnyOrder("train-1", "train-2");
        assertThat(fx(() -> ws.training().command().request().expansion())).isEqualTo(org.concord.annotate.panel.AnnotationListPanel.RULE);
        assertThat(fx(() -> ws.training().command().request().annotationFrameIds())).isNull();
        assertThat(fx(() -> ws.training().command().request().activate())).isFalse();
        until(robot, "the job's result", () -> ws.training().result() != null, 120_000);
        settle(robot);
        TrainingJob.Result r = fx(() -> ws.training().result());
        assertThat(r.state()).as(r.message()).isEqualTo(r.gate().passed() ? TrainingJob.State.TRAINED : TrainingJob.State.REJECTED);
        assertThat(fx(() -> ws.training().progressBar().getProgress())).isEqualTo(1.0);
        assertThat(Fixture.coordinator.slot().swaps()).as("not swapped in before a person activates it").isEqualTo(swapsBefore);
        String compare = fx(() -> ws.training().compareText());
        assertThat(compare).contains("new " + r.version()).contains("holdout accuracy").contains(r.state().name())
                .contains("accuracy vs majority / long / flat").contains("P&L/signal").contains("buy-and-hold").contains("promotion gate");
        // in a 1280×800 window (the Annotate tab's area about 1280×680) the whole result is readable: nothing cut to
        // "…" (the comparison's figures were, beyond reach of the panel's scrolling), the activate button reachable
        resize(robot, 1280, 680);
        assertThat(fx(() -> WorkspaceLookTest.cutTexts(ws.node()))).as("text cut to … in the Training tab at 1280×680").isEmpty();
        ScrollPane scroll = fx(() -> {
            Node n = ws.node().lookup("#training-panel");
            while (!(n instanceof ScrollPane)) {
                n = n.getParent();
            }
            return (ScrollPane) n;
        });
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        settle(robot);
        assertThat(fx(() -> {
            Node b = ws.node().lookup("#train-activate");
            return scroll.localToScene(scroll.getLayoutBounds()).contains(b.localToScene(b.getLayoutBounds()));
        })).as("the activate button inside the scrolled panel").isTrue();
        // the line above names the new version and why it is not in use, not only the model in use's "no trained model"
        until(robot, "the model line naming the new version", () -> fx(() -> ws.training().modelText()).contains(r.version() + " trained, not installed: "), 30_000);
        assertThat(fx(() -> ws.training().modelText())).contains(r.gate().passed() ? "passes the promotion gate" : "below the promotion gate: " + r.gate().gap());
        List<String> asked = new CopyOnWriteArrayList<>();
        robot.interact(() -> ws.training().confirmWith(gap -> asked.add(gap)));
        List<TrainingCommand> sent = new CopyOnWriteArrayList<>();
        try (Subscription commands = Fixture.coordinator.bus().subscribe(TrainingCommand.TOPIC, sent::add)) {
            click(robot, "#train-activate");
            until(robot, "the activation", () -> !Fixture.coordinator.status().coldStart() && r.version().equals(Fixture.coordinator.status().activeVersion()), 30_000);
        }
        settle(robot);
        assertThat(Fixture.coordinator.slot().swaps()).isEqualTo(swapsBefore + 1);
        // below the gate the person was asked, with the gap named; above it nobody is asked
        assertThat(asked).isEqualTo(r.gate().passed() ? List.of() : List.of(r.gate().gap()));
        // the one way to activate: the bus command the desk's Training tab sends too, naming the gap the person confirmed
        assertThat(sent).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(TrainingCommand.ACTIVATE);
            assertThat(c.version()).isEqualTo(r.version());
            assertThat(c.confirmedGap()).isEqualTo(r.gate().passed() ? null : r.gate().gap());
        });
        until(robot, "the owner's answer in the status line", () -> ws.statusText().startsWith(r.version() + " is now the active model"), 30_000);
        assertThat(fx(() -> ws.training().compareText())).contains("active " + r.version()).contains("SWAPPED");
    }

    @Test
    void aRunningTrainingCanBeCancelled(FxRobot robot) {
        settle(robot);
        annotate(robot);
        click(robot, "#train-annotations");
        until(robot, "the first EPOCH event", () -> ws.training().epochEventsSeen() > 0, 60_000);
        click(robot, "#train-cancel");
        until(robot, "the job's end", () -> ws.training().result() != null, 60_000);
        settle(robot);
        assertThat(fx(() -> ws.training().result().state())).isEqualTo(TrainingJob.State.CANCELLED);
        assertThat(fx(() -> ws.training().progressBar().getProgress())).isLessThan(1.0);
        // the keyboard still works afterwards (the FX thread never waited)
        key(robot, KeyCode.A);
        assertThat(fx(() -> ws.tool().on())).isTrue();
    }
}
