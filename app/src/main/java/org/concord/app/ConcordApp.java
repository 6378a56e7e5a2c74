package org.concord.app;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.concord.annotate.chart.CandleChart;
import org.concord.data.Direction;
import org.concord.engine.ConcordEngine;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The workstation window: a live candlestick chart of the bundled replay. Snapshots are built on a background
 * thread and the FX thread only swaps in the latest one per pulse.
 */
public final class ConcordApp extends Application {
    static final double DEFAULT_SPEED = 600;

    private ConcordEngine engine;
    private ScheduledExecutorService snapshots;
    private final AtomicReference<BarSeries> latest = new AtomicReference<>();

    @Override
    public void start(Stage stage) {
        engine = ConcordEngine.openDefault();
        ReplayFeed replay = engine.startBundledReplay(DEFAULT_SPEED, true);
        // open on a chart with history: fast-forward the first two days of the tape, then play on at DEFAULT_SPEED
        replay.seek(replay.tape().firstTime() + 2 * Timeframe.D1.millis());

        CandleChart chart = new CandleChart("BTCUSD 1m (Bitstamp replay)");
        Label status = new Label("starting replay…");
        status.setId("status");
        BorderPane root = new BorderPane(chart.node());
        root.setBottom(status);

        snapshots = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "chart-snapshots");
            t.setDaemon(true);
            return t;
        });
        snapshots.scheduleWithFixedDelay(() -> latest.set(engine.data().bars(BundledData.BTCUSD, Timeframe.M1,
                Long.MIN_VALUE, Long.MAX_VALUE, 240, Direction.LATEST)), 0, 250, TimeUnit.MILLISECONDS);
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                BarSeries s = latest.getAndSet(null);
                if (s != null) {
                    chart.show(s);
                    status.setText(replay.name() + " · " + replay.state() + " · " + s.size() + " bars · trades " + replay.delivered());
                }
            }
        }.start();

        stage.setTitle("Concord");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }

    @Override
    public void stop() {
        if (snapshots != null) {
            snapshots.shutdownNow();
        }
        if (engine != null) {
            engine.close();
        }
    }
}
