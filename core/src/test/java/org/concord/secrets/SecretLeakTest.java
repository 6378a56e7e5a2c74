package org.concord.secrets;

import org.concord.config.ConcordConfig;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.binance.BinanceSpotBroker;
import org.concord.execution.binance.BinanceSpotConfig;
import org.concord.testkit.Await;
import org.concord.testkit.exchange.LoopbackBinance;
import org.concord.testkit.exchange.LoopbackSpotAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole trading session (keys stored, requests signed, orders placed, a dropped connection, a rate limit, a dropped
 * stream) with the logs captured; then every file under the data directory and the log are searched for the key and
 * the secret in plain text, hex and base64. None may appear.
 */
class SecretLeakTest {
    static final String KEY = "Tq7LrVx2wYkP9mNbC3dF6gH8jK1sZ4aQeR5tU0iOpWlMnBvCxZyA2sD4fG6hJ8k";
    static final String SECRET = "s3cr3tWZ9qL2xT7pR4nV8mB1cK6jH0gF5dS2aQwErTyUiOpAsDfGhJkLzXcVbNm";

    @TempDir
    Path dataDir;

    static List<String> forms(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return List.of(s, HexFormat.of().formatHex(b), HexFormat.of().withUpperCase().formatHex(b), Base64.getEncoder().encodeToString(b),
                Base64.getUrlEncoder().withoutPadding().encodeToString(b), s.substring(8, 40));
    }

    /** Files under {@code dir} (and the log) that contain any form of a secret: "path: form". */
    static List<String> leaks(Path dir, String log, List<String> secrets) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                for (String s : secrets) {
                    for (String form : forms(s)) {
                        if (content.contains(form)) {
                            found.add(p + ": " + form);
                        }
                    }
                }
            }
        }
        for (String s : secrets) {
            for (String form : forms(s)) {
                if (log.contains(form)) {
                    found.add("log: " + form);
                }
            }
        }
        return found;
    }

    @Test
    void theSearchFindsAPlantedSecret(@TempDir Path other) throws IOException {
        Files.writeString(other.resolve("config.yaml"), "apiSecret: " + HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8)));
        List<String> found = leaks(other, "key " + KEY, List.of(KEY, SECRET));
        assertThat(found).anySatisfy(x -> assertThat(x).contains("config.yaml: "));
        assertThat(found).anySatisfy(x -> assertThat(x).startsWith("log: " + KEY));
    }

    @Test
    void noSecretInTheDataDirectoryOrTheLogsAfterASession() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new Tee(log, err), true, StandardCharsets.UTF_8));
        try (LoopbackBinance ex = LoopbackBinance.withBitstampBtcusdt(400)) {
            LoopbackSpotAccount account = new LoopbackSpotAccount(ex, KEY, SECRET);
            account.deposit("USDT", 10_000);
            account.deposit("BTC", 1);
            SecretStore store = SecretStore.open(dataDir, "a long passphrase".toCharArray());
            new ApiCredentials(Secret.of(KEY), Secret.of(SECRET)).saveTo(store, "loopback");
            ApiCredentials creds = ApiCredentials.resolve(Map.of(), SecretStore.open(dataDir, "a long passphrase".toCharArray()), "loopback");

            BinanceSpotConfig cfg = BinanceSpotConfig.custom("loopback", ex.restUrl(), ex.wsUrl()).instruments(ConcordConfig.defaultInstruments()).symbols(LoopbackBinance.BTCUSDT)
                    .recvWindow(Duration.ofMillis(1500)).retries(3, Duration.ofMillis(20), Duration.ofSeconds(3))
                    .reconnect(Duration.ofMillis(50), Duration.ofMillis(300), Duration.ofSeconds(30)).build();
            BinanceSpotBroker b = new BinanceSpotBroker(cfg, creds, dataDir, PreTradeCheck.NONE, null);
            b.mark(LoopbackBinance.BTCUSDT, ex.lastPrice(LoopbackBinance.BTCUSDT));
            b.start();
            Await.until(Duration.ofSeconds(60), () -> b.poll() >= 0 && b.streamConnected(), () -> "stream connected");
            b.submit(OrderRequest.market(b.nextClientOrderId(), LoopbackBinance.BTCUSDT, OrderSide.BUY, 0.3));
            String limit = b.nextClientOrderId();
            b.submit(OrderRequest.limit(limit, LoopbackBinance.BTCUSDT, OrderSide.BUY, 0.1, 400));
            ex.rest().failNext("/api/v3/order", 1, 429, 0);
            b.submit(OrderRequest.limit(b.nextClientOrderId(), LoopbackBinance.BTCUSDT, OrderSide.SELL, 0.1, 5000));
            account.dropConnectionAfterNextNewOrder();
            b.submit(OrderRequest.market(b.nextClientOrderId(), LoopbackBinance.BTCUSDT, OrderSide.SELL, 0.1));
            b.cancel(limit);
            ex.stream().dropAll();
            ex.advance(5);
            Await.until(Duration.ofSeconds(60), () -> b.poll() >= 0 && b.reconciliations() >= 3, () -> "reconciled after the dropped stream");
            assertThat(b.order(limit).orElseThrow().state()).isEqualTo(OrderState.CANCELED);
            b.close();
        } finally {
            System.setErr(err);
        }
        String captured = log.toString(StandardCharsets.UTF_8);
        assertThat(captured).as("the session logged (the search below means something)").contains("binance spot").contains("429");
        try (Stream<Path> files = Files.walk(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).contains("secrets.p12", "journal.jsonl");
        }
        assertThat(leaks(dataDir, captured, List.of(KEY, SECRET))).isEmpty();
    }

    /** Writes to the capture and still to the console. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
