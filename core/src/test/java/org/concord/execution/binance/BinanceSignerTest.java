package org.concord.execution.binance;

import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.Order;
import org.concord.feed.binance.BinanceApiException;
import org.concord.secrets.ApiCredentials;
import org.concord.secrets.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Signatures byte for byte (Binance's documented examples) and the loopback verifying them the way the exchange does. */
class BinanceSignerTest {
    static final String DOC_QUERY = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    static final String DOC_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
    /** Example 3: query "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC", body "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559". */
    static final String DOC_MIXED_SIGNATURE = "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77";

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void signsBinancesDocumentedExampleByteForByte() {
        BinanceSigner s = new BinanceSigner(SpotFixture.credentials());
        assertThat(s.sign(DOC_QUERY)).isEqualTo(DOC_SIGNATURE);
        assertThat(s.sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"))
                .isEqualTo(DOC_MIXED_SIGNATURE);
        assertThat(s.toString()).doesNotContain(SpotFixture.API_KEY).doesNotContain(SpotFixture.API_SECRET).contains("vmPU…Eh8A");
    }

    @Test
    void loopbackVerifiesTheDocumentedSignaturesAndRefusesAnyChangedByte() throws Exception {
        try (SpotFixture f = new SpotFixture(dir, 100)) {
            URI order = URI.create(f.ex.restUrl() + "/api/v3/order");
            // the documented body with its signature: the signature is valid, so only its 2017 timestamp is refused
            assertThat(post(order, null, DOC_QUERY + "&signature=" + DOC_SIGNATURE)).contains("-1021").contains("outside of the recvWindow");
            // example 3: signature over query + body concatenated without '&'
            assertThat(post(URI.create(order + "?symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"), null,
                    "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=" + DOC_MIXED_SIGNATURE)).contains("-1021");
            // signature in the query string, upper-case hex (Binance: not case sensitive)
            assertThat(post(URI.create(order + "?" + DOC_QUERY + "&signature=" + DOC_SIGNATURE.toUpperCase()), null, "")).contains("-1021");
            // one byte changed (quantity=2), or the parameters reordered: the signature no longer matches
            assertThat(post(order, null, DOC_QUERY.replace("quantity=1", "quantity=2") + "&signature=" + DOC_SIGNATURE))
                    .contains("-1022").contains("Signature for this request is not valid.");
            assertThat(post(order, null, "side=BUY&symbol=LTCBTC" + DOC_QUERY.substring("symbol=LTCBTC&side=BUY".length())
                    + "&signature=" + DOC_SIGNATURE)).contains("-1022");
            // a wrong key header
            assertThat(post(order, "not-the-key", DOC_QUERY + "&signature=" + DOC_SIGNATURE)).contains("-2015");
        }
    }

    private static String post(URI uri, String key, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(uri).header("X-MBX-APIKEY", key == null ? SpotFixture.API_KEY : key)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void aWrongSecretIsRefusedByTheExchangeAtStart() {
        try (SpotFixture f = new SpotFixture(dir, 100)) {
            ApiCredentials wrong = new ApiCredentials(Secret.of(SpotFixture.API_KEY), Secret.of("not-the-secret-" + "x".repeat(40)));
            BinanceSpotBroker b = new BinanceSpotBroker(f.config().build(), wrong, dir, org.concord.execution.PreTradeCheck.NONE, null);
            try {
                assertThatThrownBy(b::start).isInstanceOf(BinanceApiException.class).hasMessageContaining("-1022")
                        .hasMessageContaining("Signature for this request is not valid.");
            } finally {
                b.close();
            }
        }
    }

    @Test
    void aStaleTimestampIsRejectedWithTheExchangesMessage() {
        try (SpotFixture f = new SpotFixture(dir, 100)) {
            BinanceSpotBroker b = f.broker();
            f.clockOffset.set(-10_000); // the machine's clock 10 s behind: outside the 1.5 s recvWindow
            Order o = b.submit(OrderRequest.limit("stale-1", SpotFixture.BTC, OrderSide.BUY, 0.1, 500));
            assertThat(o.state()).isEqualTo(OrderState.REJECTED);
            assertThat(o.reason()).contains("-1021").contains("Timestamp for this request is outside of the recvWindow.");
            assertThat(f.account.ordersPlaced("stale-1")).isZero();
            f.clockOffset.set(0);
            assertThat(b.submit(OrderRequest.limit("fresh-1", SpotFixture.BTC, OrderSide.BUY, 0.1, 500)).state()).isEqualTo(OrderState.NEW);
        }
    }
}
