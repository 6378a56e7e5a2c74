package org.concord.data;

import org.concord.store.Direction;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.model.BarChecks;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Imports a bar file (a daily DXY or VIX history, an exported series) into the {@link DataProvider} as closed bars of
 * one symbol and timeframe, so everyone reads it the usual way.
 *
 * <p><b>Format.</b> Comma- (or semicolon-) separated, one bar per row. With a header, columns are found by name
 * (case-insensitive): a time column ({@code date}, {@code time}, {@code timestamp}, {@code datetime},
 * {@code open_time_ms}), then {@code open}, {@code high}, {@code low}, {@code close}, {@code volume}; a file with
 * only a {@code close} or a {@code value}/{@code price} column is a line series (open = high = low = close).
 * Without a header: {@code time,value}, {@code time,open,high,low,close} or {@code time,open,high,low,close,volume}.
 * Times: {@code yyyy-MM-dd} (UTC midnight: the daily bar's open), {@code yyyyMMdd}, ISO date-times with or without
 * an offset (UTC when absent), epoch milliseconds (11+ digits) or seconds. The time is the bar's <em>open</em> time
 * and must lie on a timeframe boundary. Blank lines and lines starting with {@code #} are skipped; rows may come in
 * any order (they are sorted by time).
 *
 * <p><b>Bad rows</b> follow the data layer's rules (docs/data.md): a row that cannot be parsed (wrong column count,
 * unreadable time or number, a missing value such as {@code .} or {@code null}) is {@code MALFORMED}, counted in the
 * DataProvider's {@link InputQuality} under the source {@code csv <file name>} with its line number, and skipped;
 * a row dated beyond the wall clock plus one interval is {@code FUTURE} and skipped, and so are invalid prices
 * ({@code INVALID_PRICE}) and inconsistent OHLC ({@code INCONSISTENT_OHLC}), with their line. A file that is not
 * UTF-8 is refused as a whole, naming its first bad line. The import never stops on a bad row.
 *
 * <p><b>Stored bars are never replaced silently.</b> The import first works out its plan against the store: rows
 * for new times are added, rows equal to the stored bar are left alone (re-importing a file changes nothing and
 * reports nothing), and rows that <em>differ</em> from a stored bar (an exchange's bar, an earlier import) keep the
 * stored bar unless {@link Options#replace()} is asked for. The plan is logged in one line before anything is
 * written; {@link Options#dryRun()} stops there. Rows repeating a time within the file go to the DataProvider in file
 * order (a duplicate is dropped, different values correct the row before).
 */
public final class CsvBarImporter {
    private static final Logger LOG = LoggerFactory.getLogger(CsvBarImporter.class);
    private static final InputIssue[] REJECTIONS = {InputIssue.MALFORMED, InputIssue.INVALID_PRICE, InputIssue.INCONSISTENT_OHLC};

    /**
     * How to import.
     *
     * @param replace rows that differ from a stored bar replace it (else the stored bar is kept and the row counted)
     * @param dryRun  only work out and report the plan; write nothing
     */
    public record Options(boolean replace, boolean dryRun) {
        /** Keep stored bars, write the rest. */
        public static final Options DEFAULT = new Options(false, false);
    }

    /**
     * What an import did (or, in a dry run, would do).
     *
     * @param rows      data rows read (header, blank and comment lines excluded)
     * @param added     rows for times with no stored bar, sent to the DataProvider
     * @param unchanged rows equal to the stored bar, not sent
     * @param replaced  rows that differ from the stored bar and replaced it (only with {@code replace})
     * @param kept      rows that differ from the stored bar, not sent: the stored bar was kept
     * @param future    rows dated beyond the wall clock plus one interval, refused
     * @param rejected  rows counted as bad input (malformed here, or rejected by the DataProvider)
     * @param firstTime open time of the earliest row sent or unchanged (Long.MIN_VALUE if none)
     * @param lastTime  open time of the latest one
     * @param dryRun    nothing was written
     */
    public record Result(Symbol symbol, Timeframe timeframe, String source, int rows, int added, int unchanged, int replaced, int kept,
                         int future, long rejected, long firstTime, long lastTime, boolean dryRun) {
        /** Rows handed to the DataProvider. */
        public int sent() {
            return added + replaced;
        }

        /** One line: the plan or what was done. */
        public String summary() {
            return String.format(Locale.ROOT, "%s: %d rows → %s %s: %d new, %d unchanged, %d %s, %d differing from stored bars kept%s, "
                            + "%d future refused, %d rejected%s", source, rows, symbol, timeframe, added, unchanged, replaced,
                    dryRun ? "would replace" : "replaced", kept, kept > 0 ? " (replace to overwrite)" : "", future, rejected,
                    dryRun ? " (dry run: nothing written)" : "");
        }
    }

    private record Row(int line, long time, double open, double high, double low, double close, double volume) {
    }

    /** A source of lines ({@code BufferedReader::readLine}, {@link Utf8LineReader#readLine}): null at the end. */
    private interface Lines {
        String readLine() throws IOException;
    }

    private CsvBarImporter() {
    }

    /** Imports {@code file} as closed {@code tf} bars of {@code symbol}, keeping stored bars. */
    public static Result importFile(Path file, Symbol symbol, Timeframe tf, DataProvider data) throws IOException {
        return importFile(file, symbol, tf, data, Options.DEFAULT);
    }

    /** Imports {@code file} as closed {@code tf} bars of {@code symbol}. */
    public static Result importFile(Path file, Symbol symbol, Timeframe tf, DataProvider data, Options options) throws IOException {
        if (file == null) {
            throw new IllegalArgumentException("file is null");
        }
        String source = "csv " + file.getFileName();
        try (Utf8LineReader r = new Utf8LineReader(Files.newInputStream(file), source)) {
            return run(r::readLine, source, symbol, tf, data, options);
        }
    }

    /** Imports CSV text from {@code in}, keeping stored bars; {@code source} names it in the bad-input report. */
    public static Result importFrom(Reader in, String source, Symbol symbol, Timeframe tf, DataProvider data) throws IOException {
        if (in == null) {
            throw new IllegalArgumentException("reader is required");
        }
        return run(new BufferedReader(in)::readLine, source, symbol, tf, data, Options.DEFAULT);
    }

    private static Result run(Lines lines, String source, Symbol symbol, Timeframe tf, DataProvider data, Options options) throws IOException {
        if (source == null || symbol == null || tf == null || data == null || options == null) {
            throw new IllegalArgumentException("source, symbol, timeframe, DataProvider and options are required");
        }
        InputQuality q = data.quality();
        long before = rejections(q, source);
        List<Row> rows = new ArrayList<>();
        int dataRows = parse(lines, source, data, rows);
        rows.sort(Comparator.comparingLong(Row::time)); // stable: duplicates keep their file order
        List<Row> send = new ArrayList<>(rows.size());
        int added = 0;
        int unchanged = 0;
        int differ = 0;
        int future = 0;
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        long limit = data.wallClock() + tf.millis();
        BarSeries stored = storedBars(data, symbol, tf, rows);
        for (Row r : rows) {
            if (r.time() > limit) {
                q.report(source, "line " + r.line(), InputIssue.FUTURE, symbol + " " + tf + " bar dated " + Instant.ofEpochMilli(r.time())
                        + ", beyond the clock + one interval: row refused");
                future++;
                continue;
            }
            String problem = BarChecks.problem(r.open(), r.high(), r.low(), r.close(), r.volume());
            if (problem != null) {
                q.report(source, "line " + r.line(), problem.startsWith("prices") || problem.startsWith("volume") ? InputIssue.INVALID_PRICE
                        : InputIssue.INCONSISTENT_OHLC, symbol + " " + tf + " @" + r.time() + " " + problem + ": row skipped");
                continue;
            }
            int i = stored.indexOf(r.time());
            if (i < 0) {
                added++;
                send.add(r);
            } else if (stored.sameValues(i, r.open(), r.high(), r.low(), r.close(), r.volume())) {
                unchanged++;
            } else {
                differ++;
                if (options.replace()) {
                    send.add(r);
                }
            }
            first = first == Long.MIN_VALUE ? r.time() : first;
            last = r.time();
        }
        int replaced = options.replace() ? differ : 0;
        Result plan = new Result(symbol, tf, source, dataRows, added, unchanged, replaced, differ - replaced, future,
                rejections(q, source) - before, first, last, options.dryRun());
        LOG.info("plan: {}", plan.summary());
        if (options.dryRun()) {
            return plan;
        }
        for (Row r : send) {
            data.onBar(symbol, tf, r.time(), r.open(), r.high(), r.low(), r.close(), r.volume(), true, source);
        }
        Result res = new Result(symbol, tf, source, dataRows, added, unchanged, replaced, differ - replaced, future,
                rejections(q, source) - before, first, last, false);
        LOG.info("done: {}", res.summary());
        return res;
    }

    /** The stored bars at the rows' times (every pending write made durable first: the store is the truth). */
    private static BarSeries storedBars(DataProvider data, Symbol symbol, Timeframe tf, List<Row> rows) {
        if (rows.isEmpty()) {
            return new BarSeries(symbol, tf, 1);
        }
        data.flush();
        return data.store().query(symbol, tf, rows.get(0).time(), rows.get(rows.size() - 1).time(), rows.size() + 1, Direction.LATEST);
    }

    private static long rejections(InputQuality q, String source) {
        long n = 0;
        for (InputIssue i : REJECTIONS) {
            n += q.count(source, i);
        }
        return n;
    }

    /** Column positions; -1 when absent. */
    private record Layout(int time, int open, int high, int low, int close, int volume, int columns) {
        boolean line() {
            return open < 0;
        }
    }

    private static int parse(Lines r, String source, DataProvider data, List<Row> out) throws IOException {
        Layout layout = null;
        char sep = ',';
        int lineNo = 0;
        int dataRows = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (layout == null) {
                sep = t.indexOf(',') < 0 && t.indexOf(';') >= 0 ? ';' : ',';
                String[] f = split(t, sep);
                layout = header(f);
                if (layout != null) {
                    continue;
                }
                layout = positional(f.length);
                if (layout == null) {
                    throw new IllegalArgumentException(source + " line " + lineNo + ": no header and " + f.length
                            + " columns; expected time,value or time,open,high,low,close[,volume]");
                }
            }
            dataRows++;
            String[] f = split(t, sep);
            String problem = null;
            Row row = null;
            if (f.length < layout.columns()) {
                problem = f.length + " columns, expected " + layout.columns();
            } else {
                try {
                    long time = time(f[layout.time()]);
                    double c = number(f[layout.close()]);
                    double o = layout.line() ? c : number(f[layout.open()]);
                    double h = layout.line() ? c : number(f[layout.high()]);
                    double l = layout.line() ? c : number(f[layout.low()]);
                    double v = layout.volume() < 0 ? 0 : number(f[layout.volume()]);
                    row = new Row(lineNo, time, o, h, l, c, v);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    problem = e.getMessage();
                }
            }
            if (problem != null) {
                data.onMalformed(source, "line " + lineNo, problem + ": row skipped");
            } else {
                out.add(row);
            }
        }
        return dataRows;
    }

    private static String[] split(String line, char sep) {
        String[] f = line.split(sep == ';' ? ";" : ",", -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].trim();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).trim();
            }
            f[i] = s;
        }
        return f;
    }

    /** A header row's layout, or null when the row is data (its second field is a number). */
    private static Layout header(String[] f) {
        if (f.length < 2 || isNumber(f[1])) {
            return null;
        }
        int time = -1;
        int open = -1;
        int high = -1;
        int low = -1;
        int close = -1;
        int volume = -1;
        int value = -1;
        for (int i = 0; i < f.length; i++) {
            switch (f[i].toLowerCase(Locale.ROOT).replace(" ", "_")) {
                case "date", "time", "timestamp", "datetime", "open_time_ms", "open_time", "opentime" -> time = time < 0 ? i : time;
                case "open" -> open = i;
                case "high" -> high = i;
                case "low" -> low = i;
                case "close" -> close = i;
                case "volume" -> volume = i;
                case "value", "price" -> value = i;
                default -> {
                    // other columns (adj close, count...) are ignored
                }
            }
        }
        if (close < 0) {
            close = value;
        }
        boolean ohlc = open >= 0 && high >= 0 && low >= 0;
        if (time < 0 || close < 0 || (!ohlc && (open >= 0 || high >= 0 || low >= 0))) {
            throw new IllegalArgumentException("header " + String.join(",", f)
                    + ": need a time column and close (or value), or all of open, high, low, close");
        }
        int cols = Math.max(time, Math.max(close, Math.max(volume, ohlc ? Math.max(open, Math.max(high, low)) : -1))) + 1;
        return ohlc ? new Layout(time, open, high, low, close, volume, cols) : new Layout(time, -1, -1, -1, close, volume, cols);
    }

    private static Layout positional(int n) {
        return switch (n) {
            case 2 -> new Layout(0, -1, -1, -1, 1, -1, 2);
            case 5 -> new Layout(0, 1, 2, 3, 4, -1, 5);
            case 6 -> new Layout(0, 1, 2, 3, 4, 5, 6);
            default -> null;
        };
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static double number(String s) {
        if (s.isEmpty() || s.equals(".") || s.equalsIgnoreCase("null") || s.equalsIgnoreCase("nan") || s.equalsIgnoreCase("na")) {
            throw new IllegalArgumentException("missing value '" + s + "'");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: '" + s + "'");
        }
    }

    /** Epoch ms of a time field (see the class comment). */
    static long time(String s) {
        if (s.isEmpty()) {
            throw new IllegalArgumentException("missing time");
        }
        try {
            if (s.chars().allMatch(Character::isDigit)) {
                if (s.length() == 8) {
                    return LocalDate.parse(s, DateTimeFormatter.BASIC_ISO_DATE).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                }
                long v = Long.parseLong(s);
                return s.length() >= 11 ? v : Math.multiplyExact(v, 1000L);
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            }
            String iso = s.replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new IllegalArgumentException("unreadable time '" + s + "' (expected yyyy-MM-dd, an ISO date-time or epoch ms)");
        }
    }
}
