package org.concord.backtest;

import org.concord.coordination.ResultsJson;
import org.concord.metrics.EquityCurve;
import org.concord.metrics.RoundTrip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Saves a {@link BacktestReport}: {@code <name>.json} (the whole report, Jackson, indented), {@code <name>-equity.csv}
 * (time, ISO time, equity, gross exposure; per walk-forward window a {@code window} column) and
 * {@code <name>-trades.csv} (one round trip per line). Each file is written to a temporary file and moved into place.
 */
public final class BacktestFiles {
    private BacktestFiles() {
    }

    /** Writes the three files into {@code dir}; returns their paths (json, equity csv, trades csv). */
    public static List<Path> write(Path dir, String name, BacktestReport report) {
        if (dir == null || name == null || name.isBlank() || report == null) {
            throw new IllegalArgumentException("dir, name and report are required");
        }
        Path json = dir.resolve(name + ".json");
        Path equity = dir.resolve(name + "-equity.csv");
        Path trades = dir.resolve(name + "-trades.csv");
        ResultsJson.write(json, report);
        writeAtomically(equity, equityCsv(report));
        writeAtomically(trades, tradesCsv(report));
        return List.of(json, equity, trades);
    }

    private static List<BacktestReport.Run> runs(BacktestReport r) {
        List<BacktestReport.Run> out = new ArrayList<>();
        if (r.result() != null) {
            out.add(r.result());
        }
        for (BacktestReport.Window w : r.windows()) {
            out.add(w.run());
        }
        return out;
    }

    public static String equityCsv(BacktestReport r) {
        StringBuilder sb = new StringBuilder("window,time,iso_time,equity,exposure\n");
        List<BacktestReport.Run> runs = runs(r);
        for (int k = 0; k < runs.size(); k++) {
            EquityCurve.Data d = runs.get(k).coordination().equity();
            int window = r.windows().isEmpty() ? 0 : r.windows().get(k).index();
            for (int i = 0; i < d.time().length; i++) {
                sb.append(window).append(',').append(d.time()[i]).append(',').append(Instant.ofEpochMilli(d.time()[i])).append(',')
                        .append(num(d.equity()[i])).append(',').append(num(d.exposure()[i])).append('\n');
            }
        }
        return sb.toString();
    }

    public static String tradesCsv(BacktestReport r) {
        StringBuilder sb = new StringBuilder("window,symbol,direction,entry_time,exit_time,quantity,entry_quantity,entry_price,exit_price,pnl,fees,return\n");
        List<BacktestReport.Run> runs = runs(r);
        for (int k = 0; k < runs.size(); k++) {
            int window = r.windows().isEmpty() ? 0 : r.windows().get(k).index();
            for (RoundTrip t : runs.get(k).coordination().trades()) {
                sb.append(window).append(',').append(t.symbol().code()).append(',').append(t.direction()).append(',')
                        .append(Instant.ofEpochMilli(t.entryTime())).append(',').append(Instant.ofEpochMilli(t.exitTime())).append(',')
                        .append(num(t.quantity())).append(',').append(num(t.entryQuantity())).append(',').append(num(t.entryPrice())).append(',').append(num(t.exitPrice())).append(',')
                        .append(num(t.pnl())).append(',').append(num(t.fees())).append(',').append(num(t.returnPct())).append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : String.valueOf(v);
    }

    private static void writeAtomically(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
