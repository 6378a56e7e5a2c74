package org.concord.app.shell;

import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import org.concord.app.DeskHarness;
import org.concord.app.feed.FeedStatus;
import org.concord.app.feed.StatusLine;
import org.concord.app.feed.StatusSnapshot;
import org.concord.chart.DisplayFormat;
import org.concord.feed.FeedState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
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

    /**
     * Seen on the real display at 1400 px: the line past the end of the recording was cut to "… 20:23:51 (looped
     * recording: synt…", the word that mattered lost. The bar as the desk builds it, in the desk's theme, with the desk's
     * fixed items (the zone chooser is as wide as its longest zone): the line says "synthetic" before the clock it
     * qualifies and the clock whole, and its tooltip holds the whole line and what "synthetic" means.
     */
    @Test
    void at1400PxTheLoopedRecordingsLineSaysSyntheticAndItsClockAndTheTooltipExplains() throws Exception {
        FxToolkit.registerPrimaryStage();
        long t = Instant.parse("2013-12-01T20:23:51Z").toEpochMilli();
        FeedStatus feed = new FeedStatus("Replay BTCUSD 600.0x", "BTCUSD", FeedState.RUNNING, 600, t, -1, 9390, 0, t, true);
        String line = StatusLine.text(new StatusSnapshot(feed, "in-process", 2.3, 8795, "local", "BTCUSD", t, true), DisplayFormat.UTC, 9390);
        Label status = new Label();
        HBox[] bar = new HBox[1];
        FxToolkit.setupStage(s -> {
            Themes.apply("dark");
            ComboBox<String> zone = new ComboBox<>();
            zone.getItems().addAll(MainWindow.ZONES);
            zone.setValue("UTC");
            Label bot = new Label("BOT OFF");
            bot.setStyle("-fx-font-weight: bold; -fx-padding: 2 8 2 8;");
            Label paper = new Label("PAPER");
            paper.setStyle("-fx-font-weight: bold; -fx-padding: 2 10 2 10;");
            bar[0] = StatusBar.of(status, new Label("2.3 decisions/s (8795)"), new Label("in-process"), new Label("local"), zone,
                    new HBox(6, bot, paper));
            Scene scene = new Scene(bar[0], 1400, 40);
            scene.getStylesheets().add(Themes.APP_CSS);
            s.setScene(scene);
            s.setWidth(1400); // the primary stage is shared: another test may have narrowed it
            s.show();
        });
        robot.interact(() -> status.setText(line));
        DeskHarness.pulses(3); // laid out with the new text
        assertThat(written(status)).as("what the bar writes of '%s'", line).contains("RUNNING · synthetic · BTCUSD data 2013-12-01 20:23:51");
        String tip = DeskHarness.fx(() -> status.getTooltip() == null ? "" : status.getTooltip().getText());
        assertThat(tip).startsWith(line).contains("no such trade happened");
    }

    /** The text the label's skin draws (elided when the label is narrower than its text). */
    private static String written(Label l) {
        return DeskHarness.fx(() -> l.lookupAll(".text").stream().filter(Text.class::isInstance).map(n -> ((Text) n).getText())
                .findFirst().orElse(""));
    }
}
