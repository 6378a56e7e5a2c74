package org.concord.acceptance;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks every step of a scripted session ends with, as a person would look: a screenshot saved under
 * {@code target/acceptance}, candles drawn in every chart on screen, no label cut to "…", no raw number, and every
 * combo box on screen opening on a real click and closing with Escape. Steps and findings go to a log.
 */
final class Script {
    /** Candle pixel columns a chart must show: the live chart holds hundreds of bars, a 1d pane only a few. */
    static final int LIVE_CHART_MIN_COLUMNS = 100;
    static final int PANE_MIN_COLUMNS = 6;
    /** How long a cut text may take to be fitted after a step (a table refits 250 ms after its rows change). */
    static final double TEXT_SETTLE_SECONDS = 3;
    /** How long a chart on screen may take to show its candles after a step. */
    static final double CHART_WAIT_SECONDS = 20;

    private final Path shots;
    private final List<String> log = new ArrayList<>();
    private Desk desk;
    private int step;

    Script(Path shots) throws IOException {
        this.shots = Files.createDirectories(shots);
    }

    void use(Desk d) {
        this.desk = d;
    }

    Desk desk() {
        return desk;
    }

    void note(String line) {
        String s = String.format(Locale.ROOT, "[%6.1f s] %s", desk == null ? 0 : desk.secondsSinceStart(), line);
        log.add(s);
        System.out.println("ACCEPTANCE | " + s);
    }

    List<String> log() {
        return log;
    }

    /**
     * Saves the screen as {@code NN-name.png} and the main window alone as {@code window/name.png} (what
     * {@code app/acceptance/refresh-docs-images.sh} copies to docs/images).
     */
    private void save(String name, BufferedImage img, SceneView v) throws IOException {
        Path out = shots.resolve(String.format(Locale.ROOT, "%02d-%s.png", ++step, name));
        ImageIO.write(img, "png", out.toFile());
        Optional<SceneView.Rect> win = v.main().map(SceneView.Win::rect);
        if (win.isPresent()) {
            SceneView.Rect r = win.get();
            int x = Math.max(0, r.x());
            int y = Math.max(0, r.y());
            int w = Math.min(img.getWidth() - x, r.w());
            int h = Math.min(img.getHeight() - y, r.h());
            if (w > 0 && h > 0) {
                Path dir = Files.createDirectories(shots.resolve("window"));
                ImageIO.write(img.getSubimage(x, y, w, h), "png", dir.resolve(name + ".png").toFile());
            }
        }
    }

    /** Every check, after a step named {@code name}. */
    SceneView checkpoint(String name) throws Exception {
        SceneView v = desk.scene();
        checkTexts(name, v);
        checkCharts(name);
        checkCombos(name, desk.scene());
        return desk.scene();
    }

    /**
     * No label cut to "…" and no raw number on screen. A table fits its columns a moment after new rows arrive
     * ({@code TableFit}), so what is judged is what stays: the scene is read again for up to {@link #TEXT_SETTLE_SECONDS}.
     */
    void checkTexts(String name, SceneView first) throws Exception {
        long deadline = System.nanoTime() + (long) (TEXT_SETTLE_SECONDS * 1e9);
        SceneView v = first;
        while ((!Judge.truncated(v).isEmpty() || !Judge.rawNumbers(v).isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            v = desk.scene();
        }
        assertThat(Judge.truncated(v)).as("%s: labels cut to '…'", name).isEmpty();
        assertThat(Judge.rawNumbers(v)).as("%s: raw numbers on screen", name).isEmpty();
    }

    /**
     * The live chart and every annotation pane on screen draw candles across their plot area. The scene graph can be
     * a frame ahead of the screen (a tab just selected, a lazily built view), so the screen is judged again until the
     * charts show candles or {@link #CHART_WAIT_SECONDS} pass; the screenshot saved is the one judged last.
     */
    void checkCharts(String name) throws Exception {
        long deadline = System.nanoTime() + (long) (CHART_WAIT_SECONDS * 1e9);
        while (true) {
            SceneView v = desk.scene();
            BufferedImage img = desk.screen();
            List<String> bare = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            for (SceneView.Item chart : v.all(i -> "XYChart".equals(i.type()))) {
                Optional<SceneView.Rect> plot = plotOf(v, chart.rect());
                if (plot.isEmpty()) {
                    continue;
                }
                boolean live = "live-chart".equals(chart.id());
                int columns = Judge.candleColumns(img, plot.get());
                String what = String.format(Locale.ROOT, "%s plot %s: %d candle columns", live ? "live chart" : "pane", plot.get(), columns);
                seen.add(what);
                if (columns < (live ? LIVE_CHART_MIN_COLUMNS : PANE_MIN_COLUMNS)) {
                    bare.add(what);
                }
            }
            if (bare.isEmpty() || System.nanoTime() > deadline) {
                save(name, img, v);
                seen.forEach(w -> note(name + ": " + w));
                assertThat(bare).as("%s: charts without candles (live chart needs %d candle pixel columns, a pane %d)", name,
                        LIVE_CHART_MIN_COLUMNS, PANE_MIN_COLUMNS).isEmpty();
                return;
            }
            Thread.sleep(250);
        }
    }

    /** The plot canvas of a chart: the largest canvas inside its bounds. */
    static Optional<SceneView.Rect> plotOf(SceneView v, SceneView.Rect chart) {
        return v.all(i -> i.hasClass("chart-canvas") && inside(i.rect(), chart)).stream().map(SceneView.Item::rect)
                .max(Comparator.comparingInt(r -> r.w() * r.h()));
    }

    /** The texts rendered inside the node {@code id} (table cells, labels), top to bottom. */
    static List<String> textsIn(SceneView v, String id) {
        return v.byId(id).map(n -> textsIn(v, n)).orElse(List.of());
    }

    static List<String> textsIn(SceneView v, SceneView.Item container) {
        SceneView.Rect r = container.rect();
        return v.all(i -> i.text() != null && !i.text().isBlank() && inside(i.rect(), r)).stream()
                .sorted(Comparator.comparingInt((SceneView.Item i) -> i.rect().y()).thenComparingInt(i -> i.rect().x()))
                .map(SceneView.Item::text).toList();
    }

    static boolean inside(SceneView.Rect a, SceneView.Rect b) {
        return a.x() >= b.x() - 1 && a.y() >= b.y() - 1 && a.x() + a.w() <= b.x() + b.w() + 1 && a.y() + a.h() <= b.y() + b.h() + 1;
    }

    /** Every enabled combo box / choice box on screen opens on a click at its arrow and closes with Escape. */
    void checkCombos(String name, SceneView v) throws Exception {
        List<SceneView.Item> combos = v.all(i -> i.showing() != null && !i.disabled() && i.rect().w() > 20 && i.id() != null);
        for (SceneView.Item c : combos) {
            openAndClose(name, c);
        }
        note(name + ": " + combos.size() + " combo boxes opened and closed");
    }

    void openAndClose(String name, SceneView.Item c) throws Exception {
        SceneView.Rect r = c.rect();
        desk.click(r.x() + r.w() - 8, r.cy());
        desk.await(name + ": combo #" + c.id() + " shows its list after a click", 20,
                s -> s.byId(c.id()).map(i -> Boolean.TRUE.equals(i.showing())).orElse(false) && !s.popups().isEmpty());
        desk.key("Escape");
        desk.await(name + ": combo #" + c.id() + " closes with Escape", 20,
                s -> s.byId(c.id()).map(i -> !Boolean.TRUE.equals(i.showing())).orElse(true));
    }

    /** Opens combo {@code id} with a real click and picks the entry reading {@code text} with a real click. */
    void choose(String id, String text) throws Exception {
        SceneView v = desk.scene();
        SceneView.Item c = v.byId(id).orElseThrow(() -> new AssertionError("no #" + id + " on screen"));
        SceneView.Rect r = c.rect();
        desk.click(r.x() + r.w() - 8, r.cy());
        SceneView open = desk.await("#" + id + " list shows '" + text + "'", 20,
                s -> s.popups().stream().flatMap(w -> w.nodes().stream()).anyMatch(i -> text.equals(i.shownText())));
        SceneView.Item entry = open.popups().stream().flatMap(w -> w.nodes().stream()).filter(i -> text.equals(i.shownText()))
                .findFirst().orElseThrow();
        desk.click(entry);
        desk.await("#" + id + " reads '" + text + "'", 20, s -> s.byId(id).map(i -> text.equals(i.value())).orElse(false));
    }

    /** Clicks the tab header {@code id} and waits until it is the selected one. */
    void tab(String id) throws Exception {
        SceneView v = desk.scene();
        SceneView.Item header = v.all(i -> id.equals(i.id()) && i.hasClass("tab")).stream().findFirst()
                .orElseThrow(() -> new AssertionError("no tab header #" + id));
        desk.click(header);
        desk.await("tab #" + id + " selected", 20,
                s -> s.all(i -> id.equals(i.id()) && i.hasClass("tab")).stream().anyMatch(i -> i.is("selected")));
    }
}
