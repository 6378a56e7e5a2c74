package org.concord.feed.binance;

import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing of each Binance message type, on the example payloads of Binance's published spot API docs. */
class BinanceMessagesTest {

    /** Records every handler call as a line. */
    static final class Recorder implements BinanceMessages.StreamHandler {
        final List<String> calls = new ArrayList<>();
        double[] bidPx;
        double[] bidQty;
        double[] askPx;
        double[] askQty;

        @Override
        public void onKline(String symbol, Timeframe tf, long eventTime, long openTime, long closeTime, double open, double high,
                            double low, double close, double volume, long trades, boolean closed) {
            calls.add("kline " + symbol + " " + tf + " E=" + eventTime + " t=" + openTime + " T=" + closeTime + " o=" + open + " h=" + high
                    + " l=" + low + " c=" + close + " v=" + volume + " n=" + trades + " x=" + closed);
        }

        @Override
        public void onAggTrade(String symbol, long eventTime, long aggId, double price, double quantity, long firstTradeId,
                               long lastTradeId, long tradeTime, boolean buyerMaker) {
            calls.add("aggTrade " + symbol + " E=" + eventTime + " a=" + aggId + " p=" + price + " q=" + quantity + " f=" + firstTradeId
                    + " l=" + lastTradeId + " T=" + tradeTime + " m=" + buyerMaker);
        }

        @Override
        public void onDepth(String symbol, long lastUpdateId, double[] bp, double[] bq, double[] ap, double[] aq) {
            calls.add("depth " + symbol + " id=" + lastUpdateId + " bids=" + bp.length + " asks=" + ap.length);
            bidPx = bp;
            bidQty = bq;
            askPx = ap;
            askQty = aq;
        }

        @Override
        public void onControl(String text) {
            calls.add("control");
        }

        @Override
        public void onMalformed(String stream, String detail) {
            calls.add("malformed " + stream + " : " + detail);
        }
    }

    // payloads as published in binance-spot-api-docs (web-socket-streams.md, rest-api.md), comments removed
    static final String AGG_TRADE = "{\"e\":\"aggTrade\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"a\":12345,\"p\":\"0.001\",\"q\":\"100\","
            + "\"f\":100,\"l\":105,\"T\":1672515782136,\"m\":true,\"M\":true}";
    static final String KLINE = "{\"e\":\"kline\",\"E\":1672515782136,\"s\":\"BNBBTC\",\"k\":{\"t\":1672515780000,\"T\":1672515839999,"
            + "\"s\":\"BNBBTC\",\"i\":\"1m\",\"f\":100,\"L\":200,\"o\":\"0.0010\",\"c\":\"0.0020\",\"h\":\"0.0025\",\"l\":\"0.0015\","
            + "\"v\":\"1000\",\"n\":100,\"x\":false,\"q\":\"1.0000\",\"V\":\"500\",\"Q\":\"0.500\",\"B\":\"123456\"}}";
    static final String DEPTH = "{\"lastUpdateId\":160,\"bids\":[[\"0.0024\",\"10\"]],\"asks\":[[\"0.0026\",\"100\"]]}";
    static final String REST_KLINES = "[[1499040000000,\"0.01634790\",\"0.80000000\",\"0.01575800\",\"0.01577100\",\"148976.11427815\","
            + "1499644799999,\"2434.19055334\",308,\"1756.87402397\",\"28.46694368\",\"17928899.62484339\"]]";

    static String combined(String stream, String data) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
    }

    static List<String> parse(String text) {
        Recorder r = new Recorder();
        BinanceMessages.parseStream(text, r);
        return r.calls;
    }

    @Test
    void aggTradeInCombinedWrapper() {
        assertThat(parse(combined("bnbbtc@aggTrade", AGG_TRADE))).containsExactly(
                "aggTrade bnbbtc E=1672515782136 a=12345 p=0.001 q=100.0 f=100 l=105 T=1672515782136 m=true");
    }

    @Test
    void klineEventInCombinedWrapper() {
        assertThat(parse(combined("bnbbtc@kline_1m", KLINE))).containsExactly(
                "kline bnbbtc 1m E=1672515782136 t=1672515780000 T=1672515839999 o=0.001 h=0.0025 l=0.0015 c=0.002 v=1000.0 n=100 x=false");
    }

    @Test
    void klineOnRawStreamGetsItsStreamNameFromTheEvent() {
        assertThat(parse(KLINE)).singleElement().asString().startsWith("kline bnbbtc 1m E=1672515782136 t=1672515780000");
    }

    @Test
    void partialDepthInCombinedWrapper() {
        Recorder r = new Recorder();
        BinanceMessages.parseStream(combined("bnbbtc@depth20@100ms", DEPTH), r);
        assertThat(r.calls).containsExactly("depth bnbbtc id=160 bids=1 asks=1");
        assertThat(r.bidPx).containsExactly(0.0024);
        assertThat(r.bidQty).containsExactly(10.0);
        assertThat(r.askPx).containsExactly(0.0026);
        assertThat(r.askQty).containsExactly(100.0);
    }

    @Test
    void controlReplyIsNotMarketData() {
        assertThat(parse("{\"result\":null,\"id\":1}")).containsExactly("control");
    }

    @Test
    void malformedMessagesAreReportedNotThrown() {
        assertThat(parse("{not json")).singleElement().asString().startsWith("malformed null : not JSON");
        assertThat(parse("[1,2]")).singleElement().asString().contains("not a JSON object");
        assertThat(parse("{\"stream\":\"bnbbtc@kline_1m\"}")).singleElement().asString().contains("combined-stream wrapper");
        assertThat(parse(combined("bnbbtc@kline_1m", KLINE.replace("\"x\":false", "\"x\":\"no\""))))
                .singleElement().asString().contains("'x' missing or not a boolean");
        assertThat(parse(combined("bnbbtc@kline_1m", KLINE.replace("\"o\":\"0.0010\"", "\"o\":\"abc\""))))
                .singleElement().asString().contains("field 'o' is not a decimal");
        assertThat(parse(combined("bnbbtc@kline_1m", KLINE.replace("\"t\":1672515780000,", ""))))
                .singleElement().asString().contains("field 't' missing or not an integer");
        assertThat(parse(combined("ethbtc@kline_1m", KLINE))).singleElement().asString().contains("does not match stream symbol");
        assertThat(parse(combined("bnbbtc@kline_3m", KLINE))).singleElement().asString().contains("unsupported Binance interval '3m'");
        assertThat(parse(combined("bnbbtc@kline_1m", AGG_TRADE))).singleElement().asString().contains("event type 'aggTrade'");
        assertThat(parse(combined("bnbbtc@bookTicker", DEPTH))).singleElement().asString().contains("unsupported stream type");
        assertThat(parse(combined("bnbbtc@depth20", "{\"lastUpdateId\":1,\"bids\":[[\"1\"]],\"asks\":[]}")))
                .singleElement().asString().contains("bids[0] is not a [price, quantity] pair");
        assertThat(parse(combined("bnbbtc@aggTrade", AGG_TRADE.replace("\"a\":12345", "\"a\":\"x\""))))
                .singleElement().asString().contains("field 'a'");
    }

    @Test
    void nanAndNegativeValuesParseSoTheFeedCanApplyItsRules() {
        assertThat(parse(combined("bnbbtc@kline_1m", KLINE.replace("\"c\":\"0.0020\"", "\"c\":\"NaN\""))))
                .singleElement().asString().contains("c=NaN");
        assertThat(parse(combined("bnbbtc@aggTrade", AGG_TRADE.replace("\"p\":\"0.001\"", "\"p\":\"-5\""))))
                .singleElement().asString().contains("p=-5.0");
    }

    @Test
    void restKlinesRows() {
        List<String> rows = new ArrayList<>();
        int n = BinanceMessages.parseKlines(REST_KLINES, new BinanceMessages.KlineRowHandler() {
            @Override
            public void onRow(int i, long t, double o, double h, double l, double c, double v, long closeTime, long trades) {
                rows.add(i + " t=" + t + " o=" + o + " h=" + h + " l=" + l + " c=" + c + " v=" + v + " T=" + closeTime + " n=" + trades);
            }

            @Override
            public void onMalformedRow(int i, String detail) {
                rows.add(i + " malformed " + detail);
            }
        });
        assertThat(n).isEqualTo(1);
        assertThat(rows).containsExactly("0 t=1499040000000 o=0.0163479 h=0.8 l=0.015758 c=0.015771 v=148976.11427815 T=1499644799999 n=308");
    }

    @Test
    void restKlinesWithABadRowKeepsTheGoodOnes() {
        String body = "[[1,\"1\",\"1\",\"1\",\"1\",\"1\",2],[\"x\"],[3,\"oops\",\"1\",\"1\",\"1\",\"1\",4]]";
        List<String> rows = new ArrayList<>();
        BinanceMessages.parseKlines(body, new BinanceMessages.KlineRowHandler() {
            @Override
            public void onRow(int i, long t, double o, double h, double l, double c, double v, long closeTime, long trades) {
                rows.add("row " + i);
            }

            @Override
            public void onMalformedRow(int i, String detail) {
                rows.add("bad " + i);
            }
        });
        assertThat(rows).containsExactly("row 0", "bad 1", "bad 2");
    }

    @Test
    void restErrorBodyAndServerTime() {
        assertThatThrownBy(() -> BinanceMessages.parseKlines("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}", null))
                .isInstanceOfSatisfying(BinanceApiException.class, e -> assertThat(e.code()).isEqualTo(-1121))
                .hasMessageContaining("Invalid symbol.");
        assertThatThrownBy(() -> BinanceMessages.parseKlines("<html>", null)).isInstanceOf(BinanceMessages.MalformedBodyException.class);
        assertThat(BinanceMessages.parseServerTime("{\"serverTime\":1499827319559}")).isEqualTo(1499827319559L);
        BinanceApiException e = BinanceMessages.apiError(400, "{\"code\":-1130,\"msg\":\"Data sent for parameter 'limit' is not valid.\"}");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.code()).isEqualTo(-1130);
        assertThat(BinanceMessages.apiError(502, "Bad Gateway").getMessage()).contains("HTTP 502");
    }

    @Test
    void intervalsMapToTimeframes() {
        assertThat(BinanceMessages.interval("1s")).isEqualTo(Timeframe.S1);
        assertThat(BinanceMessages.interval("1m")).isEqualTo(Timeframe.M1);
        assertThat(BinanceMessages.interval("5m")).isEqualTo(Timeframe.M5);
        assertThat(BinanceMessages.interval("15m")).isEqualTo(Timeframe.M15);
        assertThat(BinanceMessages.interval("1h")).isEqualTo(Timeframe.H1);
        assertThat(BinanceMessages.interval("4h")).isEqualTo(Timeframe.H4);
        assertThat(BinanceMessages.interval("1d")).isEqualTo(Timeframe.D1);
        assertThatThrownBy(() -> BinanceMessages.interval("1M")).hasMessageContaining("unsupported Binance interval");
    }
}
