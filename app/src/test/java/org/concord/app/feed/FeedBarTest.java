package org.concord.app.feed;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Slider;
import org.concord.app.DeskHarness;
import org.concord.app.shell.Presenters;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BarReplayFeed;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
                bar[0] = new FeedBar(feed, presenters, false, new SeekBack(null));
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
                bar[0] = new FeedBar(feed, presenters, false, new SeekBack(null));
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

    /**
     * A seek back would mark the paper accounts' positions at earlier prices, so it asks first and restarts the paper
     * session only on a yes, before the replay goes back; Cancel leaves both where they are. A seek forward asks nothing.
     */
    @Test
    void aSeekBackAsksFirstAndRestartsThePaperSessionOnlyOnYes() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir);
             FeedController feed = new FeedController(engine);
             Presenters presenters = new Presenters()) {
            feed.startReplay(600, 0);
            feed.pause();
            FeedStatus tape = feed.status();
            long span = tape.lastTime() - tape.firstTime();
            List<Long> restartedAt = new CopyOnWriteArrayList<>(); // the replay's data time when the session restarted
            List<Map<Symbol, Long>> restartedFor = new CopyOnWriteArrayList<>();
            SeekBack seekBack = new SeekBack(to -> {
                restartedAt.add(feed.status().dataTime());
                restartedFor.add(to);
                return CompletableFuture.completedFuture("restarted");
            });
            FxToolkit.registerPrimaryStage();
            FeedBar[] bar = new FeedBar[1];
            FxToolkit.setupStage(s -> {
                bar[0] = new FeedBar(feed, presenters, false, seekBack);
                s.setScene(new Scene((Parent) bar[0].node(), 1000, 60));
                s.show();
            });
            Slider seek = fx(() -> (Slider) bar[0].node().lookup("#replay-seek"));
            Node track = fx(() -> seek.lookup(".track"));

            robot.interact(() -> bar[0].show(feed.status()));
            clickTrack(track, 0.8);
            long forward = tape.firstTime() + (long) (0.7 * span);
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> feed.status().dataTime() >= forward);
            assertThat(confirmation()).as("a seek forward asks nothing").isEmpty();
            assertThat(restartedAt).isEmpty();

            robot.interact(() -> bar[0].show(feed.status()));
            clickTrack(track, 0.2);
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> confirmation().isPresent());
            robot.clickOn(fx(() -> (Button) ((DialogPane) confirmation().orElseThrow()).lookupButton(ButtonType.CANCEL)));
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> confirmation().isEmpty());
            presenters.run(() -> { }); // what the bar handed over so far has run once this has
            DeskHarness.pulses(2);
            assertThat(restartedAt).as("Cancel: no restart").isEmpty();
            assertThat(feed.status().dataTime()).as("Cancel: no seek").isGreaterThanOrEqualTo(forward);

            robot.interact(() -> bar[0].show(feed.status()));
            clickTrack(track, 0.2);
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> confirmation().isPresent());
            robot.clickOn(fx(() -> (Button) ((DialogPane) confirmation().orElseThrow()).lookupButton(SeekBack.RESTART)));
            long back = tape.firstTime() + (long) (0.3 * span);
            WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> feed.status().dataTime() <= back);
            assertThat(restartedAt).as("one restart, before the replay went back").hasSize(1);
            assertThat(restartedAt.get(0)).isGreaterThanOrEqualTo(forward);
            // one market clock: the session restarted for every bundled instrument, and each went back to the instant
            assertThat(restartedFor.get(0)).containsOnlyKeys(BundledData.BTCUSD, BundledData.ETHUSD, BundledData.AAPL);
            long instant = restartedFor.get(0).get(BundledData.BTCUSD);
            for (BarReplayFeed b : engine.companions()) {
                WaitForAsyncUtils.waitFor(DeskHarness.PATIENCE_SECONDS, TimeUnit.SECONDS, () -> b.dataTime() <= instant + b.shift());
                assertThat(engine.data().clock(b.symbol())).as("%s's clock after the seek back", b.symbol()).isLessThanOrEqualTo(instant + b.shift());
            }
        }
    }

    private void clickTrack(Node track, double fraction) {
        robot.clickOn(fx(() -> {
            Bounds b = track.localToScreen(track.getBoundsInLocal());
            return new Point2D(b.getMinX() + b.getWidth() * fraction, b.getCenterY());
        }));
    }

    private Optional<Node> confirmation() {
        return fx(() -> robot.lookup("#seek-back-confirm").tryQuery());
    }
}
