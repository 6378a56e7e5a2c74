package org.concord.annotate;

import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import org.concord.annotate.chart.CandlePane;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.training.frames.AnnotationFrames;
import org.concord.annotation.AnnotationService;
import org.concord.annotation.AnnotationStore;
import org.concord.chart.OverlayMark;
import org.concord.store.Direction;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.modules.pivots.PivotsOverlay;
import org.concord.store.SqliteDatabase;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.concord.store.FrameStore;
import org.concord.training.frames.WindowSource;
import org.concord.training.models.ModelVote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Export/import through the workspace, the pattern action, and the overlays drawn from their real sources. */
class FilesPatternsOverlaysTest extends WorkspaceTestBase {
    @TempDir
    Path tmp;

    private List<Annotation> three(BarSeries m) {
        int n = m.size();
        Fixture.service.save(Annotation.draft("io-long", Fixture.BTC, Timeframe.M1, m.time(n - 90), m.close(n - 90), m.time(n - 70), m.close(n - 70),
                AnnotationDirection.LONG, m.close(n - 90) * 0.99, m.close(n - 90) * 1.01, List.of("io", "levels"), "with levels", "tester", 10L));
        Fixture.service.save(Annotation.draft("io-short", Fixture.BTC, Timeframe.M1, m.time(n - 60), m.high(n - 60), m.time(n - 40), m.low(n - 40),
                AnnotationDirection.SHORT, Double.NaN, Double.NaN, List.of("io"), "", "tester", 11L));
        Fixture.service.save(Annotation.draft("io-flat", Fixture.BTC, Timeframe.H1, m.time(n - 300), m.close(n - 300), m.time(n - 200), m.close(n - 200),
                AnnotationDirection.NO_TRADE, Double.NaN, Double.NaN, List.of(), "chop", "tester", 12L));
        return Fixture.store.all();
    }

    @Test
    void exportThenImportIntoAnEmptyStoreGivesTheSameAnnotations(FxRobot robot) throws Exception {
        settle(robot);
        List<Annotation> original = three(bars(Timeframe.M1));
        robot.interact(() -> ws.annotations().refresh());
        settle(robot);
        Path file = tmp.resolve("annotations.json");
        robot.interact(() -> ws.files().exportTo(file, ws.list().shown()));
        settle(robot);
        assertThat(ws.statusText()).isEqualTo("exported 3 annotations to annotations.json");
        assertThat(Files.readString(file)).contains("\"schema\"").contains("\"version\"").contains("io-short");

        // into an empty store of its own (the same market data): the same annotations, frames included
        try (SqliteDatabase db = SqliteDatabase.open(tmp.resolve("empty.db"))) {
            FrameStore frames = new FrameStore(db);
            AnnotationService empty = new AnnotationService(new AnnotationStore(db, frames),
                    new AnnotationFrames(new FrameBuilder(WindowSource.of(Fixture.data), Fixture.SPEC)));
            assertThat(empty.store().count()).isZero();
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(empty.importJson(in, false).added()).isEqualTo(3);
            }
            assertThat(empty.store().all()).containsExactlyElementsOf(original);
        }

        // and back into the workspace's own store after clearing it, through the workspace
        Fixture.clearAnnotations();
        robot.interact(() -> ws.annotations().refresh());
        settle(robot);
        assertThat(fx(() -> ws.annotations().all())).isEmpty();
        robot.interact(() -> ws.files().importFrom(file));
        settle(robot);
        assertThat(ws.statusText()).isEqualTo("imported annotations.json: 3 annotations in the file: 3 added, 0 replaced, 0 skipped");
        assertThat(fx(() -> List.copyOf(ws.annotations().all()))).containsExactlyElementsOf(original);

        // the same file again: every id is stored, so nothing is overwritten unless "Import replaces stored ids" is ticked
        Annotation o = original.get(0);
        Annotation edited = Fixture.service.update(new Annotation(o.id(), o.symbol(), o.timeframe(), o.entryTime(), o.entryPrice(), o.exitTime(),
                o.exitPrice(), o.direction(), o.pnlPct(), o.stopLoss(), o.takeProfit(), o.tags(), "edited here", o.createdAt(), o.updatedAt(),
                o.author(), null), 20L);
        robot.interact(() -> ws.files().importFrom(file));
        settle(robot);
        assertThat(ws.statusText()).startsWith("imported annotations.json: 3 annotations in the file: 0 added, 0 replaced, 3 skipped");
        assertThat(Fixture.store.get(edited.id()).orElseThrow().note()).isEqualTo("edited here");
        robot.clickOn("#files").clickOn("Import replaces stored ids");
        robot.interact(() -> ws.files().importFrom(file));
        settle(robot);
        assertThat(ws.statusText()).isEqualTo("imported annotations.json: 3 annotations in the file: 0 added, 3 replaced, 0 skipped");
        assertThat(Fixture.store.get(edited.id()).orElseThrow().note()).isEqualTo(original.get(0).note());
        robot.clickOn("#files").clickOn("Import replaces stored ids");
    }

    @Test
    void aMalformedFileNamesItsFirstBadRecordAndImportsNothing(FxRobot robot) throws Exception {
        settle(robot);
        List<Annotation> before = three(bars(Timeframe.M1));
        Path good = tmp.resolve("good.json");
        try (var out = Files.newOutputStream(good)) {
            Fixture.service.export(before, out);
        }
        Fixture.clearAnnotations();
        // the short one gets an exit before its entry; the records before it alone would be valid
        String text = Files.readString(good).replaceFirst("\"id\" ?: ?\"io-long\"", "\"id\":\"fresh-0\"")
                .replaceFirst("\"id\" ?: ?\"io-short\"", "\"id\":\"broken-1\"");
        Annotation shortOne = before.stream().filter(a -> a.id().equals("io-short")).findFirst().orElseThrow();
        text = text.replace("\"exitTime\" : " + shortOne.exitTime(), "\"exitTime\" : 5").replace("\"exitTime\":" + shortOne.exitTime(), "\"exitTime\":5");
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, text, StandardCharsets.UTF_8);
        assertThat(text).contains("broken-1").contains("5");
        robot.interact(() -> ws.files().importFrom(bad));
        settle(robot);
        int index = before.indexOf(shortOne);
        assertThat(index).isPositive();
        assertThat(ws.statusText()).contains("record " + index + " (id=broken-1) is invalid").contains("exit time 1970-01-01 00:00:00 UTC must be after entry time")
                .contains("nothing imported");
        assertThat(Fixture.store.count()).isZero();
        assertThat(fx(() -> ws.annotations().all())).isEmpty();
    }

    @Test
    void theSelectedAnnotationsWindowIsSavedAsANamedPattern(FxRobot robot) {
        settle(robot);
        BarSeries m = bars(Timeframe.M1);
        three(m);
        robot.interact(() -> ws.annotations().refresh());
        settle(robot);
        Annotation shortOne = fx(() -> ws.annotations().find("io-short").orElseThrow());
        robot.interact(() -> ws.annotations().select(shortOne));
        click(robot, "#save-pattern");
        click(robot, "#pattern-name").write("crash-2013-12-01");
        click(robot, "OK");
        settle(robot);
        assertThat(Fixture.patterns).hasSize(1);
        Fixture.Saved saved = Fixture.patterns.get(0);
        assertThat(saved.name()).isEqualTo("crash-2013-12-01");
        BarSeries expected = Fixture.data.bars(Fixture.BTC, Timeframe.M1, shortOne.entryTime(), shortOne.exitTime(), 100_000, Direction.LATEST);
        assertThat(saved.window().size()).isEqualTo(expected.size()).isGreaterThan(10);
        assertThat(saved.window().time(0)).isEqualTo(shortOne.entryTime());
        assertThat(saved.window().lastTime()).isEqualTo(shortOne.exitTime());
        assertThat(saved.window().timeframe()).isEqualTo(Timeframe.M1);
        assertThat(ws.statusText()).startsWith("pattern 'crash-2013-12-01' saved: " + expected.size() + " 1m bars");
        // a name the library cannot use is refused before anything is read
        robot.interact(() -> ws.files().savePattern("../escape", ws.files().currentWindow()));
        settle(robot);
        assertThat(ws.statusText()).contains("not usable");
        assertThat(Fixture.patterns).hasSize(1);
    }

    @Test
    void overlaysAreDrawnFromTheirSourcesAndCanBeSwitchedOff(FxRobot robot) {
        // two stored inference frames with real predictions near the end of the data
        BarSeries m = Fixture.data.bars(Fixture.BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 200, Direction.LATEST);
        FrameBuilder fb = new FrameBuilder(WindowSource.of(Fixture.data), Fixture.SPEC);
        Frame buy = fb.build(Fixture.BTC, Timeframe.M1.closeTime(m.time(m.size() - 20)));
        Frame sell = fb.build(Fixture.BTC, Timeframe.M1.closeTime(m.time(m.size() - 10)));
        Fixture.coordinator.storeInferenceFrame(buy, new ModelVote(Action.BUY, 0.8, 0.6, 0, 0, 0, "v-test", false, false, 1, ""));
        Fixture.coordinator.storeInferenceFrame(sell, new ModelVote(Action.SELL, 0.65, 0.6, 0, 0, 0, "v-test", false, false, 1, ""));
        Fixture.coordinator.flush();
        robot.interact(() -> ws.overlays().setEnabled("predictions", false, ws.panes()));
        robot.interact(() -> ws.overlays().setEnabled("predictions", true, ws.panes()));
        settle(robot);
        CandlePane m1 = ws.pane(Timeframe.M1);
        BarSeries loaded = bars(Timeframe.M1);
        List<OverlayMark> pivots = new PivotsOverlay(Fixture.data).marks(Fixture.BTC, Timeframe.M1, loaded.time(0), loaded.lastTime());
        assertThat(fx(() -> m1.overlayLayer().marks("pivots"))).isEqualTo(pivots);
        assertThat(fx(() -> m1.overlayLayer().marks("extrema"))).isNotEmpty();
        List<OverlayMark> predictions = fx(() -> m1.overlayLayer().marks("predictions"));
        assertThat(predictions).extracting(OverlayMark::kind).containsExactly(OverlayMark.Kind.BUY, OverlayMark.Kind.SELL);
        assertThat(predictions).extracting(OverlayMark::confidence).containsExactly(0.8, 0.65);
        assertThat(predictions.get(0).time()).isEqualTo(m.time(m.size() - 20));
        int drawn = fx(() -> m1.overlayLayer().drawnMarks());
        assertThat(drawn).isPositive();
        // switched off from the tool bar's menu: its marks go
        MenuButton menu = robot.lookup("Overlays").queryAs(MenuButton.class);
        CheckMenuItem pivotsItem = (CheckMenuItem) menu.getItems().stream().filter(it -> "overlay-pivots".equals(it.getId())).findFirst().orElseThrow();
        robot.interact(() -> pivotsItem.setSelected(false));
        settle(robot);
        assertThat(fx(() -> m1.overlayLayer().marks("pivots"))).isEmpty();
        assertThat(fx(() -> m1.overlayLayer().drawnMarks())).isLessThan(drawn);
        assertThat(fx(() -> m1.overlayLayer().marks("extrema"))).isNotEmpty();
        // clean up the frames so other tests' overlays stay as they were
        Fixture.frames.between(Fixture.BTC, null, "cnn-btcusd", buy.windowEnd(), sell.windowEnd(), 10).forEach(f -> Fixture.frames.delete(f.id()));
    }
}
