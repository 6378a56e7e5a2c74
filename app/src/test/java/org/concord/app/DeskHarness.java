package org.concord.app;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.concord.app.session.SessionOptions;
import org.concord.bench.DecisionFigures;
import org.concord.orchestrator.config.ConfigFiles;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotException;
import org.testfx.api.FxRobotInterface;
import org.testfx.api.FxToolkit;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every TestFX flow over the real workstation does around its tests: a fresh data directory with a preset
 * (time budget relaxed, so a stall on a loaded CI machine cannot put a module in ERROR), the app started headless
 * on it, screenshots of the window, and the clean-up.
 */
public final class DeskHarness {
    public static final Path SHOTS = Path.of("target", "screenshots");
    /** The deadline of a positive wait: it only bounds a failing test, and a loaded 2-core CI machine is slow. */
    public static final int PATIENCE_SECONDS = 60;

    private DeskHarness() {
    }

    /** A temporary data directory whose {@code concord.yaml} is {@code preset} with a relaxed time budget. */
    public static Path dataDir(String prefix, String preset) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        ConfigFiles.save(dir.resolve("concord.yaml"), DecisionFigures.relaxed(ConfigFiles.preset(preset)));
        return dir;
    }

    /** Starts the app (options already set in {@link ConcordApp#optionsOverride}) and waits for its window. */
    public static Application start() throws Exception {
        Application app = FxToolkit.setupApplication(ConcordApp.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> ConcordApp.current() != null && ConcordApp.current().window() != null);
        return app;
    }

    /** What {@link #launch} started: the class's {@code @AfterAll} hands {@code app} and {@code dataDir} to {@link #close}. */
    public record Launched(Path dataDir, Stage stage, Application app) {
    }

    /** {@link #launch(String, String, UnaryOperator)} with the replay options as they are. */
    public static Launched launch(String prefix, String preset) throws Exception {
        return launch(prefix, preset, UnaryOperator.identity());
    }

    /**
     * The desk launch of the flow classes: a {@link #dataDir} of {@code preset}, the bundled replay at 3,600x from the
     * usual skip (started with the app) plus what {@code options} adds, the app {@link #start started} on the primary
     * stage, and its window {@link #placeAtOrigin placed at the origin}: left where the app puts it, the window lands
     * partly outside Monocle's screen (frames overflow, clicks on its right side are lost).
     */
    public static Launched launch(String prefix, String preset, UnaryOperator<SessionOptions> options) throws Exception {
        return launch(dataDir(prefix, preset), options);
    }

    /** {@link #launch(String, String, UnaryOperator)} on a data directory already made (and prepared: a saved ui-state.json). */
    public static Launched launch(Path dir, UnaryOperator<SessionOptions> options) throws Exception {
        ConcordApp.optionsOverride = options.apply(SessionOptions.defaults(dir).withReplay(3_600, SessionOptions.DEFAULT_SKIP, true));
        Stage stage = FxToolkit.registerPrimaryStage();
        Application app = start();
        placeAtOrigin(stage);
        return new Launched(dir, stage, app);
    }

    /** The window is centred for a larger screen; Monocle's is 1600x1000: put it where the robot's clicks land. */
    public static void placeAtOrigin(Stage stage) {
        new FxRobot().interact(() -> {
            stage.setX(0);
            stage.setY(0);
        });
    }

    /** Stops the app and deletes the data directory. */
    public static void close(Application app, Path dataDir) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        ConcordApp.optionsOverride = null;
        try (var files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /**
     * {@code read} on the FX thread, from the test thread: a lookup walks the scene graph, which the FX thread changes
     * all the time (from the test thread, lookups met a child list being replaced under load: NullPointerException
     * and IndexOutOfBoundsException inside {@code lookupAll}, a synergy grid read while cleared and refilled).
     */
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading the scene on the FX thread failed", e);
        }
    }

    /**
     * The node {@code query} finds that is visible, found on the FX thread ({@link #fx}): the node TestFX's
     * {@code clickOn(query)} and {@code doubleClickOn(query)} would act on, for the robot to act on from the test
     * thread.
     */
    public static Node node(FxRobot robot, String query) {
        Node n = fx(() -> robot.lookup(query).match(NodeQueryUtils.isVisible()).query());
        if (n == null) {
            throw new FxRobotException("the query \"" + query + "\" found no visible node");
        }
        return n;
    }

    /**
     * Clicks the visible node {@code query} finds, found on the FX thread ({@link #node}): {@code clickOn(query)} walks
     * the scene from the test thread, and met a child list being replaced (IndexOutOfBoundsException inside
     * {@code lookupAll}). Returns the robot, as {@code clickOn} does (to write into the field clicked).
     */
    public static FxRobotInterface click(FxRobot robot, String query) {
        return robot.clickOn(node(robot, query));
    }

    /** Waits up to {@link #PATIENCE_SECONDS} for {@code condition}, one that throws no checked exception. */
    public static void waitUntil(BooleanSupplier condition) throws TimeoutException {
        waitUntil(PATIENCE_SECONDS, condition);
    }

    /**
     * Waits up to {@code seconds} for {@code condition}, one that throws no checked exception: a short deadline is for
     * a retry loop's detection of a lost click, a positive wait takes {@link #waitUntil(BooleanSupplier)}.
     */
    public static void waitUntil(int seconds, BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
    }

    /**
     * Waits until the FX thread has run {@code n} more pulses, counted by an animation timer (which asks for them: an
     * idle desk runs none). A loaded machine's slower pulses are waited for, where a fixed pause ran out first.
     */
    public static void pulses(int n) throws TimeoutException {
        CountDownLatch frames = new CountDownLatch(n);
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frames.countDown();
            }
        };
        Platform.runLater(counter::start);
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> frames.getCount() == 0);
        } finally {
            Platform.runLater(counter::stop);
        }
    }

    /** Writes a PNG of the window's scene to {@code target/screenshots/<name>.png} after a few pulses. */
    public static Path shot(Stage stage, String name) throws Exception {
        WritableImage[] img = new WritableImage[1];
        pulses(24); // the 400 ms this slept, at 60 pulses a second: the latest snapshot is on screen
        new FxRobot().interact(() -> img[0] = stage.getScene().snapshot(null));
        Files.createDirectories(SHOTS);
        Path out = SHOTS.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.toFile());
        assertThat(Files.size(out)).isGreaterThan(5_000);
        return out;
    }
}
