package org.concord.annotate;

import org.concord.annotate.panel.PatternDialog;
import org.concord.annotate.tool.AnnotationsModel;
import org.concord.annotation.Annotation;
import org.concord.store.Direction;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The workspace's file and library actions, all on the background thread: export and import of annotations as
 * JSON (core's versioned schema; a malformed file names its first bad record and imports nothing; a stored id is
 * skipped unless "Import replaces stored ids" is ticked, and the counts are shown), and saving a
 * window of bars as a named pattern template through the {@link org.concord.annotation.PatternSink}.
 */
public final class WorkspaceFiles {
    /** A window of one symbol's bars on one timeframe, open times in [from, to]. */
    public record Window(Symbol symbol, Timeframe timeframe, long from, long to) {
        String describe() {
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
            return symbol + " " + timeframe.code() + " " + f.format(Instant.ofEpochMilli(from)) + " → "
                    + f.format(Instant.ofEpochMilli(to)) + " UTC";
        }
    }

    /** Most bars one pattern window may hold. */
    public static final int MAX_PATTERN_BARS = 20_000;

    private final AnnotationContext ctx;
    private final Background bg;
    private final AnnotationsModel model;
    private final Consumer<String> status;
    private final Supplier<Window> window;
    private final BooleanSupplier replaceExisting;
    private volatile String lastResult = "";

    WorkspaceFiles(AnnotationContext ctx, Background bg, AnnotationsModel model, Consumer<String> status, Supplier<Window> window,
                   BooleanSupplier replaceExisting) {
        this.ctx = ctx;
        this.bg = bg;
        this.model = model;
        this.status = status;
        this.window = window;
        this.replaceExisting = replaceExisting;
    }

    /** Writes {@code list} to {@code file} as JSON. */
    public void exportTo(Path file, List<Annotation> list) {
        List<Annotation> copy = List.copyOf(list);
        bg.run("export to " + file, () -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                ctx.annotations().export(copy, out);
            }
            return copy.size();
        }, n -> done("exported " + n + " annotation" + (n == 1 ? "" : "s") + " to " + file.getFileName()), () -> lastResult = "export failed");
    }

    /**
     * Reads a JSON file into the store (all of it, or nothing when a record is bad: the status names it). An id that
     * is already stored is skipped unless the File menu's "Import replaces stored ids" is ticked; the status gives the counts.
     */
    public void importFrom(Path file) {
        boolean replace = replaceExisting.getAsBoolean();
        bg.run("import of " + file.getFileName(), () -> {
            try (InputStream in = Files.newInputStream(file)) {
                return ctx.annotations().importJson(in, replace);
            }
        }, r -> {
            model.refresh();
            done("imported " + file.getFileName() + ": " + r.summary());
        }, () -> lastResult = "import failed");
    }

    /** Asks for a name, then saves the current window (the selected annotation's span, else the active view). */
    public void askAndSavePattern(javafx.stage.Window owner) {
        Window w = window.get();
        if (ctx.patterns() == null || w == null) {
            status.accept(ctx.patterns() == null ? "no pattern library is connected" : "nothing to save: load a symbol first");
            return;
        }
        PatternDialog.ask(owner, w.describe()).ifPresent(name -> savePattern(name, w));
    }

    /** Reads the window's bars and hands them to the pattern library under {@code name}. */
    public void savePattern(String name, Window w) {
        if (ctx.patterns() == null) {
            status.accept("no pattern library is connected");
            return;
        }
        if (!PatternDialog.valid(name)) {
            status.accept("pattern name '" + name + "' is not usable: letters, digits, space, _ . - (up to 64)");
            return;
        }
        bg.run("saving pattern " + name, () -> {
            BarSeries bars = ctx.data().bars(w.symbol(), w.timeframe(), w.from(), w.to(), MAX_PATTERN_BARS, Direction.LATEST);
            if (bars.size() < 2) {
                throw new IllegalArgumentException("the window " + w.describe() + " holds " + bars.size() + " bar(s); a pattern needs at least 2");
            }
            ctx.patterns().saveWindow(name.trim(), bars);
            return bars.size();
        }, n -> done("pattern '" + name.trim() + "' saved: " + n + " " + w.timeframe().code() + " bars of " + w.symbol()), () -> lastResult = "pattern failed");
    }

    /** The current pattern window (selected annotation, else the active view). */
    public Window currentWindow() {
        return window.get();
    }

    /** What the last file action reported. */
    public String lastResult() {
        return lastResult;
    }

    private void done(String msg) {
        lastResult = msg;
        status.accept(msg);
    }

    /** {@code 2013-11-28}, {@code 2013-11-28 14:00} or {@code 2013-11-28 14:00:30}, UTC, to epoch ms. */
    public static long parseTime(String text) {
        return parseTime(text, ZoneOffset.UTC);
    }

    /** {@code 2013-11-28}, {@code 2013-11-28 14:00} or {@code 2013-11-28 14:00:30} in {@code zone}, to epoch ms. */
    public static long parseTime(String text, ZoneId zone) {
        String t = text == null ? "" : text.trim().replace('T', ' ');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(zone).toInstant().toEpochMilli();
            }
            String iso = t.replace(' ', 'T');
            return LocalDateTime.parse(iso.length() == 16 ? iso + ":00" : iso).atZone(zone).toInstant().toEpochMilli();
        } catch (RuntimeException e) {
            String name = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
            throw new IllegalArgumentException("jump to: type a date like 2013-11-28 or 2013-11-28 14:00 (" + name + "), got '" + text + "'");
        }
    }
}
