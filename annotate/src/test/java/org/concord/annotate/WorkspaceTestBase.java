package org.concord.annotate;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.concord.annotate.chart.CandlePane;
import org.concord.annotate.chart.FxWait;
import org.concord.annotate.chart.PanePixels;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.api.FxToolkit;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Opens the real workspace on the fixture's real data in a 1600×1000 stage (headless Monocle) for each test, in
 * the app's default theme (AtlantaFX Primer dark), so what the tests judge is the look a user gets.
 */
@ExtendWith(ApplicationExtension.class)
abstract class WorkspaceTestBase {
    protected AnnotationWorkspace ws;

    @BeforeAll
    static void data() {
        Fixture.start();
    }

    /** (TestFX only runs {@code @Start} methods declared on the test class itself, so the base sets the stage up here.) */
    @BeforeEach
    void openWorkspace() throws Exception {
        Fixture.clearAnnotations();
        FxToolkit.setupStage(stage -> {
            PanePixels.primerDark();
            ws = new AnnotationWorkspace(Fixture.context());
            stage.setScene(new Scene((javafx.scene.Parent) ws.node(), 1600, 1000));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeWorkspace(FxRobot robot) {
        robot.interact(ws::close);
    }

    @AfterAll
    static void defaultTheme() {
        fx(() -> {
            PanePixels.modena();
            return null;
        });
    }

    /** Waits until {@code p} shows candles at (nearly) every visible bar's place, judged from its pixels. */
    protected void candlesAcrossTheView(CandlePane p, String when) {
        FxWait.until(p.timeframe() + " candles drawn across the view " + when, () -> PanePixels.drawnFraction(p) >= 0.9,
                () -> fx(() -> String.format("%.0f%% of %d visible bars drawn; %s", 100 * PanePixels.drawnFraction(p), PanePixels.visibleBars(p), PanePixels.undrawn(p))));
    }

    /** Waits until every background task has handed its result back and the FX thread has drawn it. */
    protected void settle(FxRobot robot) {
        long deadline = System.currentTimeMillis() + 30_000;
        do {
            WaitForAsyncUtils.waitForFxEvents();
            robot.sleep(40); // a pulse: ChartFX lays out and draws on pulses
            WaitForAsyncUtils.waitForFxEvents();
        } while ((fx(() -> ws.pendingWork()) > 0 || fx(() -> ws.commands().busy())) && System.currentTimeMillis() < deadline);
    }

    /**
     * Lays the workspace out at {@code w}×{@code h}: it is put in a plain pane at that size (Monocle's headless
     * painter cannot grow a window past the size it was shown at, so the window stays as it is).
     */
    protected void resize(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            Region root = (Region) ws.node();
            Scene scene = root.getScene();
            if (scene.getRoot() == root) {
                Pane holder = new Pane();
                scene.setRoot(holder);
                holder.getChildren().add(root);
            }
            root.setMinSize(w, h);
            root.setPrefSize(w, h);
            root.setMaxSize(w, h);
        });
        FxWait.until("the workspace at " + w + "×" + h, () -> ws.node().getLayoutBounds().getWidth() == w && ws.node().getLayoutBounds().getHeight() == h,
                () -> fx(() -> ws.node().getLayoutBounds().getWidth() + "×" + ws.node().getLayoutBounds().getHeight()));
        settle(robot);
    }

    /** Waits for a condition evaluated on the FX thread. */
    protected void until(FxRobot robot, String what, BooleanSupplier cond, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!fx(cond::getAsBoolean)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            robot.sleep(30);
        }
    }

    protected static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Screen point of a price at a candle's open time on a pane. */
    protected Point2D screen(CandlePane p, long time, double price) {
        return fx(() -> p.chart().getCanvas().localToScreen(p.canvasX(time), p.canvasY(price)));
    }

    /** Clicks candle {@code i} of the pane's loaded bars at {@code price}. */
    protected void clickCandle(FxRobot robot, CandlePane p, int i, double price) {
        long t = fx(() -> p.bars().series().time(i));
        robot.moveTo(screen(p, t, price), Motion.DIRECT);
        robot.clickOn(javafx.scene.input.MouseButton.PRIMARY);
        settle(robot);
    }

    /** Clicks a node found by query, moving the pointer straight there (TestFX's default glide is slow over charts). */
    protected FxRobot click(FxRobot robot, String query) {
        return robot.clickOn(query, Motion.DIRECT);
    }

    protected BarSeries bars(Timeframe tf) {
        return fx(() -> ws.pane(tf).bars().series().copy());
    }

    protected void key(FxRobot robot, KeyCode... keys) {
        robot.push(keys);
        settle(robot);
    }
}
