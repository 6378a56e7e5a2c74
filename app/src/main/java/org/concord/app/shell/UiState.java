package org.concord.app.shell;

/**
 * What the window remembers between runs ({@code <data dir>/ui-state.json}): theme, window geometry, selected
 * view, last symbol/timeframe and preset.
 */
public record UiState(int schema, String theme, double x, double y, double width, double height, boolean maximized, String tab,
                      String symbol, String timeframe, String preset) {
    public static final int SCHEMA = 1;
    public static final UiState DEFAULT = new UiState(SCHEMA, "dark", Double.NaN, Double.NaN, 1400, 900, false, "live", "BTCUSD", "1m", "full");

    public UiState {
        theme = "light".equals(theme) ? "light" : "dark";
        width = Double.isFinite(width) && width >= 400 ? width : 1400;
        height = Double.isFinite(height) && height >= 300 ? height : 900;
        tab = tab == null ? "live" : tab;
        symbol = symbol == null || symbol.isBlank() ? "BTCUSD" : symbol;
        timeframe = timeframe == null || timeframe.isBlank() ? "1m" : timeframe;
        preset = preset == null || preset.isBlank() ? "full" : preset;
    }

    public UiState withTheme(String t) {
        return new UiState(schema, t, x, y, width, height, maximized, tab, symbol, timeframe, preset);
    }

    public UiState withWindow(double nx, double ny, double w, double h, boolean max) {
        return new UiState(schema, theme, nx, ny, w, h, max, tab, symbol, timeframe, preset);
    }

    public UiState withTab(String t) {
        return new UiState(schema, theme, x, y, width, height, maximized, t, symbol, timeframe, preset);
    }

    public UiState withChart(String s, String tf) {
        return new UiState(schema, theme, x, y, width, height, maximized, tab, s, tf, preset);
    }

    public UiState withPreset(String p) {
        return new UiState(schema, theme, x, y, width, height, maximized, tab, symbol, timeframe, p);
    }
}
