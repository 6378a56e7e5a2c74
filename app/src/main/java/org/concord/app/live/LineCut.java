package org.concord.app.live;

import javafx.geometry.Bounds;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Leaves a horizontal line out where it crosses some boxes (labels), through a clip of one rectangle per part left.
 * The clip's rectangles are kept and moved; a line that crosses nothing has no clip. FX thread.
 */
final class LineCut {
    private final Group clip = new Group();
    private double[] shown = new double[0];

    /** Clips {@code line} (horizontal) so that it stops {@code pad} px short of every box in {@code boxes} it crosses. */
    void cut(Line line, List<Bounds> boxes, double pad) {
        double half = Math.max(0.5, line.getStrokeWidth() / 2);
        double y = line.getStartY();
        double[] parts = parts(Math.min(line.getStartX(), line.getEndX()), Math.max(line.getStartX(), line.getEndX()), y, half, boxes, pad);
        if (parts == null) {
            shown = new double[0];
            if (line.getClip() != null) {
                line.setClip(null);
            }
            return;
        }
        double[] now = Arrays.copyOf(parts, parts.length + 1);
        now[parts.length] = y;
        if (Arrays.equals(now, shown) && line.getClip() == clip) {
            return; // a still axis: nothing to move
        }
        shown = now;
        List<Node> rects = clip.getChildren();
        while (rects.size() > parts.length / 2) {
            rects.remove(rects.size() - 1);
        }
        while (rects.size() < parts.length / 2) {
            rects.add(new Rectangle());
        }
        for (int i = 0; i < parts.length / 2; i++) {
            Rectangle r = (Rectangle) rects.get(i);
            // a pixel more than the stroke above and below: its anti-aliased edge stays drawn
            r.setX(parts[2 * i]);
            r.setY(y - half - 1);
            r.setWidth(parts[2 * i + 1] - parts[2 * i]);
            r.setHeight(2 * half + 2);
        }
        if (line.getClip() != clip) {
            line.setClip(clip);
        }
    }

    /**
     * The parts {x from, x to, …}, left to right, of a line from {@code x0} to {@code x1} at {@code y} ({@code half}
     * its half stroke) that lie outside every box it crosses widened by {@code pad}; null when it crosses none.
     */
    static double[] parts(double x0, double x1, double y, double half, List<Bounds> boxes, double pad) {
        List<double[]> gaps = new ArrayList<>();
        for (Bounds b : boxes) {
            if (b.getWidth() > 0 && y + half > b.getMinY() && y - half < b.getMaxY() && b.getMaxX() + pad > x0 && b.getMinX() - pad < x1) {
                gaps.add(new double[] {b.getMinX() - pad, b.getMaxX() + pad});
            }
        }
        if (gaps.isEmpty()) {
            return null;
        }
        gaps.sort((a, b) -> Double.compare(a[0], b[0]));
        double[] out = new double[2 * (gaps.size() + 1)];
        int n = 0;
        double at = x0;
        for (double[] g : gaps) {
            if (g[0] > at) {
                out[n++] = at;
                out[n++] = g[0];
            }
            at = Math.max(at, g[1]);
        }
        if (at < x1) {
            out[n++] = at;
            out[n++] = x1;
        }
        return Arrays.copyOf(out, n);
    }
}
