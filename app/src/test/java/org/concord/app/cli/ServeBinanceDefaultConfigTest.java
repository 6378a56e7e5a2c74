package org.concord.app.cli;

import org.concord.orchestrator.config.ConfigFiles;
import org.concord.testkit.exchange.LoopbackBinance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code concord serve --feed binance --bot paper} as a real process against the loopback exchange (REST klines and
 * exchangeInfo, WebSocket kline/aggTrade/depth streams) with the configuration a new data directory gets (the full
 * preset: {@code symbols: [BTCUSD]}); only the binance: section points at the loopback. Before the instrument
 * mapping this made 0 decisions while every bar closed; now BTCUSD is traded as Binance's BTCUSDT: the feed follows
 * BTCUSDT, the orchestrator decides on its bars and the bot's paper account fills on BTCUSDT.
 */
class ServeBinanceDefaultConfigTest {
    static final Pattern DECISIONS = Pattern.compile("decisions (\\d+)");
    static final Pattern DELIVERED = Pattern.compile("delivered=(\\d+)");

    /** The stream messages the feed received, as a status line says (-1 if it does not). */
    static long delivered(String line) {
        Matcher m = DELIVERED.matcher(line);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    @TempDir
    Path dir;

    @Test
    void theDefaultConfigDecidesAndTradesPaperOnBtcusdt() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(3000)) {
            Path config = data.resolve("concord.yaml");
            Files.writeString(config, "binance:\n  restUrl: " + ex.restUrl() + "\n  wsUrl: " + ex.wsUrl() + "\n  initialBackfillBars: 300\n"
                    + "  reconnectInitialMs: 50\n  reconnectMaxMs: 400\n  restRetryInitialMs: 20\n  connectTimeoutMs: 2000\n");
            ConfigFiles.save(config, ConfigFiles.preset("full")); // what CoreSession writes for a new data directory; binance: kept
            String[] serve = {"--data-dir", data.toString(), "--feed", "binance", "--bot", "paper", "--status-every", "1"};
            try (ServeProcess server = ServeProcess.start(dir, serve)) {
                assertThat(ex.stream().awaitOpened(1, Duration.ofSeconds(30))).isTrue();
                assertThat(server.output()).contains("instrument BTCUSD=BTCUSDT@binance[BTC/USDT tick 0.01 step 0.00001 minQty 0.00001 "
                        + "minNotional 10]").doesNotContain("arrive but no orchestrator trades");
                long end = System.nanoTime() + Duration.ofMinutes(4).toNanos();
                long delivered = -1;
                while (!server.output().contains("fills {BTCUSDT=") && System.nanoTime() < end) {
                    int seen = server.lineCount();
                    ex.advance(5);
                    // paced by serve: the next minutes once a status line printed since says its feed received more messages
                    long before = delivered;
                    delivered = delivered(server.awaitLine(seen, l -> l.contains("decisions") && delivered(l) > before, Duration.ofSeconds(30)));
                }
                String line = server.awaitLine(l -> l.contains("fills {BTCUSDT="), Duration.ofSeconds(30));
                Matcher m = DECISIONS.matcher(line);
                assertThat(m.find()).isTrue();
                assertThat(Long.parseLong(m.group(1))).as(line).isPositive();
                assertThat(server.sigterm(Duration.ofSeconds(30))).as(server.output()).isZero();
                assertThat(server.summaryDecisions()).isPositive();
                assertThat(server.output()).doesNotContain("arrive but no orchestrator trades");
                System.out.println("serve --feed binance, default config: " + line + " (cursor minute " + ex.cursor() + ")");
            }
        }
    }
}
