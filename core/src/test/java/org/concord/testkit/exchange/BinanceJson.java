package org.concord.testkit.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * Writes the loopback exchange's payloads in Binance's published formats (binance-spot-api-docs): decimals as
 * 8-decimal strings, times as epoch-millisecond numbers, the combined-stream wrapper around stream payloads.
 */
public final class BinanceJson {
    private BinanceJson() {
    }

    /** A decimal the way Binance writes it ("800.01000000"); NaN/Infinity as Java spells them (a fault). */
    public static String dec(double x) {
        if (!Double.isFinite(x)) {
            return Double.toString(x);
        }
        return new BigDecimal(Double.toString(x)).setScale(8, RoundingMode.HALF_UP).toPlainString();
    }

    /** {@code {"stream":"<name>","data":<payload>}}. */
    public static String combined(String stream, String payload) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}";
    }

    /** The kline stream event ({@code <symbol>@kline_<interval>}). */
    public static String klineEvent(Kline k, long eventTime) {
        String s = k.symbol().code();
        double quote = ExchangeMarket.round8(k.volume() * k.close());
        return String.format(Locale.ROOT, "{\"e\":\"kline\",\"E\":%d,\"s\":\"%s\",\"k\":{\"t\":%d,\"T\":%d,\"s\":\"%s\",\"i\":\"%s\","
                        + "\"f\":%d,\"L\":%d,\"o\":\"%s\",\"c\":\"%s\",\"h\":\"%s\",\"l\":\"%s\",\"v\":\"%s\",\"n\":%d,\"x\":%s,"
                        + "\"q\":\"%s\",\"V\":\"%s\",\"Q\":\"%s\",\"B\":\"0\"}}",
                eventTime, s, k.openTime(), k.closeTime(), s, k.tf().code(), k.trades() > 0 ? k.firstTradeId() : -1,
                k.trades() > 0 ? k.lastTradeId() : -1, dec(k.open()), dec(k.close()), dec(k.high()), dec(k.low()), dec(k.volume()),
                k.trades(), k.closed(), dec(quote), dec(0), dec(0));
    }

    /** The aggregate trade stream event ({@code <symbol>@aggTrade}); one tape trade per aggregate here. */
    public static String aggTrade(String symbol, long aggId, double price, double qty, long tradeTime, boolean buyerMaker) {
        return String.format(Locale.ROOT, "{\"e\":\"aggTrade\",\"E\":%d,\"s\":\"%s\",\"a\":%d,\"p\":\"%s\",\"q\":\"%s\",\"f\":%d,\"l\":%d,"
                        + "\"T\":%d,\"m\":%s,\"M\":true}",
                tradeTime, symbol, aggId, dec(price), dec(qty), aggId, aggId, tradeTime, buyerMaker);
    }

    /** The partial book payload ({@code <symbol>@depth20@100ms}): no event time, no symbol, as Binance sends it. */
    public static String depth(long lastUpdateId, double[] bidPx, double[] bidQty, double[] askPx, double[] askQty) {
        StringBuilder sb = new StringBuilder(1024).append("{\"lastUpdateId\":").append(lastUpdateId).append(",\"bids\":[");
        levels(sb, bidPx, bidQty);
        sb.append("],\"asks\":[");
        levels(sb, askPx, askQty);
        return sb.append("]}").toString();
    }

    private static void levels(StringBuilder sb, double[] px, double[] qty) {
        for (int i = 0; i < px.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append("[\"").append(dec(px[i])).append("\",\"").append(dec(qty[i])).append("\"]");
        }
    }

    /** The {@code GET /api/v3/klines} body: an array of 12-field arrays. */
    public static String restKlines(List<Kline> klines) {
        StringBuilder sb = new StringBuilder(klines.size() * 160 + 2).append('[');
        for (int i = 0; i < klines.size(); i++) {
            Kline k = klines.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append('[').append(k.openTime()).append(",\"").append(dec(k.open())).append("\",\"").append(dec(k.high()))
                    .append("\",\"").append(dec(k.low())).append("\",\"").append(dec(k.close())).append("\",\"").append(dec(k.volume()))
                    .append("\",").append(k.closeTime()).append(",\"").append(dec(ExchangeMarket.round8(k.volume() * k.close())))
                    .append("\",").append(k.trades()).append(",\"0.00000000\",\"0.00000000\",\"0\"]");
        }
        return sb.append(']').toString();
    }

    /** Binance's error body. */
    public static String error(int code, String msg) {
        return "{\"code\":" + code + ",\"msg\":\"" + msg.replace("\"", "'") + "\"}";
    }
}
