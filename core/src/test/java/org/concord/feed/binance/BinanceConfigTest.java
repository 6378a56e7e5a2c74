package org.concord.feed.binance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceConfigTest {

    @Test
    void defaultsAreTheRealPublicEndpoints() {
        BinanceConfig c = BinanceConfig.builder().symbol(Symbol.of("BTCUSDT")).interval(Timeframe.M1).build();
        assertThat(c.restUrl()).isEqualTo(URI.create("https://api.binance.com"));
        assertThat(c.wsUrl()).isEqualTo(URI.create("wss://stream.binance.com:9443"));
        assertThat(c.pageSize()).isEqualTo(1000);
        assertThat(c.streamNames()).containsExactly("btcusdt@kline_1m", "btcusdt@aggTrade", "btcusdt@depth20@100ms");
        assertThat(c.combinedStreamUri()).isEqualTo(
                URI.create("wss://stream.binance.com:9443/stream?streams=btcusdt@kline_1m/btcusdt@aggTrade/btcusdt@depth20@100ms"));
    }

    @Test
    void readsAYamlSection() throws Exception {
        String yaml = """
                binance:
                  restUrl: http://127.0.0.1:8080/
                  wsUrl: ws://127.0.0.1:9090
                  symbols: [BTCUSDT, eth-usdt]
                  intervals: 1m,5m,1h
                  aggTrades: false
                  depth: true
                  initialBackfillBars: 1500
                  maxBackfillBars: 20000
                  pageSize: 500
                  reconnectInitialMs: 250
                  reconnectMaxMs: 30000
                  reconnectJitter: 0.1
                  idleTimeoutMs: 20000
                  connectTimeoutMs: 5000
                  restTimeoutMs: 8000
                  restMaxRetries: 4
                  restRetryInitialMs: 100
                  maxRetryAfterMs: 60000
                  queueCapacity: 5000
                """;
        @SuppressWarnings("unchecked")
        Map<String, Object> root = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
        @SuppressWarnings("unchecked")
        BinanceConfig c = BinanceConfig.fromMap((Map<String, ?>) root.get("binance"));
        assertThat(c.restUrl()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(c.symbols()).containsExactly(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
        assertThat(c.intervals()).containsExactly(Timeframe.M1, Timeframe.M5, Timeframe.H1);
        assertThat(c.aggTrades()).isFalse();
        assertThat(c.initialBackfillBars()).isEqualTo(1500);
        assertThat(c.maxBackfillBars()).isEqualTo(20000);
        assertThat(c.pageSize()).isEqualTo(500);
        assertThat(c.reconnectInitial()).isEqualTo(Duration.ofMillis(250));
        assertThat(c.reconnectMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.reconnectJitter()).isEqualTo(0.1);
        assertThat(c.idleTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.restMaxRetries()).isEqualTo(4);
        assertThat(c.maxRetryAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(c.queueCapacity()).isEqualTo(5000);
        assertThat(c.streamNames()).containsExactly("btcusdt@kline_1m", "btcusdt@kline_5m", "btcusdt@kline_1h", "btcusdt@depth20@100ms",
                "ethusdt@kline_1m", "ethusdt@kline_5m", "ethusdt@kline_1h", "ethusdt@depth20@100ms");
    }

    @Test
    void badValuesFailLoudly() {
        assertThatThrownBy(() -> BinanceConfig.fromMap(Map.of("symbols", "BTCUSDT", "intervals", "1m", "restUrls", "x")))
                .hasMessageContaining("unknown binance config key 'restUrls'");
        assertThatThrownBy(() -> BinanceConfig.fromMap(Map.of("symbols", "BTCUSDT", "intervals", "2m")))
                .hasMessageContaining("unknown timeframe '2m'");
        assertThatThrownBy(() -> BinanceConfig.fromMap(Map.of("symbols", "BTCUSDT", "intervals", "1m", "pageSize", 1001)))
                .hasMessageContaining("pageSize must be in [1, 1000]");
        assertThatThrownBy(() -> BinanceConfig.fromMap(Map.of("symbols", "BTCUSDT", "intervals", "1m", "restUrl", "ftp://x")))
                .hasMessageContaining("restUrl must use http or https");
        assertThatThrownBy(() -> BinanceConfig.fromMap(Map.of("intervals", "1m")))
                .hasMessageContaining("at least one symbol");
        assertThatThrownBy(() -> BinanceConfig.fromMap(Map.of("symbols", "BTCUSDT", "aggTrades", false, "depth", false)))
                .hasMessageContaining("subscribes to nothing");
        assertThatThrownBy(() -> BinanceConfig.fromMap(Map.of("symbols", "BTCUSDT", "intervals", "1m", "initialBackfillBars", 5, "maxBackfillBars", 4)))
                .hasMessageContaining("initialBackfillBars");
        assertThatThrownBy(() -> BinanceConfig.fromMap(Map.of("symbols", "BTCUSDT", "intervals", "1m", "reconnectJitter", 2)))
                .hasMessageContaining("reconnectJitter must be in [0, 1]");
        assertThatThrownBy(() -> BinanceConfig.fromMap(Map.of("symbols", "BTCUSDT", "intervals", "1m", "reconnectMaxMs", 10)))
                .hasMessageContaining("below reconnectInitial");
        assertThatThrownBy(() -> BinanceConfig.fromMap(Map.of("symbols", "BTCUSDT", "intervals", "1m", "pageSize", 1.5)))
                .hasMessageContaining("whole number");
    }

    @Test
    void resumeAfterChecksItsSeries() {
        BinanceConfig c = BinanceConfig.builder().symbol(Symbol.of("BTCUSDT")).interval(Timeframe.M1).build();
        try (BinanceFeed feed = new BinanceFeed(c, new NullSink(), new org.concord.quality.InputQuality())) {
            assertThatThrownBy(() -> feed.resumeAfter(Symbol.of("BTCUSDT"), Timeframe.M5, 0)).hasMessageContaining("not a configured series");
            assertThatThrownBy(() -> feed.resumeAfter(Symbol.of("BTCUSDT"), Timeframe.M1, 1)).hasMessageContaining("not on a 1m boundary");
            feed.resumeAfter(Symbol.of("BTCUSDT"), Timeframe.M1, 60_000);
        }
    }
}
