package org.concord.annotate;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.concord.annotate.chart.CandlePane;
import org.concord.annotation.AnnotationFrames;
import org.concord.annotation.AnnotationService;
import org.concord.annotation.AnnotationStore;
import org.concord.data.DataProvider;
import org.concord.data.Direction;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.FrameStore;
import org.concord.training.frames.WindowSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The workspace open while a feed keeps delivering: the newest panes follow the bars that close. */
@ExtendWith(ApplicationExtension.class)
class LiveDataTest {
    private DataProvider data;
    private TradeTape tape;
    private int fed;
    private AnnotationWorkspace ws;

    @Start
    void start(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory("concord-annotate-live");
        dir.toFile().deleteOnExit();
        tape = BundledData.bitstampTrades();
        SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
        data = new DataProvider(new BarStore(db));
        data.resetSession(tape.symbol(), tape.firstTime());
        fed = tape.size() / 2;
        feed(0, fed);
        FrameStore frames = new FrameStore(db);
        AnnotationService service = new AnnotationService(new AnnotationStore(db, frames),
                new AnnotationFrames(new FrameBuilder(WindowSource.of(data), Fixture.SPEC)));
        ws = new AnnotationWorkspace(AnnotationContext.builder(data, service).symbol(tape.symbol()).panes(List.of(Timeframe.M1, Timeframe.H1)).build());
        stage.setScene(new Scene((javafx.scene.Parent) ws.node(), 1200, 700));
        stage.show();
    }

    private void feed(int from, int to) {
        for (int i = from; i < to; i++) {
            data.onTrade(tape.symbol(), tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "live-test");
        }
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(ws::close);
        data.close();
        data.store().database().close();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(10, TimeUnit.SECONDS);
    }

    @Test
    void panesShowingTheNewestBarsFollowTheFeed(FxRobot robot) throws Exception {
        CandlePane m1 = ws.pane(Timeframe.M1);
        long deadline = System.currentTimeMillis() + 30_000;
        while (fx(() -> m1.bars().size()) == 0 && System.currentTimeMillis() < deadline) {
            robot.sleep(50);
        }
        long lastAtOpen = fx(() -> m1.bars().lastTime());
        // the rest of the tape arrives on a feed thread while the workspace is open
        Thread feeder = new Thread(() -> {
            feed(fed, tape.size());
            data.onClock(tape.symbol(), tape.lastTime() + Timeframe.D1.millis());
        }, "live-feed");
        feeder.start();
        feeder.join(60_000);
        BarSeries newest = data.bars(tape.symbol(), Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 1, Direction.LATEST);
        assertThat(newest.lastTime()).isGreaterThan(lastAtOpen);
        deadline = System.currentTimeMillis() + 30_000;
        while (fx(() -> m1.bars().lastTime()) != newest.lastTime() && System.currentTimeMillis() < deadline) {
            robot.sleep(50);
        }
        assertThat(fx(() -> m1.bars().lastTime())).isEqualTo(newest.lastTime());
        assertThat(fx(() -> m1.shows(newest.lastTime(), 1.0))).as("the view followed the newest bar").isTrue();
        BarSeries h1 = data.bars(tape.symbol(), Timeframe.H1, Long.MIN_VALUE, Long.MAX_VALUE, 1, Direction.LATEST);
        deadline = System.currentTimeMillis() + 10_000;
        while (fx(() -> ws.pane(Timeframe.H1).bars().lastTime()) != h1.lastTime() && System.currentTimeMillis() < deadline) {
            robot.sleep(50);
        }
        assertThat(fx(() -> ws.pane(Timeframe.H1).bars().lastTime())).isEqualTo(h1.lastTime());
    }
}
