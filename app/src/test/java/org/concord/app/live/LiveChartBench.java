package org.concord.app.live;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.concord.bench.Bench;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live chart with 100,000 real 1m candles (the bundled tape repeated, aggregated by the production
 * aggregator): frame time (apply the range + layout + render to an image) while panning and zooming at three
 * zoom levels, and the cost of one live update (replace the last bar) with the whole history loaded.
 * {@code mvn -B -Pbench -pl app -am test -Dtest=LiveChartBench -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
@ExtendWith(ApplicationExtension.class)
class LiveChartBench {
    private LiveChartView view;
    private Stage stage;

    @Start
    void start(Stage s) {
        stage = s;
        view = new LiveChartView();
        s.setScene(new Scene(view.node(), 1400, 800));
        s.show();
    }

    @Test
    void panAndZoomOverOneHundredThousandCandles(FxRobot robot) {
        BarSeries all = RealBars.aggregate(BundledData.bitstampTrades().repeated(11)).get(Timeframe.M1);
        BarSeries bars = all.copyRange(all.size() - 100_000, all.size());
        assertThat(bars.size()).isEqualTo(100_000);
        Bench.note("machine: " + Bench.machine());
        Bench.note("input: 100,000 real 1m bars (bundled Bitstamp tape repeated 11x), chart 1400x800, software renderer (Monocle headless)");
        long[] load = new long[1];
        robot.interact(() -> {
            long t0 = System.nanoTime();
            view.apply(new LiveDelta(BundledData.BTCUSD, Timeframe.M1, bars, new long[0], new double[0], List.of(), true, null));
            view.node().layout();
            view.node().snapshot(null, null);
            load[0] = System.nanoTime() - t0;
        });
        Bench.report("LiveChart 100k", "load history + first frame", load[0] / 1e6, "ms");
        double first = bars.time(0) / 1000.0;
        double last = bars.lastTime() / 1000.0;
        for (int visible : new int[] {100_000, 5_000, 300}) {
            double span = visible * 60.0;
            int frames = 60;
            long[] nanos = new long[frames];
            for (int round = 0; round < 2; round++) { // round 0 warms up (JIT, first bucket build); round 1 is measured
            robot.interact(() -> {
                for (int f = 0; f < frames; f++) {
                    // pan across the history, one step per frame
                    double from = first + (last - first - span) * f / (frames - 1);
                    long t0 = System.nanoTime();
                    view.showRange(from, from + span);
                    view.node().layout();
                    view.node().snapshot(null, null);
                    nanos[f] = System.nanoTime() - t0;
                }
            });
            }
            Bench.report("LiveChart 100k", String.format(Locale.ROOT, "pan frame p50, %,d bars visible (bucket %d)", visible,
                    view.candles().bucket()), Bench.percentileMicros(nanos, 50) / 1000, "ms");
            Bench.report("LiveChart 100k", String.format(Locale.ROOT, "pan frame p99, %,d bars visible", visible),
                    Bench.percentileMicros(nanos, 99) / 1000, "ms");
        }
        // zoom: in from everything to 300 bars and out again around the newest bar
        long[] zoom = new long[40];
        for (int round = 0; round < 2; round++) {
        robot.interact(() -> {
            for (int f = 0; f < zoom.length; f++) {
                double frac = f < 20 ? Math.pow(300.0 / 100_000, f / 19.0) : Math.pow(300.0 / 100_000, (39 - f) / 19.0);
                double span = (last - first) * frac;
                long t0 = System.nanoTime();
                view.showRange(last - span, last + 60);
                view.node().layout();
                view.node().snapshot(null, null);
                zoom[f] = System.nanoTime() - t0;
            }
        });
        }
        Bench.report("LiveChart 100k", "zoom frame p50 (100k ↔ 300 visible)", Bench.percentileMicros(zoom, 50) / 1000, "ms");
        Bench.report("LiveChart 100k", "zoom frame p99", Bench.percentileMicros(zoom, 99) / 1000, "ms");
        // one live update of the forming bar with 100k loaded: upsert + invalidate (no copy of the history)
        long[] upd = new long[2_000];
        robot.interact(() -> {
            view.follow();
            long t = bars.lastTime() + 60_000;
            for (int i = 0; i < upd.length; i++) {
                double c = 1000 + (i % 7);
                long t0 = System.nanoTime();
                view.apply(new LiveDelta(BundledData.BTCUSD, Timeframe.M1, null, new long[] {t}, new double[] {1000, 1010, 990, c, i},
                        List.of(), false, null));
                upd[i] = System.nanoTime() - t0;
            }
        });
        Bench.report("LiveChart 100k", "apply one forming-bar update p50 (no render)", Bench.percentileMicros(upd, 50), "µs");
        Bench.report("LiveChart 100k", "apply one forming-bar update p99 (no render)", Bench.percentileMicros(upd, 99), "µs");
        assertThat(view.barCount()).isEqualTo(100_001);
    }
}
