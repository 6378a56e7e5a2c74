package org.concord.training.frames;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over the exact float input in canonical order, each float as 4 little-endian bytes; lower-case hex. */
public final class ContentHash {
    private ContentHash() {
    }

    public static String of(float[] input) {
        if (input == null) {
            throw new IllegalArgumentException("input is null");
        }
        ByteBuffer buf = ByteBuffer.allocate(input.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : input) {
            buf.putFloat(f);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
