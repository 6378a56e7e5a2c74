package org.concord.app.feed;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Slider;
import org.concord.app.DeskHarness;
import org.concord.app.shell.Presenters;
import org.concord.engine.ConcordRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/** The feed bar on a running replay, as a person uses it on the real display. */
class FeedBarTest {
    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    /**
     * Seen on the real display: a click on the seek slider's track, near its end, moved the thumb there for a moment
     * and the replay went on where it was (only a drag of the thumb seeked). A click on the track seeks too.
     */
    @Test
    void aClickOnTheSeekTrackSeeksTheReplay() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir);
             FeedController feed = new FeedController(engine);
             Presenters presenters = new Presenters()) {
            feed.startReplay(600, 0);
            feed.pause();
            FeedStatus start = feed.status();
            FxToolkit.registerPrimaryStage();
            FeedBar[] bar = new FeedBar[1];
            FxToolkit.setupStage(s -> {
                bar[0] = new FeedBar(feed, presenters, false);
                s.setScene(new Scene((Parent) bar[0].node(), 1000, 60));
                s.show();
            });
            robot.interact(() -> bar[0].show(feed.status())); // as the status pulse does
            Slider seek = fx(() -> (Slider) bar[0].node().lookup("#replay-seek"));
            Node track = fx(() -> seek.lookup(".track"));
            Point2D at = fx(() -> {
                Bounds b = track.localToScreen(track.getBoundsInLocal());
                return new Point2D(b.getMinX() + b.getWidth() * 0.8, b.getCenterY());
            });
            robot.clickOn(at);
            long target = start.firstTime() + (long) (0.7 * (start.lastTime() - start.firstTime()));
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> feed.status().dataTime() >= target);
            assertThat(feed.status().dataTime()).as("data time after a click at 80 %% of the track").isGreaterThanOrEqualTo(target);
        }
    }

    /**
     * Seen on the real display: Space (pause) changed "Pause" to the narrower "Play" and the speed chooser and the
     * seek slider jumped 12 px left under the mouse. The button keeps one width.
     */
    @Test
    void playAndPauseLeaveTheSpeedAndSeekControlsWhereTheyAre() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir);
             FeedController feed = new FeedController(engine);
             Presenters presenters = new Presenters()) {
            feed.startReplay(600, 0);
            FxToolkit.registerPrimaryStage();
            FeedBar[] bar = new FeedBar[1];
            FxToolkit.setupStage(s -> {
                bar[0] = new FeedBar(feed, presenters, false);
                s.setScene(new Scene((Parent) bar[0].node(), 1000, 60));
                s.show();
            });
            Node speed = fx(() -> bar[0].node().lookup("#replay-speed"));
            robot.interact(() -> bar[0].show(feed.status()));
            DeskHarness.pulses(2);
            double running = fx(() -> speed.localToScene(0, 0).getX());
            feed.pause();
            robot.interact(() -> bar[0].show(feed.status()));
            DeskHarness.pulses(2);
            assertThat(fx(() -> ((Button) bar[0].node().lookup("#play-pause")).getText())).isEqualTo("Play");
            assertThat(fx(() -> speed.localToScene(0, 0).getX())).as("speed chooser's x, paused vs running").isEqualTo(running);
        }
    }
}
