package org.concord.app.portfolio;

import org.concord.bus.InProcessEventBus;
import org.concord.coordination.Bucket;
import org.concord.engine.TradingPipeline;
import org.concord.engine.TradingPipelineConfig;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bot portfolio tab's bucket correlation: on the real display the long bucket, which had not traded, read 0.00
 * against every bucket and against itself, beside 1.00 on the other buckets' diagonal. A bucket whose P&L did not
 * move has no correlation: the snapshot carries NaN there and the grid shows "—".
 */
class BucketCorrelationTest {
    private final InProcessEventBus bus = new InProcessEventBus();

    @AfterEach
    void close() {
        bus.close();
    }

    @Test
    void bucketsThatDidNotMoveHaveNoCorrelation() {
        TradingPipelineConfig cfg = TradingPipelineConfig.defaults(Timeframe.M1, Symbol.of("BTCUSD"), 5);
        PortfolioPublisher publisher = new PortfolioPublisher(TradingPipeline.synchronous(cfg, bus).engine(), bus);
        long t0 = 1_385_337_600_000L;
        PortfolioSnapshot last = null;
        for (int i = 0; i <= PortfolioPublisher.WINDOW + 10; i++) {
            last = publisher.onBar(t0 + i * 60_000L); // no trade: every bucket's P&L stays 0
        }
        assertThat(last.window()).isEqualTo(PortfolioPublisher.WINDOW);
        assertThat(last.bucketCorrelation()).hasSize(Bucket.COUNT * Bucket.COUNT);
        assertThat(Arrays.stream(last.bucketCorrelation()).boxed().toList()).as("no bucket moved: none correlates, not even with itself")
                .allMatch(v -> Double.isNaN(v));
    }

    @Test
    void theGridShowsADashWhereThereIsNoCorrelation() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<Bucket> buckets = List.of(Bucket.all());
        int n = buckets.size();
        double[] corr = new double[n * n];
        Arrays.fill(corr, Double.NaN);
        corr[0] = 1;
        corr[1] = 0.61;
        corr[n] = 0.61;
        corr[n + 1] = 1;
        CorrelationHeatmap[] map = new CorrelationHeatmap[1];
        new FxRobot().interact(() -> {
            map[0] = new CorrelationHeatmap();
            map[0].show(buckets, corr);
        });
        assertThat(map[0].text(0)).isEqualTo("1.00");
        assertThat(map[0].text(1)).isEqualTo("0.61");
        assertThat(map[0].text(n * n - 1)).as("the last bucket with itself, which did not move").isEqualTo("—");
        assertThat(map[0].text(n - 1)).isEqualTo("—");
    }
}
