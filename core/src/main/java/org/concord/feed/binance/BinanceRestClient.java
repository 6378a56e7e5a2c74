package org.concord.feed.binance;

import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.instrument.Instrument;
import org.concord.model.BarChecks;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Binance's public REST market data: {@code GET /api/v3/klines} (paged, at most {@link BinanceConfig#pageSize()}
 * per call), {@code GET /api/v3/exchangeInfo} (the symbols' listings) and {@code GET /api/v3/time}. No keys.
 *
 * <p><b>Retries.</b> HTTP 429 (rate limited) and 418 (IP banned for repeated 429s) wait the server's
 * {@code Retry-After} (seconds or an HTTP date; without one, the backoff) and retry; a wait longer than
 * {@link BinanceConfig#maxRetryAfter()} fails the call rather than stall the feed. 5xx, an I/O error and a
 * 200 whose body is not the expected JSON retry with exponential backoff. Other 4xx fail at once with Binance's
 * error code. After {@link BinanceConfig#restMaxRetries()} retries the call fails with {@link BinanceApiException}.
 *
 * <p><b>Bad rows.</b> A kline row of the wrong shape (MALFORMED), with invalid OHLCV (INVALID_PRICE /
 * INCONSISTENT_OHLC), off its interval's boundary (MALFORMED), or not after the previous row (DUPLICATE /
 * OUT_OF_ORDER) is dropped, counted in {@link InputQuality} under source {@value #SOURCE} and logged once with
 * the request and row index. Thread-safe: the feed's worker and DataProvider backfills may call it at once.
 */
public final class BinanceRestClient {
    public static final String SOURCE = "binance-rest";
    private static final Logger LOG = LoggerFactory.getLogger(BinanceRestClient.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final BinanceConfig config;
    private final InputQuality quality;
    private final HttpClient http;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();

    public BinanceRestClient(BinanceConfig config, InputQuality quality, HttpClient http) {
        if (config == null || quality == null || http == null) {
            throw new IllegalArgumentException("config, quality and http client are required");
        }
        this.config = config;
        this.quality = quality;
        this.http = http;
    }

    /** A client over an HTTP/1.1 JDK client (Binance's REST and the loopback speak it; keep-alive reuses sockets). */
    public static HttpClient newHttpClient(BinanceConfig config) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.connectTimeout()).build();
    }

    /** Receives the valid bars of a klines call, oldest first. */
    @FunctionalInterface
    public interface BarConsumer {
        void onBar(long openTime, double open, double high, double low, double close, double volume);
    }

    /**
     * The listings of {@code symbols} ({@code GET /api/v3/exchangeInfo?symbols=[...]}): base/quote, tick, step and
     * minimums, under Binance's own symbols. A symbol Binance does not list fails the call (-1121 Invalid symbol).
     */
    public List<Instrument> exchangeInfo(List<Symbol> symbols) {
        if (symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("exchangeInfo needs at least one symbol");
        }
        String list = symbols.stream().map(s -> "\"" + s.code() + "\"").collect(Collectors.joining(",", "[", "]"));
        return get("/api/v3/exchangeInfo?symbols=" + URLEncoder.encode(list, StandardCharsets.UTF_8), ExchangeInfoJson::instruments);
    }

    /** Binance's clock ({@code GET /api/v3/time}). */
    public long serverTime() {
        return get("/api/v3/time", BinanceMessages::parseServerTime);
    }

    /**
     * Valid bars with open time in {@code [from, to]}, oldest first, paging {@link BinanceConfig#pageSize()} bars per
     * call until the range is covered or the exchange has no more. The caller chooses {@code to} so that every bar
     * in range has closed (the exchange also returns the forming bar).
     *
     * @return the number of valid bars delivered
     */
    public int klines(Symbol symbol, Timeframe tf, long from, long to, BarConsumer out) {
        if (symbol == null || tf == null || out == null) {
            throw new IllegalArgumentException("symbol, timeframe and consumer are required");
        }
        if (from > to) {
            return 0;
        }
        long start = from;
        int delivered = 0;
        long[] last = {Long.MIN_VALUE};
        while (start <= to) {
            String query = "/api/v3/klines?symbol=" + symbol.code() + "&interval=" + tf.code() + "&startTime=" + start
                    + "&endTime=" + to + "&limit=" + config.pageSize();
            PageReader page = new PageReader(symbol, tf, from, to, query, last, out);
            int rows = get(query, body -> BinanceMessages.parseKlines(body, page));
            delivered += page.delivered;
            if (rows < config.pageSize() || page.maxTime == Long.MIN_VALUE) {
                break; // the exchange has nothing after this page
            }
            if (page.maxTime < start) {
                LOG.warn("binance klines page {} did not advance (max open time {}): paging stopped", query, page.maxTime);
                break;
            }
            start = page.maxTime + tf.millis();
        }
        return delivered;
    }

    /** The valid bars with open time in {@code [from, to]} as a series (see {@link #klines(Symbol, Timeframe, long, long, BarConsumer)}). */
    public BarSeries klines(Symbol symbol, Timeframe tf, long from, long to) {
        BarSeries s = new BarSeries(symbol, tf, 1024);
        klines(symbol, tf, from, to, s::append);
        return s;
    }

    /** Applies the row rules of one klines page and forwards the valid rows. */
    private final class PageReader implements BinanceMessages.KlineRowHandler {
        final Symbol symbol;
        final Timeframe tf;
        final long from;
        final long to;
        final String query;
        final long[] last;
        final BarConsumer out;
        long maxTime = Long.MIN_VALUE;
        int delivered;

        PageReader(Symbol symbol, Timeframe tf, long from, long to, String query, long[] last, BarConsumer out) {
            this.symbol = symbol;
            this.tf = tf;
            this.from = from;
            this.to = to;
            this.query = query;
            this.last = last;
            this.out = out;
        }

        @Override
        public void onRow(int index, long t, double o, double h, double l, double c, double v, long closeTime, long trades) {
            maxTime = Math.max(maxTime, t);
            String pos = "GET " + query + " row " + index;
            if (tf.floor(t) != t) {
                quality.report(SOURCE, pos, InputIssue.MALFORMED, symbol + " " + tf + " open time " + t + " not on a " + tf + " boundary: dropped");
                return;
            }
            String problem = BarChecks.problem(o, h, l, c, v);
            if (problem != null) {
                quality.report(SOURCE, pos, problem.startsWith("prices") || problem.startsWith("volume")
                        ? InputIssue.INVALID_PRICE : InputIssue.INCONSISTENT_OHLC, symbol + " " + tf + " @" + t + " " + problem + ": dropped");
                return;
            }
            if (t < from || t > to) {
                quality.report(SOURCE, pos, InputIssue.MALFORMED, symbol + " " + tf + " @" + t + " outside the asked range [" + from + ", " + to + "]: dropped");
                return;
            }
            if (last[0] != Long.MIN_VALUE && t <= last[0]) {
                quality.report(SOURCE, pos, t == last[0] ? InputIssue.DUPLICATE : InputIssue.OUT_OF_ORDER,
                        symbol + " " + tf + " @" + t + " not after previous row " + last[0] + ": dropped");
                return;
            }
            last[0] = t;
            delivered++;
            out.onBar(t, o, h, l, c, v);
        }

        @Override
        public void onMalformedRow(int index, String detail) {
            quality.report(SOURCE, "GET " + query + " row " + index, InputIssue.MALFORMED, detail + ": dropped");
        }
    }

    // ------------------------------------------------------------------ HTTP with retries

    private <T> T get(String pathAndQuery, Function<String, T> parse) {
        URI uri = URI.create(config.restUrl() + pathAndQuery);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(config.restTimeout()).header("Accept", "application/json").GET().build();
        String lastFailure = "";
        for (int attempt = 0; ; attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
            }
            requests.incrementAndGet();
            long waitMs;
            try {
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                int status = r.statusCode();
                if (status == 200) {
                    try {
                        return parse.apply(r.body());
                    } catch (BinanceMessages.MalformedBodyException e) {
                        quality.report(SOURCE, "GET " + pathAndQuery, InputIssue.MALFORMED, e.getMessage() + ": call retried");
                        lastFailure = "malformed body";
                        waitMs = backoffMs(attempt);
                    }
                } else if (status == 429 || status == 418) {
                    rateLimited.incrementAndGet();
                    waitMs = retryAfterMs(r).orElse(backoffMs(attempt));
                    lastFailure = "HTTP " + status;
                    if (waitMs > config.maxRetryAfter().toMillis()) {
                        throw new BinanceApiException(status, 0, "GET " + pathAndQuery + ": HTTP " + status + " asks to wait " + waitMs
                                + " ms, more than maxRetryAfter " + config.maxRetryAfter().toMillis() + " ms");
                    }
                    logRetry("rate limited (HTTP " + status + ", Retry-After " + r.headers().firstValue("Retry-After").orElse("absent") + ")",
                            pathAndQuery, attempt, waitMs);
                } else if (status >= 500) {
                    serverErrors.incrementAndGet();
                    waitMs = retryAfterMs(r).orElse(backoffMs(attempt));
                    lastFailure = "HTTP " + status;
                    logRetry("server error HTTP " + status, pathAndQuery, attempt, waitMs);
                } else {
                    throw BinanceMessages.apiError(status, r.body());
                }
            } catch (IOException e) {
                lastFailure = e.toString();
                waitMs = backoffMs(attempt);
                logRetry(e.toString(), pathAndQuery, attempt, waitMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BinanceApiException("GET " + pathAndQuery + " interrupted", e);
            }
            if (attempt >= config.restMaxRetries()) {
                throw new BinanceApiException("GET " + pathAndQuery + " still failing after " + (attempt + 1) + " attempts (last: " + lastFailure + ")", null);
            }
            sleep(waitMs, pathAndQuery);
        }
    }

    private void logRetry(String why, String pathAndQuery, int attempt, long waitMs) {
        if (attempt < config.restMaxRetries()) {
            LOG.warn("binance REST GET {}: {}; retry {} of {} in {} ms", pathAndQuery, why, attempt + 1, config.restMaxRetries(), waitMs);
        } else {
            LOG.warn("binance REST GET {}: {}; no retries left", pathAndQuery, why);
        }
    }

    private long backoffMs(int attempt) {
        long base = config.restRetryInitial().toMillis();
        return Math.min(MAX_BACKOFF_MS, base << Math.min(attempt, 20));
    }

    /** Retry-After as delay-seconds or an HTTP date (RFC 9110); empty when absent or unreadable. */
    public static OptionalLong retryAfterMs(HttpResponse<?> r) {
        String v = r.headers().firstValue("Retry-After").orElse(null);
        if (v == null || v.isBlank()) {
            return OptionalLong.empty();
        }
        v = v.trim();
        try {
            return OptionalLong.of(Math.max(0, Long.parseLong(v)) * 1000L);
        } catch (NumberFormatException e) {
            try {
                long at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return OptionalLong.of(Math.max(0, at - System.currentTimeMillis()));
            } catch (RuntimeException e2) {
                return OptionalLong.empty();
            }
        }
    }

    private static void sleep(long ms, String what) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BinanceApiException("GET " + what + " interrupted while waiting to retry", e);
        }
    }

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    /** Responses with HTTP 429 or 418. */
    public long rateLimited() {
        return rateLimited.get();
    }

    public long serverErrors() {
        return serverErrors.get();
    }
}
