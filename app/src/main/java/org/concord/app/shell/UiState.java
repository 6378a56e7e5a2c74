package org.concord.app.shell;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What the window remembers between runs ({@code <data dir>/ui-state.json}): theme, window geometry, selected
 * view, last symbol/timeframe and the time zone times are shown in. (The preset is the orchestrator's, in
 * concord.yaml: the panel shows what runs, never a remembered wish.)
 */
public record UiState(int schema, String theme, double x, double y, double width, double height, boolean maximized, String tab,
                      String symbol, String timeframe, String zone) {
    public static final int SCHEMA = 1;
    public static final UiState DEFAULT = new UiState(SCHEMA, "dark", Double.NaN, Double.NaN, 1400, 900, false, "live", "BTCUSD", "1m", "UTC");

    public UiState {
        theme = "light".equals(theme) ? "light" : "dark";
        width = Double.isFinite(width) && width >= 400 ? width : 1400;
        height = Double.isFinite(height) && height >= 300 ? height : 900;
        tab = tab == null ? "live" : tab;
        symbol = symbol == null || symbol.isBlank() ? "BTCUSD" : symbol;
        timeframe = timeframe == null || timeframe.isBlank() ? "1m" : timeframe;
        zone = validZone(zone) ? zone : "UTC";
    }

    public UiState withTheme(String t) {
        return new UiState(schema, t, x, y, width, height, maximized, tab, symbol, timeframe, zone);
    }

    public UiState withWindow(double nx, double ny, double w, double h, boolean max) {
        return new UiState(schema, theme, nx, ny, w, h, max, tab, symbol, timeframe, zone);
    }

    public UiState withTab(String t) {
        return new UiState(schema, theme, x, y, width, height, maximized, t, symbol, timeframe, zone);
    }

    public UiState withChart(String s, String tf) {
        return new UiState(schema, theme, x, y, width, height, maximized, tab, s, tf, zone);
    }

    public UiState withZone(String z) {
        return new UiState(schema, theme, x, y, width, height, maximized, tab, symbol, timeframe, z);
    }

    /** The zone as a value for {@code DisplayFormat}. */
    public ZoneId zoneId() {
        return "UTC".equals(zone) ? ZoneOffset.UTC : ZoneId.of(zone);
    }

    private static boolean validZone(String z) {
        if (z == null || z.isBlank()) {
            return false;
        }
        try {
            ZoneId.of(z);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
