package org.concord.annotate.chart;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class CandleChartTest {
    private CandleChart chart;

    @Start
    void start(Stage stage) {
        chart = new CandleChart("BTCUSD 1h");
        stage.setScene(new Scene(chart.node(), 1000, 600));
        stage.show();
    }

    @Test
    void rendersRealBarsAndWritesAScreenshot(FxRobot robot) throws Exception {
        BarSeries h1 = RealBars.bitstamp(Timeframe.H1);
        robot.interact(() -> chart.show(h1));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(chart.barCount()).isEqualTo(h1.size());
        assertThat(chart.dataSet().get(io.fair_acc.dataset.spi.financial.OhlcvDataSet.DIM_Y_CLOSE, h1.size() - 1))
                .isEqualTo(h1.close(h1.size() - 1));
        WritableImage[] img = new WritableImage[1];
        robot.interact(() -> img[0] = chart.node().snapshot(null, null));
        Path out = Path.of("target", "screenshots", "candle-chart.png");
        Files.createDirectories(out.getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", out.toFile());
        assertThat(Files.size(out)).isGreaterThan(5_000);
    }
}
