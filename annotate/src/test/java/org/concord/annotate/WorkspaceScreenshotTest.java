package org.concord.annotate;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import org.concord.annotate.chart.CandlePane;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A PNG of the workspace with annotations (a long with stop-loss/take-profit, a short, a no-trade region) and overlays. */
class WorkspaceScreenshotTest extends WorkspaceTestBase {

    @Test
    void writesAScreenshotOfTheWorkspaceWithAnnotations(FxRobot robot) throws Exception {
        settle(robot);
        CandlePane m1 = ws.pane(Timeframe.M1);
        BarSeries m = bars(Timeframe.M1);
        int n = m.size();
        // three annotations through the store, the rest through the keyboard like a person would
        Fixture.service.save(Annotation.draft("shot-long", Fixture.BTC, Timeframe.M1, m.time(n - 80), m.low(n - 80), m.time(n - 62), m.high(n - 62),
                AnnotationDirection.LONG, m.low(n - 80) * 0.996, m.high(n - 62) * 1.002, List.of("breakout"), "clean long", "tester", 1L));
        Fixture.service.save(Annotation.draft("shot-flat", Fixture.BTC, Timeframe.M1, m.time(n - 58), m.close(n - 58), m.time(n - 48), m.close(n - 48),
                AnnotationDirection.NO_TRADE, Double.NaN, Double.NaN, List.of("chop"), "no edge here", "tester", 1L));
        robot.interact(() -> ws.annotations().refresh());
        settle(robot);
        clickCandle(robot, m1, n - 40, m.high(n - 40));
        key(robot, KeyCode.A);
        key(robot, KeyCode.E);
        for (int k = 0; k < 14; k++) {
            robot.type(KeyCode.RIGHT);
        }
        settle(robot);
        key(robot, KeyCode.X);
        settle(robot);
        assertThat(fx(() -> ws.annotations().all().size())).isEqualTo(3);
        clickCandle(robot, m1, n - 12, m.close(n - 12));
        robot.moveTo(screen(m1, m.time(n - 5), m.low(n - 5)), org.testfx.robot.Motion.DIRECT);
        settle(robot);
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = ws.node().snapshot(null, null));
        Path out = Path.of("target", "screenshots", "annotation-workspace.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.toFile());
        assertThat(Files.size(out)).isGreaterThan(50_000);
        assertThat(img[0].getWidth()).isEqualTo(1600);
    }
}
