package org.concord.app.portfolio;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.concord.annotate.DisplaySettings;
import org.concord.app.DeskHarness;
import org.concord.chart.DisplayFormat;
import org.concord.config.TradingSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordination events cite a 50 % net-exposure limit (the coordinator's per-symbol one) while the Risk limits form
 * showed only the risk manager's (max net exposure 100): a trader found the 50 % nowhere. The form shows the
 * coordinator's limit in force, labelled as the coordinator's, read-only (no setting of concord.yaml reaches it).
 */
class CoordinatorLimitTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theRiskFormShowsTheCoordinatorsPerSymbolNetLimitReadOnly() throws Exception {
        FxToolkit.registerPrimaryStage();
        PortfolioView[] view = new PortfolioView[1];
        FxToolkit.setupStage(s -> {
            view[0] = new PortfolioView(new DisplaySettings(DisplayFormat.UTC));
            s.setScene(new Scene((Parent) view[0].node(), 1400, 900));
            s.show();
        });
        PortfolioSnapshot.Coordination c = new PortfolioSnapshot.Coordination(0, 3, 0, "RANGING", 0.1, 0.5, List.of(), null,
                TradingSettings.defaults(), 0.5);
        PortfolioSnapshot snap = new PortfolioSnapshot(1_385_510_400_000L, 10_000, 10_000, 0, 0, 0, 0, 1, 0.1, false, List.of(), Map.of(),
                List.of(), new double[0], 120, c);
        robot.interact(() -> view[0].show(new PortfolioModel(snap, new long[0], new double[0], new long[0], Map.of(), List.of(), List.of(),
                new long[0], new double[0], null)));
        DeskHarness.pulses(3);

        TextField field = view[0].settings().coordinatorLimit();
        String text = DeskHarness.fx(() -> field.getText());
        boolean editable = DeskHarness.fx(() -> field.isEditable());
        assertThat(text).as("the coordinator's limit, in percent of equity").isEqualTo("50");
        assertThat(editable).as("no setting reaches it: read-only").isFalse();
        assertThat(DeskHarness.fx(() -> robot.lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList()))
                .contains("Max net per symbol (coordinator)")
                .anyMatch(t -> t.contains("read-only"))
                .anyMatch(t -> t.contains("net-limit cuts cite"));
        // the risk manager's own net limit stays beside it, a different figure
        assertThat(DeskHarness.fx(() -> robot.lookup("#limit-maxNetExposure").queryAs(TextField.class).getText())).isEqualTo("100");
    }
}
