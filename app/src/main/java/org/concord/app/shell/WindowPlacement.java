package org.concord.app.shell;

import javafx.geometry.Rectangle2D;

import java.util.List;

/**
 * Where the main window goes: the remembered size and position when they still fit a screen, otherwise centred on
 * the primary screen; never larger than the screen's usable area and never partly off it. Bare X servers have no
 * window manager to fix a bad position, so the app must place itself.
 *
 * @param x left edge, @param y top edge, @param width width, @param height height (screen pixels)
 */
public record WindowPlacement(double x, double y, double width, double height) {
    /**
     * @param saved   the remembered geometry (x and y NaN when never placed)
     * @param screens usable areas of the screens, the primary first
     */
    public static WindowPlacement place(UiState saved, List<Rectangle2D> screens) {
        if (screens == null || screens.isEmpty()) {
            throw new IllegalArgumentException("at least one screen is required");
        }
        Rectangle2D home = screens.get(0);
        boolean placed = Double.isFinite(saved.x()) && Double.isFinite(saved.y());
        if (placed) {
            double cx = saved.x() + saved.width() / 2;
            double cy = saved.y() + saved.height() / 2;
            home = screens.stream().filter(s -> s.contains(cx, cy)).findFirst().orElse(null);
            if (home == null) {
                placed = false; // the screen it was on is gone: start centred again
                home = screens.get(0);
            }
        }
        double w = Math.min(saved.width(), home.getWidth());
        double h = Math.min(saved.height(), home.getHeight());
        double x = placed ? saved.x() : home.getMinX() + (home.getWidth() - w) / 2;
        double y = placed ? saved.y() : home.getMinY() + (home.getHeight() - h) / 2;
        x = Math.max(home.getMinX(), Math.min(x, home.getMaxX() - w));
        y = Math.max(home.getMinY(), Math.min(y, home.getMaxY() - h));
        return new WindowPlacement(x, y, w, h);
    }
}
