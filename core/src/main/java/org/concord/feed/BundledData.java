package org.concord.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.model.BarChecks;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * The real market data that ships inside {@code org.ta4j:ta4j-examples} (MIT), read from the classpath:
 * 100,000 Bitstamp BTC/USD trades from 2013-11-25, Binance.US ETH/USD 5-minute bars of 2023-03-13..15 and Apple
 * (AAPL) daily bars of 2013. Nothing is copied into this repository. How the desk plays the three together:
 * {@link BundledMarket}.
 */
public final class BundledData {
    public static final String BITSTAMP_TRADES = "bitstamp_trades_from_20131125_usd.csv";
    public static final String ETH_5M_BARS = "ETH-USD-PT5M-2023-3-13_2023-3-15.json";
    public static final Symbol BTCUSD = Symbol.of("BTCUSD");
    public static final String APPLE_DAILY_BARS = "appleinc_bars_from_20130101_usd.csv";
    public static final Symbol ETHUSD = Symbol.of("ETHUSD");
    public static final Symbol AAPL = Symbol.of("AAPL");

    private static volatile TradeTape bitstampCache;

    private BundledData() {
    }

    /** The Bitstamp trades (cached after the first read; the tape is immutable). */
    public static TradeTape bitstampTrades() {
        TradeTape t = bitstampCache;
        if (t == null) {
            t = readTrades(BTCUSD, BITSTAMP_TRADES, open(BITSTAMP_TRADES), new InputQuality());
            bitstampCache = t;
        }
        return t;
    }

    static InputStream open(String resource) {
        InputStream in = BundledData.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled data '" + resource
                    + "' not on the classpath: is org.ta4j:ta4j-examples a dependency?");
        }
        return in;
    }

    /**
     * Reads a Bitstamp-style CSV ({@code timestamp,price,amount}, timestamp in epoch seconds). Rules: a header
     * line is skipped; a row that does not parse, or with a non-positive/NaN price or a negative/NaN amount, is
     * rejected; a row older than the previous accepted one is rejected as out of order. The aggressor side is
     * not in the file: it is inferred with the tick rule (up-tick = buyer aggressor, down-tick = seller,
     * unchanged = as the previous trade).
     */
    public static TradeTape readTrades(Symbol symbol, String source, InputStream in, InputQuality quality) {
        int cap = 1 << 17;
        long[] t = new long[cap];
        double[] p = new double[cap];
        double[] s = new double[cap];
        boolean[] bm = new boolean[cap];
        int n = 0;
        boolean sellerAggressor = false;
        try (CsvRows rows = new CsvRows(source, in)) {
            while (rows.next()) {
                String[] f = rows.fields();
                long ts;
                double price;
                double amount;
                try {
                    if (f.length < 3) {
                        throw new NumberFormatException("expected 3 fields, got " + f.length);
                    }
                    ts = Long.parseLong(f[0].trim()) * 1000L;
                    price = Double.parseDouble(f[1].trim());
                    amount = Double.parseDouble(f[2].trim());
                } catch (NumberFormatException e) {
                    quality.report(source, rows.where(), InputIssue.MALFORMED, "unparseable row '" + abbreviate(rows.line()) + "': rejected");
                    continue;
                }
                if (!BarChecks.finitePositive(price) || !(amount >= 0) || Double.isInfinite(amount)) {
                    quality.report(source, rows.where(), InputIssue.INVALID_PRICE, "price=" + price + " amount=" + amount + ": rejected");
                    continue;
                }
                if (n > 0 && ts < t[n - 1]) {
                    quality.report(source, rows.where(), InputIssue.OUT_OF_ORDER, "time " + ts + " before previous " + t[n - 1] + ": rejected");
                    continue;
                }
                if (n == t.length) {
                    cap *= 2;
                    t = Arrays.copyOf(t, cap);
                    p = Arrays.copyOf(p, cap);
                    s = Arrays.copyOf(s, cap);
                    bm = Arrays.copyOf(bm, cap);
                }
                if (n > 0 && price != p[n - 1]) {
                    sellerAggressor = price < p[n - 1];
                }
                t[n] = ts;
                p[n] = price;
                s[n] = amount;
                bm[n] = sellerAggressor;
                n++;
            }
        }
        return new TradeTape(symbol, Arrays.copyOf(t, n), Arrays.copyOf(p, n), Arrays.copyOf(s, n), Arrays.copyOf(bm, n));
    }

    /** The ETH/USD 5-minute bars. */
    public static BarSeries eth5mBars() {
        return eth5mBars(new InputQuality());
    }

    /** The ETH/USD 5-minute bars; rejected elements are counted in {@code quality}. */
    public static BarSeries eth5mBars(InputQuality quality) {
        return readTa4jBarsJson(ETHUSD, Timeframe.M5, ETH_5M_BARS, open(ETH_5M_BARS), quality);
    }

    /** The Apple daily bars (2013); rejected rows are counted in {@code quality}. */
    public static BarSeries appleDailyBars(InputQuality quality) {
        return readDailyCsv(AAPL, APPLE_DAILY_BARS, open(APPLE_DAILY_BARS), quality);
    }

    /**
     * Reads a daily bar CSV ({@code date,open,high,low,close,volume}, date {@code yyyy-MM-dd}: the bar opens at UTC
     * midnight of that date and closes at the next midnight, after the exchange's own close, so a bar is never seen
     * before its session ended). Rules as for the other bundled files: a header line is skipped; a row that does not
     * parse or has invalid OHLCV is rejected; a row at an already-seen or earlier date is rejected as duplicate/out
     * of order. Each rejection is counted in {@code quality} (which logs it).
     */
    public static BarSeries readDailyCsv(Symbol symbol, String source, InputStream in, InputQuality quality) {
        BarSeries series = new BarSeries(symbol, Timeframe.D1, 512);
        try (CsvRows rows = new CsvRows(source, in)) {
            while (rows.next()) {
                String[] f = rows.fields();
                long openTime;
                double[] v = new double[5];
                try {
                    if (f.length < 6) {
                        throw new NumberFormatException("expected 6 fields, got " + f.length);
                    }
                    openTime = LocalDate.parse(f[0].trim()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                    for (int k = 0; k < 5; k++) {
                        v[k] = Double.parseDouble(f[k + 1].trim());
                    }
                } catch (NumberFormatException | DateTimeParseException e) {
                    quality.report(source, rows.where(), InputIssue.MALFORMED, "unparseable row '" + abbreviate(rows.line()) + "': rejected");
                    continue;
                }
                String problem = BarChecks.problem(v[0], v[1], v[2], v[3], v[4]);
                if (problem != null) {
                    quality.report(source, rows.where(), problem.startsWith("prices") || problem.startsWith("volume")
                            ? InputIssue.INVALID_PRICE : InputIssue.INCONSISTENT_OHLC, problem + ": rejected");
                    continue;
                }
                if (!series.isEmpty() && openTime <= series.lastTime()) {
                    quality.report(source, rows.where(), openTime == series.lastTime() ? InputIssue.DUPLICATE : InputIssue.OUT_OF_ORDER,
                            "date " + f[0].trim() + " not after the previous row: rejected");
                    continue;
                }
                series.append(openTime, v[0], v[1], v[2], v[3], v[4]);
            }
        }
        return series;
    }

    /**
     * Reads ta4j's bar JSON ({@code {"ohlc":[{"endTime":ms,"openPrice":..}]}}; endTime is the inclusive last
     * millisecond, so openTime = endTime + 1 - tf). Rules: an element missing a field or with invalid OHLCV is
     * rejected; a bar at an already-seen or earlier open time is rejected as duplicate/out of order.
     */
    public static BarSeries readTa4jBarsJson(Symbol symbol, Timeframe tf, String source, InputStream in, InputQuality quality) {
        BarSeries series = new BarSeries(symbol, tf, 1024);
        ObjectMapper mapper = new ObjectMapper();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8); JsonParser parser = mapper.getFactory().createParser(reader)) {
            if (!advanceToArray(parser, "ohlc")) {
                quality.report(source, "root", InputIssue.MALFORMED, "no 'ohlc' array: nothing read");
                return series;
            }
            int idx = 0;
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode node = mapper.readTree(parser);
                String pos = "ohlc[" + idx++ + "]";
                if (!node.hasNonNull("endTime") || !node.hasNonNull("openPrice") || !node.hasNonNull("highPrice")
                        || !node.hasNonNull("lowPrice") || !node.hasNonNull("closePrice") || !node.hasNonNull("volume")) {
                    quality.report(source, pos, InputIssue.MALFORMED, "missing field: rejected");
                    continue;
                }
                long openTime = node.get("endTime").asLong() + 1 - tf.millis();
                double o = node.get("openPrice").asDouble(Double.NaN);
                double h = node.get("highPrice").asDouble(Double.NaN);
                double l = node.get("lowPrice").asDouble(Double.NaN);
                double c = node.get("closePrice").asDouble(Double.NaN);
                double v = node.get("volume").asDouble(Double.NaN);
                String problem = BarChecks.problem(o, h, l, c, v);
                if (problem != null) {
                    quality.report(source, pos, problem.startsWith("prices") || problem.startsWith("volume")
                            ? InputIssue.INVALID_PRICE : InputIssue.INCONSISTENT_OHLC, problem + ": rejected");
                    continue;
                }
                if (!series.isEmpty() && openTime <= series.lastTime()) {
                    quality.report(source, pos, openTime == series.lastTime() ? InputIssue.DUPLICATE : InputIssue.OUT_OF_ORDER,
                            "open time " + openTime + " not after " + series.lastTime() + ": rejected");
                    continue;
                }
                series.append(openTime, o, h, l, c, v);
            }
        } catch (IOException e) {
            quality.report(source, "parser", InputIssue.MALFORMED, "broken JSON (" + e.getMessage().lines().findFirst().orElse("") + "): kept "
                    + series.size() + " bars read before it");
        }
        return series;
    }

    private static boolean advanceToArray(JsonParser parser, String field) throws IOException {
        JsonToken tok;
        while ((tok = parser.nextToken()) != null) {
            if (tok == JsonToken.FIELD_NAME && field.equals(parser.currentName())) {
                return parser.nextToken() == JsonToken.START_ARRAY;
            }
        }
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
