package org.concord.execution.binance;

import org.concord.secrets.ApiCredentials;
import org.concord.secrets.Secret;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Binance's request signature: HMAC-SHA256, keyed with the API secret, over {@code totalParams} (the query string
 * concatenated with the request body, exactly as sent), as lower-case hex. The secret's bytes live only inside
 * the {@link Mac}; the signer holds the API key for the {@code X-MBX-APIKEY} header. Not thread-safe (one
 * {@link Mac}); the adapter signs on one thread.
 */
public final class BinanceSigner {
    public static final String API_KEY_HEADER = "X-MBX-APIKEY";

    private final Secret apiKey;
    private final Mac mac;

    public BinanceSigner(ApiCredentials credentials) {
        if (credentials == null) {
            throw new IllegalArgumentException("credentials are required");
        }
        this.apiKey = credentials.apiKey();
        byte[] secret = credentials.apiSecret().utf8();
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Hex HMAC-SHA256 of {@code totalParams}. */
    public synchronized String sign(String totalParams) {
        if (totalParams == null) {
            throw new IllegalArgumentException("nothing to sign");
        }
        return HexFormat.of().formatHex(mac.doFinal(totalParams.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@link #sign} for callers on several threads (the decision thread and the stream's keep-alive timer). */
    synchronized String signSynchronized(String totalParams) {
        return sign(totalParams);
    }

    /** The API key for the {@value #API_KEY_HEADER} header (never log it). */
    String apiKeyHeader() {
        return apiKey.reveal();
    }

    /** The key as the UI shows it. */
    public String maskedApiKey() {
        return apiKey.masked();
    }

    @Override
    public String toString() {
        return "BinanceSigner[key=" + apiKey.masked() + "]";
    }
}
