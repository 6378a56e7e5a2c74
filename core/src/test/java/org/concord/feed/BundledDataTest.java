package org.concord.feed;

import org.concord.quality.InputIssue;
import org.concord.quality.InputQuality;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BundledDataTest {

    @Test
    void theRealBitstampTradesAreOnTheClasspath() {
        TradeTape t = BundledData.bitstampTrades();
        assertThat(t.size()).isEqualTo(100_000);
        assertThat(t.firstTime()).isEqualTo(1_385_337_600_000L); // 2013-11-25T00:00:00Z
        assertThat(t.price(0)).isEqualTo(800.01);
        assertThat(t.size(0)).isEqualTo(0.1);
        assertThat(t.symbol()).isEqualTo(Symbol.of("BTCUSD"));
    }

    @Test
    void theRealEthBarsAreFiveMinuteBarsOnBoundaries() {
        BarSeries eth = BundledData.eth5mBars();
        assertThat(eth.size()).isEqualTo(580);
        assertThat(eth.timeframe()).isEqualTo(Timeframe.M5);
        assertThat(eth.time(0) % Timeframe.M5.millis()).isZero();
        assertThat(eth.open(0)).isEqualTo(1673.58);
        assertThat(eth.time(1) - eth.time(0)).isEqualTo(300_000);
    }

    @Test
    void malformedCsvRowsAreRejectedByRuleAndCounted() {
        String csv = """
                timestamp,price,amount
                100,10.0,1
                101,abc,1
                102,NaN,1
                103,-5,1
                104,10.5
                99,10.0,1
                105,10.2,-3
                106,9.5,2
                """;
        InputQuality q = new InputQuality();
        TradeTape t = BundledData.readTrades(Symbol.of("BTCUSD"), "test.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), q);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.time(1)).isEqualTo(106_000);
        assertThat(t.buyerMaker(1)).as("down-tick: seller was the aggressor").isTrue();
        assertThat(q.count("test.csv", InputIssue.MALFORMED)).isEqualTo(2);
        assertThat(q.count("test.csv", InputIssue.INVALID_PRICE)).isEqualTo(3);
        assertThat(q.count("test.csv", InputIssue.OUT_OF_ORDER)).isEqualTo(1);
    }

    @Test
    void brokenJsonKeepsWhatWasReadAndSaysSo() {
        String json = """
                {"ohlc":[
                 {"endTime":299999,"openPrice":10,"highPrice":11,"lowPrice":9,"closePrice":10.5,"volume":1},
                 {"endTime":599999,"openPrice":10,"highPrice":9,"lowPrice":11,"closePrice":10.5,"volume":1},
                 {"endTime":599999,"openPrice":10,"highPrice":12,"lowPrice":9,"closePrice":11,"volume":1},
                 {"endTime":599999,"openPrice":10,"highPrice":12,"lowPrice":9,"closePrice":11,"volume":1},
                 {"endTime":899999,"openPrice":10,"lowPrice":9,"closePrice":11,"volume":1},
                 {"endTime":1199999,"openPrice":10,"highPrice":12,"lowPrice":9,"clo
                """;
        InputQuality q = new InputQuality();
        BarSeries s = BundledData.readTa4jBarsJson(Symbol.of("ETHUSD"), Timeframe.M5, "b.json",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), q);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.time(1)).isEqualTo(300_000);
        assertThat(q.count("b.json", InputIssue.INCONSISTENT_OHLC)).isEqualTo(1);
        assertThat(q.count("b.json", InputIssue.DUPLICATE)).isEqualTo(1);
        assertThat(q.count("b.json", InputIssue.MALFORMED)).isEqualTo(2); // missing field + truncated document
        InputQuality q2 = new InputQuality();
        BundledData.readTa4jBarsJson(Symbol.of("ETHUSD"), Timeframe.M5, "c.json", new ByteArrayInputStream("{\"x\":1}".getBytes(StandardCharsets.UTF_8)), q2);
        assertThat(q2.count("c.json", InputIssue.MALFORMED)).isEqualTo(1);
    }

    @Test
    void theRealAppleBarsAreDailyBarsOf2013() {
        InputQuality q = new InputQuality();
        BarSeries aapl = BundledData.appleDailyBars(q);
        assertThat(aapl.size()).isEqualTo(252);
        assertThat(aapl.timeframe()).isEqualTo(Timeframe.D1);
        assertThat(aapl.time(0)).isEqualTo(1_357_084_800_000L); // 2013-01-02T00:00:00Z
        assertThat(aapl.open(0)).isEqualTo(553.82);
        assertThat(aapl.close(aapl.size() - 1)).isEqualTo(561.02);
        assertThat(q.total()).isZero();
    }

    @Test
    void badDailyRowsAreRejectedByRuleAndCounted() {
        String csv = """
                date,open,high,low,close,volume
                2013-01-02,10,11,9,10.5,100
                2013-01-03,abc,11,9,10,100
                2013-13-04,10,11,9,10,100
                2013-01-04,10,9,11,10,100
                2013-01-05,10,11,9,10
                2013-01-04,10,11,9,10,100
                2013-01-04,10,11,9,10,100
                2013-01-01,10,11,9,10,100
                2013-01-07,-1,11,9,10,100
                """;
        InputQuality q = new InputQuality();
        BarSeries s = BundledData.readDailyCsv(Symbol.of("AAPL"), "d.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), q);
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.time(1) - s.time(0)).isEqualTo(2 * Timeframe.D1.millis());
        assertThat(q.count("d.csv", InputIssue.MALFORMED)).isEqualTo(3);
        assertThat(q.count("d.csv", InputIssue.INCONSISTENT_OHLC) + q.count("d.csv", InputIssue.INVALID_PRICE)).isEqualTo(2);
        assertThat(q.count("d.csv", InputIssue.DUPLICATE)).isEqualTo(1);
        assertThat(q.count("d.csv", InputIssue.OUT_OF_ORDER)).isEqualTo(1);
    }
}
