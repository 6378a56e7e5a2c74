package org.concord.annotate;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import org.concord.annotate.chart.CandlePane;
import org.concord.annotate.chart.FxWait;
import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.chart.DisplayFormat;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person reads in the workspace, in the app's dark theme: no text cut to "…" at the window sizes a desk
 * has (the Annotate tab's area at 1400×900 and 1920×1080), no "NaN" or raw epoch numbers, errors readable,
 * prices at tick precision and times in the zone the desk was given.
 */
class WorkspaceLookTest extends WorkspaceTestBase {
    /**
     * The Annotate tab's content area in a 1400×900 (the desk's default) and a 1920×1080 window (feed bar, tab headers
     * and status bar take about 120 px), and in a 1280×800 laptop window, where the tool bar no longer fits whole.
     */
    private static final double[][] TAB_AREAS = {{1400, 780}, {1920, 960}, {1280, 680}};

    /** Two annotations in the list, one selected, so the list, editor and panes hold real text. */
    private Annotation annotate(FxRobot robot) {
        BarSeries m = bars(Timeframe.M1);
        int n = m.size();
        Fixture.service.save(Annotation.draft("look-long", Fixture.BTC, Timeframe.M1, m.time(n - 60), m.low(n - 60), m.time(n - 40), m.high(n - 40),
                AnnotationDirection.LONG, m.low(n - 60) * 0.996, m.low(n - 60) * 1.01, List.of("breakout"), "clean long", "tester", 1L));
        Fixture.service.save(Annotation.draft("look-flat", Fixture.BTC, Timeframe.M1, m.time(n - 30), m.close(n - 30), m.time(n - 20), m.close(n - 20),
                AnnotationDirection.NO_TRADE, Double.NaN, Double.NaN, List.of("chop"), "no edge", "tester", 1L));
        robot.interact(() -> ws.annotations().refresh());
        settle(robot);
        Annotation a = fx(() -> ws.annotations().find("look-long").orElseThrow());
        robot.interact(() -> ws.annotations().select(a));
        settle(robot);
        return a;
    }

    @Test
    void noTextIsCutAtTheDesksWindowSizes(FxRobot robot) {
        settle(robot);
        annotate(robot);
        // the real window is first laid out small before it takes its size: nothing may stay shrunk from that
        resize(robot, 640, 300);
        for (double[] size : TAB_AREAS) {
            resize(robot, size[0], size[1]);
            for (String side : List.of("Annotation", "Training")) {
                robot.interact(() -> sideTabs().getSelectionModel().select(sideTabs().getTabs().stream().filter(t -> t.getText().equals(side)).findFirst()
                        .orElseThrow()));
                settle(robot);
                assertThat(fx(() -> cutTexts(ws.node()))).as("text cut to … at %.0f×%.0f with the %s tab", size[0], size[1], side).isEmpty();
            }
            assertThat(fx(this::wholeListRows)).as("annotation rows shown whole in the list at %.0f×%.0f", size[0], size[1]).isEqualTo(2);
            // at the desk's sizes every tool bar control is on the bar, none pushed into its overflow menu
            if (size[0] >= 1400) {
                assertThat(fx(() -> {
                    ToolBar bar = (ToolBar) ws.node().lookup(".tool-bar");
                    return bar.getItems().stream().filter(i -> i.getScene() == null).map(i -> i instanceof Labeled l ? l.getText() : i.getId()).toList();
                })).as("tool bar items in the overflow menu at %.0f×%.0f", size[0], size[1]).isEmpty();
            }
        }
        // on a real display at 1280×800 (larger fonts, the counts wrapped) the list was squeezed to its header and a
        // scroll bar; here the same squeeze takes a lower window: the list keeps rows for its annotations even there
        resize(robot, 1280, 520);
        assertThat(fx(this::wholeListRows)).as("annotation rows shown whole in the list at 1280×520").isEqualTo(2);
    }

    /** The annotation list's rows that hold an annotation and lie whole inside its viewport. */
    private int wholeListRows() {
        TableView<?> table = (TableView<?>) ws.node().lookup("#annotation-list");
        Node viewport = table.lookup(".clipped-container");
        Bounds shown = viewport.localToScene(viewport.getLayoutBounds());
        int n = 0;
        for (Node r : table.lookupAll(".table-row-cell")) {
            if (r instanceof TableRow<?> row && row.getItem() != null && row.isVisible() && shown.contains(row.localToScene(row.getLayoutBounds()))) {
                n++;
            }
        }
        return n;
    }

    private TabPane sideTabs() {
        return (TabPane) ws.node().lookup("#side-tabs");
    }

    @Test
    void openingTheTabGivesTheKeysToThePanes(FxRobot robot) {
        settle(robot);
        // the workspace as the shell holds it: built when its tab is first selected, the second tab of a tab pane
        AnnotationWorkspace[] lazy = new AnnotationWorkspace[1];
        robot.interact(() -> {
            javafx.scene.Scene scene = ws.node().getScene();
            javafx.scene.control.Tab live = new javafx.scene.control.Tab("Live", new javafx.scene.control.Label("live chart"));
            javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane();
            javafx.scene.control.Tab annotate = new javafx.scene.control.Tab("Annotate", holder);
            TabPane tabs = new TabPane(live, annotate);
            scene.setRoot(tabs);
            annotate.selectedProperty().addListener((o, was, now) -> {
                if (now && holder.getChildren().isEmpty()) {
                    lazy[0] = new AnnotationWorkspace(Fixture.context());
                    holder.getChildren().add(lazy[0].node());
                }
            });
        });
        try {
            settle(robot);
            click(robot, "Annotate");
            FxWait.until("the workspace loaded", () -> lazy[0] != null && lazy[0].pendingWork() == 0, () -> "loading");
            settle(robot);
            key(robot, javafx.scene.input.KeyCode.A);
            assertThat(fx(() -> lazy[0].tool().on())).as("annotate mode after A").isTrue();
            // a second click on the selected tab's header: the keys still reach the panes
            click(robot, "Annotate");
            settle(robot);
            key(robot, javafx.scene.input.KeyCode.A);
            assertThat(fx(() -> lazy[0].tool().on())).as("annotate mode off after A again").isFalse();
            // and from another tab and back
            click(robot, "Live");
            click(robot, "Annotate");
            settle(robot);
            key(robot, javafx.scene.input.KeyCode.A);
            assertThat(fx(() -> lazy[0].tool().on())).as("annotate mode after coming back").isTrue();
            assertThat(fx(() -> ((TabPane) lazy[0].node().getScene().getRoot()).getSelectionModel().getSelectedItem().getText())).isEqualTo("Annotate");
        } finally {
            if (lazy[0] != null) {
                robot.interact(lazy[0]::close);
            }
        }
    }

    @Test
    void theCheckFindsCutText(FxRobot robot) {
        javafx.scene.control.Label narrow = new javafx.scene.control.Label("a label much wider than its room");
        narrow.setMaxWidth(60);
        robot.interact(() -> ((javafx.scene.layout.BorderPane) ws.node()).setTop(narrow));
        settle(robot);
        assertThat(fx(() -> cutTexts(ws.node()))).anyMatch(s -> s.startsWith("Label 'a label much wider than its room' shown as 'a"));
    }

    /** "text" shown as "te…" for every visible Labeled (buttons, labels, cells, column headers) whose text is cut. */
    static List<String> cutTexts(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && t.isVisible() && !t.getText().equals(l.getText()) && t.getText().endsWith(l.getEllipsisString())) {
                    out.add((l.getId() == null ? l.getClass().getSimpleName() : "#" + l.getId()) + " '" + l.getText() + "' shown as '" + t.getText() + "'");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    @Test
    void aFailedImportIsReadableAndNamesTimesNotEpochNumbers(FxRobot robot) throws Exception {
        settle(robot);
        Annotation a = annotate(robot);
        Path dir = Files.createTempDirectory("concord-look");
        Path good = dir.resolve("good.json");
        try (var out = Files.newOutputStream(good)) {
            Fixture.service.export(List.of(a), out);
        }
        String text = Files.readString(good).replace("\"exitTime\" : " + a.exitTime(), "\"exitTime\" : 5").replace("\"exitTime\":" + a.exitTime(), "\"exitTime\":5");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, text, StandardCharsets.UTF_8);
        robot.interact(() -> ws.files().importFrom(bad));
        settle(robot);
        String status = ws.statusText();
        assertThat(status).contains("nothing imported").contains("exit time 1970-01-01 00:00:00 UTC must be after entry time "
                + DisplayFormat.UTC.dateTime(a.entryTime()) + " UTC");
        assertThat(status).as("no epoch milliseconds").doesNotContainPattern("\\d{9,}");
        assertThat(fx(() -> ws.statusIsError())).isTrue();
        // readable: the status text stands out from what is behind it (WCAG AA for normal text: 4.5:1)
        Node label = ws.node().lookup("#status");
        Color fg = (Color) fx(() -> ((Labeled) label).getTextFill());
        WritableImage img = fx(() -> ws.node().snapshot(null, null));
        Point2D corner = fx(() -> ws.node().sceneToLocal(label.localToScene(label.getLayoutBounds().getMaxX() - 2, label.getLayoutBounds().getMaxY() - 2)));
        Color bg = img.getPixelReader().getColor((int) corner.getX(), (int) corner.getY());
        assertThat(contrast(fg, bg)).as("status text %s on %s", fg, bg).isGreaterThanOrEqualTo(4.5);
        // in another zone the same message names the local times
        robot.interact(() -> ws.display().setFormat(DisplayFormat.UTC.withZone(ZoneId.of("Asia/Kolkata"))));
        robot.interact(() -> ws.files().importFrom(bad));
        settle(robot);
        assertThat(ws.statusText()).contains("exit time 1970-01-01 05:30:00 Asia/Kolkata must be after");
    }

    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    @Test
    void crosshairsAndReadoutsWritePricesAtTickPrecisionAndTimesInTheDesksZone(FxRobot robot) {
        settle(robot);
        Annotation a = annotate(robot);
        ZoneId kolkata = ZoneId.of("Asia/Kolkata");
        DisplayFormat f = DisplayFormat.UTC.withZone(kolkata);
        robot.interact(() -> ws.display().setFormat(f));
        settle(robot);
        for (CandlePane p : ws.panes()) {
            candlesAcrossTheView(p, "before hovering");
            robot.moveTo(fx(() -> p.chart().getCanvas().localToScreen(p.canvasWidth() * 0.5, p.canvasHeight() * 0.4)), Motion.DIRECT);
            FxWait.until(p.timeframe() + " crosshair", () -> !p.crosshair().priceTag().isEmpty(), () -> "no price tag");
            assertThat(fx(() -> p.crosshair().priceTag())).as("%s price tag", p.timeframe()).matches("\\d{1,3}(,\\d{3})*\\.\\d{2}");
            String time = fx(() -> p.crosshair().timeTag());
            assertThat(time).as("%s time tag", p.timeframe()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}(:\\d{2})?");
            long t = fx(() -> p.bars().series().time(p.bars().nearestIndex(p.timeAt(p.canvasWidth() * 0.5))));
            assertThat(time).isEqualTo(org.concord.annotate.chart.Crosshair.candleTime(f, p.timeframe(), t));
            assertThat(fx(p::readoutText)).as("%s readout", p.timeframe()).matches("O [\\d,]+\\.\\d{2}  H [\\d,]+\\.\\d{2}  L [\\d,]+\\.\\d{2}  C [\\d,]+\\.\\d{2}  V .*");
        }
        // the list and the editor write the annotation's times in that zone, the editor its prices at the tick
        assertThat(fx(() -> ws.list().table().getColumns().get(0).getCellObservableValue(a).getValue())).isEqualTo(f.dateTime(a.entryTime()));
        assertThat(fx(() -> ws.editor().field("entryPrice").getText())).isEqualTo(f.plainPrice(a.entryPrice()));
        assertThat(fx(() -> ws.editor().field("stopLoss").getText())).isEqualTo(f.plainPrice(a.stopLoss())).matches("\\d+\\.\\d{2}");
        // and a typed jump is read in it
        click(robot, "#jump-to").write("2013-11-28 14:00");
        robot.type(javafx.scene.input.KeyCode.ENTER);
        settle(robot);
        assertThat(ws.cursor().cursor()).isEqualTo(java.time.LocalDateTime.parse("2013-11-28T14:00").atZone(kolkata).toInstant().toEpochMilli());
    }
}
