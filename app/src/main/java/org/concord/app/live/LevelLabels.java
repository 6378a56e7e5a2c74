package org.concord.app.live;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.YValueIndicator;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.HPos;
import javafx.scene.control.Label;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lays out the level lines' labels (pivots, swing high/low) at the chart's left edge so that none covers another.
 * Each label stays centred on its own line; one that would cover a label already placed moves right, beside it, and
 * one that would have to go past {@link #MAX_REACH} of the plot (into the newest bars) is left out: its line is still
 * drawn. Placed first, so kept at the edge: P, R1, S1, R2, S2, R3, S3, swing high, swing low, then any other level.
 * Seen before: levels a few dollars apart ("swing high" and "swing low") were written over each other. Labels of
 * others at the same edge (the order lines') are kept clear the same way ({@link #setObstacles}).
 */
final class LevelLabels {
    /** Gap (px) between two labels side by side, and between two stacked ones. */
    static final double GAP = 4;
    /** How far across the plot (fraction of its width) labels may reach. */
    static final double MAX_REACH = 1.0 / 3;
    /** How far a label moved past an order line's label may reach: that label alone takes up to 200 px of the third. */
    static final double MAX_REACH_PAST_TAKEN = 1.0 / 2;
    private static final List<String> PRIORITY = List.of("P", "R1", "S1", "R2", "S2", "R3", "S3", "swing high", "swing low");
    private final List<Level> levels = new ArrayList<>();
    /** Labels drawn by others over the same plot (the order lines'), in plot coordinates: kept clear like placed ones. */
    private Supplier<List<Bounds>> obstacles = List::of;

    /** A new level line whose label this layout places. */
    Level create(Axis yAxis, double value, String name, double labelPosition) {
        Level l = new Level(yAxis, value, name);
        l.setEditable(false);
        l.setLabelPosition(labelPosition);
        l.setLabelHorizontalAnchor(HPos.LEFT);
        levels.add(l);
        levels.sort(Comparator.comparingInt(LevelLabels::rank).thenComparing(Level::getText));
        return l;
    }

    void setObstacles(Supplier<List<Bounds>> obstacles) {
        this.obstacles = obstacles == null ? List::of : obstacles;
    }

    void remove(Level l) {
        levels.remove(l);
    }

    static int rank(Level l) {
        int r = PRIORITY.indexOf(l.getText());
        return r < 0 ? PRIORITY.size() : r;
    }

    /**
     * Where each label goes: the offset (px) to the right of the common left position, or NaN when it is left out.
     * Labels are given in priority order by their vertical centre, width and height; {@code room} is how far right
     * a label's right edge may reach.
     */
    static double[] offsets(double[] centreY, double[] width, double[] height, double room) {
        return offsets(centreY, width, height, room, List.of(), room);
    }

    /**
     * As {@link #offsets(double[], double[], double[], double)}, with {@code taken} boxes (x as an offset like the
     * labels', y in the same coordinates as the centres) that no label may cover: an order line's label at the same
     * left edge was written over by a level's (seen: "S2" over "BUY LIMIT 0.1 @ 934.94"). A label moved past a taken
     * box may reach {@code roomPastTaken}.
     */
    static double[] offsets(double[] centreY, double[] width, double[] height, double room, List<Bounds> taken, double roomPastTaken) {
        int n = centreY.length;
        double[] x = new double[n];
        List<Integer> placed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double at = 0;
            boolean pastTaken = false;
            boolean moved = true;
            while (moved) { // each move is to the right of a placed label or a taken box: ends after at most n + |taken| moves
                moved = false;
                for (Bounds t : taken) {
                    boolean rows = Double.isFinite(centreY[i]) && centreY[i] + height[i] / 2 + GAP > t.getMinY()
                            && t.getMaxY() > centreY[i] - height[i] / 2 - GAP;
                    boolean cols = at < t.getMaxX() + GAP && t.getMinX() < at + width[i] + GAP;
                    if (rows && cols) {
                        at = t.getMaxX() + GAP;
                        pastTaken = true;
                        moved = true;
                    }
                }
                for (int j : placed) {
                    boolean rows = Math.abs(centreY[i] - centreY[j]) < (height[i] + height[j]) / 2 + GAP;
                    boolean cols = at < x[j] + width[j] + GAP && x[j] < at + width[i] + GAP;
                    if (rows && cols) {
                        at = x[j] + width[j] + GAP;
                        moved = true;
                    }
                }
            }
            if (at + width[i] > (pastTaken ? Math.max(room, roomPastTaken) : room)) {
                x[i] = Double.NaN;
            } else {
                x[i] = at;
                placed.add(i);
            }
        }
        return x;
    }

    /** Places every label (after ChartFX has laid out the lines, at each layout). */
    private void layout(Bounds plot) {
        List<Level> shown = levels.stream().filter(l -> l.getChart() != null).toList();
        for (Level l : shown) {
            // ChartFX sizes a label it has just put (back) into the chart before CSS styled it: 0 px wide, it was an
            // empty box or nothing until some later layout (seen: "S1" after a switch to 15m). Styled now, laid out again.
            Label label = l.labelNode();
            if (label.getWidth() == 0 && label.getScene() != null && label.getText() != null && !label.getText().isEmpty()) {
                label.applyCss();
                l.layOutLineAndLabel();
                label.layout();
            }
        }
        int n = shown.size();
        double[] y = new double[n];
        double[] w = new double[n];
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            Level l = shown.get(i);
            double at = l.getAxis().getDisplayPosition(l.getValue());
            boolean inPlot = Double.isFinite(at) && at >= 0 && at <= plot.getHeight();
            // a level off the price axis draws no label, so it takes no room from the others
            y[i] = inPlot ? at : Double.NaN;
            w[i] = inPlot ? l.labelNode().prefWidth(-1) : 0;
            h[i] = inPlot ? l.labelNode().prefHeight(-1) : 0;
        }
        double start = n == 0 ? 0 : shown.get(0).getLabelPosition() * plot.getWidth();
        List<Bounds> taken = obstacles.get().stream()
                .<Bounds>map(b -> new BoundingBox(b.getMinX() - plot.getMinX() - start, b.getMinY(), b.getWidth(), b.getHeight())).toList();
        double[] x = offsets(y, w, h, plot.getWidth() * MAX_REACH - start, taken, plot.getWidth() * MAX_REACH_PAST_TAKEN - start);
        for (int i = 0; i < n; i++) {
            shown.get(i).place(x[i]);
        }
        // every label now where it is drawn: each line stops at the labels on its way (its own, the others', the orders')
        List<Bounds> boxes = new ArrayList<>(obstacles.get());
        for (Level l : shown) {
            Label label = l.labelNode();
            if (label.isVisible() && l.getChartChildren().contains(label)) {
                boxes.add(label.getBoundsInParent());
            }
        }
        for (Level l : shown) {
            l.cutAt(boxes);
        }
    }

    /** A level line whose label this layout places. */
    final class Level extends YValueIndicator {
        private final LineCut cut = new LineCut();

        Level(Axis axis, double value, String name) {
            super(axis, value, name);
        }

        Label labelNode() {
            return label;
        }

        /** ChartFX's own layout of this line and its label (without the layout of the others' labels). */
        void layOutLineAndLabel() {
            super.runPostLayout();
        }

        void place(double dx) {
            label.setVisible(Double.isFinite(dx));
            label.setTranslateX(Double.isFinite(dx) ? dx : 0);
            // sized after the scene's layout pass, the label's own request to lay out its text reached no one
            if (label.isVisible() && label.isNeedsLayout()) {
                label.layout();
            }
        }

        /**
         * Stops the line at every label box it crosses ({@code boxes} in the plugins' coordinates): a clip leaves the
         * line out there, with {@link #GAP} / 2 either side. Each level is a plugin of its own, drawn over the levels
         * before it, and ChartFX puts a label that comes back into view under its own line: lines were drawn through
         * the labels' text (seen: "swing high", "R2", "S2" struck through on the desk).
         */
        void cutAt(List<Bounds> boxes) {
            cut.cut(line, boxes, GAP / 2);
        }

        @Override
        public void runPostLayout() {
            super.runPostLayout();
            if (getChart() != null) {
                layout(getChart().getCanvas().getBoundsInLocal());
            }
        }
    }
}
