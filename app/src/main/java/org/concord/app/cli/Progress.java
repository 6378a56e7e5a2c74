package org.concord.app.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display: redrawn in place with '\r' on a terminal, printed every 10% otherwise (logs).
 */
final class Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final String label;
    private int lastDecile = -1;
    private long lastDraw;

    Progress(PrintStream out, String label) {
        this.out = out;
        this.terminal = System.console() != null;
        this.label = label;
    }

    void update(double fraction, String detail) {
        double f = Math.max(0, Math.min(1, fraction));
        if (terminal) {
            long now = System.nanoTime();
            if (now - lastDraw > 100_000_000L || f >= 1) {
                lastDraw = now;
                out.printf(Locale.ROOT, "\r%s %5.1f%% %s   ", label, f * 100, detail);
                out.flush();
            }
        } else {
            int decile = (int) (f * 10);
            if (decile != lastDecile) {
                lastDecile = decile;
                out.printf(Locale.ROOT, "%s %3d%% %s%n", label, decile * 10, detail);
            }
        }
    }

    void done(String detail) {
        if (terminal) {
            out.printf(Locale.ROOT, "\r%s 100.0%% %s%n", label, detail);
        } else {
            out.printf(Locale.ROOT, "%s done %s%n", label, detail);
        }
    }
}
