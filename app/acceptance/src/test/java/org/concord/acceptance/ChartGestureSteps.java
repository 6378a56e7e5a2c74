package org.concord.acceptance;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live chart's mouse gestures in time, with real input: a left drag pans. Read off the crosshair's time at fixed
 * points of the plot (the axis is drawn on a canvas, which the scene probe cannot read), with the replay paused so
 * that only the gesture moves the chart.
 */
final class ChartGestureSteps {
    private static final Pattern TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ChartGestureSteps() {
    }

    /**
     * A left drag over 40 % of the plot's width moves the chart back in time by the span those 40 % showed, and the
     * chart keeps showing as long a span; then Follow brings the newest bars back.
     */
    static void leftDragPans(Script s) throws Exception {
        Desk desk = s.desk();
        s.tab("live");
        playing(s, false);
        SceneView v = desk.scene();
        SceneView.Rect plot = Script.plotOf(v, v.byId("live-chart").orElseThrow().rect()).orElseThrow();
        int y = plot.y() + plot.h() / 3;
        int from = plot.x() + plot.w() * 3 / 10;
        int to = plot.x() + plot.w() * 7 / 10;
        long spanBefore = timeAt(s, plot, to, y) - timeAt(s, plot, from, y);
        long middleBefore = timeAt(s, plot, plot.cx(), y);
        desk.drag(from, y, to, y);
        long middleAfter = timeAt(s, plot, plot.cx(), y);
        long spanAfter = timeAt(s, plot, to, y) - timeAt(s, plot, from, y);
        s.note(String.format(Locale.ROOT, "left drag over 40 %% of the plot: the middle moved back %d s (40 %% showed %d s before, %d s after)",
                middleBefore - middleAfter, spanBefore, spanAfter));
        s.checkpoint("live-chart-panned");
        assertThat(spanBefore).as("the 40 % dragged over showed a span of time").isPositive();
        assertThat((double) (middleBefore - middleAfter)).as("a left drag pans back by the span dragged over (%d s)", spanBefore)
                .isBetween(0.8 * spanBefore, 1.2 * spanBefore);
        assertThat((double) spanAfter).as("and keeps the span shown (a box zoom would narrow it)").isBetween(0.9 * spanBefore, 1.1 * spanBefore);
        desk.click(desk.scene().byId("chart-follow").orElseThrow());
        playing(s, true);
    }

    /** The crosshair's time (epoch s, as shown) with the pointer at ({@code x}, {@code y}). */
    private static long timeAt(Script s, SceneView.Rect plot, int x, int y) throws Exception {
        String what = "the live chart's crosshair label beside x " + x;
        TraderSteps.pointAt(s, x, y, what, v -> label(v, plot, x) != null);
        Matcher m = TIME.matcher(label(s.desk().scene(), plot, x));
        assertThat(m.find()).as("a time in the crosshair's label").isTrue();
        return LocalDateTime.parse(m.group(1), FORMAT).toEpochSecond(ZoneOffset.UTC);
    }

    /** The crosshair label's text while it stands beside {@code x} (it sits right of the pointer, or left near the edge). */
    private static String label(SceneView v, SceneView.Rect plot, int x) {
        return v.all(i -> i.hasClass("chart-crosshair-label") && i.shownText() != null && Script.inside(i.rect(), plot)
                        && Math.min(Math.abs(i.rect().x() - x), Math.abs(i.rect().x() + i.rect().w() - x)) <= 30)
                .stream().map(SceneView.Item::shownText).findFirst().orElse(null);
    }

    /** Plays or pauses the replay with its button (it reads "Pause" while the replay plays). */
    private static void playing(Script s, boolean on) throws Exception {
        Desk desk = s.desk();
        String now = on ? "Pause" : "Play";
        SceneView.Item button = desk.scene().byId("play-pause").orElseThrow();
        if (!now.equals(button.shownText())) {
            desk.click(button);
        }
        desk.await("the replay button reading " + now, 10, x -> x.byId("play-pause").map(b -> now.equals(b.shownText())).orElse(false));
    }
}
