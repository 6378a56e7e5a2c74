package org.concord.app.shell;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import org.concord.app.DeskHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seen on the real display at 1400 px: once the status line said "(looped recording: synthetic prices)", every item
 * of the bar was elided alike, the trading badges included ("BOT …", "P…"). Only the status line may give way.
 */
class StatusBarTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLongStatusLineIsElidedAndTheBadgesAreWrittenWhole() throws Exception {
        FxToolkit.registerPrimaryStage();
        Label status = new Label("Replay BTCUSD 3600.0x · RUNNING · BTCUSD data 2013-12-01 22:03:47 (looped recording: synthetic prices) · 9390 bars");
        Label rate = new Label("12.0 decisions/s (9695)");
        Label connection = new Label("in-process");
        Label mode = new Label("local");
        ComboBox<String> zone = new ComboBox<>();
        zone.getItems().add("UTC");
        zone.setValue("UTC");
        Label bot = new Label("BOT OFF");
        Label paper = new Label("PAPER");
        List<Label> fixed = List.of(rate, connection, mode, bot, paper);
        HBox[] bar = new HBox[1];
        FxToolkit.setupStage(s -> {
            bar[0] = StatusBar.of(status, rate, connection, mode, zone, new HBox(6, bot, paper));
            s.setScene(new Scene(bar[0], 1400, 40));
            s.show();
        });
        // as wide as the fixed items need plus a third of the status line: the line cannot be written whole
        robot.interact(() -> {
            double need = fixed.stream().mapToDouble(l -> l.prefWidth(-1)).sum() + zone.prefWidth(-1) + 6 * 14;
            bar[0].getScene().getWindow().setWidth(need + status.prefWidth(-1) / 3);
        });
        WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS,
                () -> written(status).endsWith("…") || written(status).endsWith("..."));
        for (Label l : fixed) {
            assertThat(written(l)).as("what the bar writes for '%s'", l.getText()).isEqualTo(l.getText());
        }
    }

    /** The text the label's skin draws (elided when the label is narrower than its text). */
    private static String written(Label l) {
        return DeskHarness.fx(() -> l.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .findFirst().orElse(""));
    }
}
