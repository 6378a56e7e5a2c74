package org.concord.execution.binance;

import org.concord.bench.Bench;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Signing throughput, and the adapter's submit (risk + filters + journal fsync + signed POST + ack) and cancel round
 * trips against the loopback exchange on 127.0.0.1. Figures only; nothing asserted about speed.
 */
@Tag("benchmark")
class BinanceSpotBench {
    @TempDir
    Path dir;

    @Test
    void signingAndOrderRoundTrips() {
        BinanceSigner signer = new BinanceSigner(SpotFixture.credentials());
        String q = BinanceSignerTest.DOC_QUERY;
        double sigs = Bench.throughput(3, 5, 20_000, () -> {
            for (int i = 0; i < 20_000; i++) {
                signer.sign(q);
            }
        });
        Bench.report("binance-spot", "HMAC-SHA256 signatures of a 110-byte order query", sigs, "ops/s");

        try (SpotFixture f = new SpotFixture(dir, 200)) {
            BinanceSpotBroker b = f.broker();
            double far = Math.floor(f.ex.lastPrice(SpotFixture.BTC) * 50) / 100;
            int n = 300;
            long[] submit = new long[n];
            long[] cancel = new long[n];
            for (int i = 0; i < n; i++) {
                String id = b.nextClientOrderId();
                long t0 = System.nanoTime();
                b.submit(OrderRequest.limit(id, SpotFixture.BTC, OrderSide.BUY, 0.1, far));
                long t1 = System.nanoTime();
                b.cancel(id);
                long t2 = System.nanoTime();
                submit[i] = t1 - t0;
                cancel[i] = t2 - t1;
                b.poll();
            }
            Bench.report("binance-spot", "submit round trip on loopback (risk, filters, journal fsync, signed POST, ack) p50", Bench.percentileMicros(submit, 50), "us");
            Bench.report("binance-spot", "submit round trip on loopback p99", Bench.percentileMicros(submit, 99), "us");
            Bench.report("binance-spot", "cancel round trip on loopback (signed DELETE, state applied) p50", Bench.percentileMicros(cancel, 50), "us");
            Bench.report("binance-spot", "cancel round trip on loopback p99", Bench.percentileMicros(cancel, 99), "us");
        }
    }
}
