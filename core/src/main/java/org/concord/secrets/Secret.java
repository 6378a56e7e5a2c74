package org.concord.secrets;

import com.fasterxml.jackson.annotation.JsonIgnoreType;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A secret value (an API key, an API secret, a passphrase) held as a {@code char[]} so it can be wiped. Its
 * {@link #toString()} never shows the value, Jackson never serializes it ({@link JsonIgnoreType}: a property of this
 * type is left out of any JSON), and {@link #masked()} is the only display form (for the UI's "abcd…wxyz").
 *
 * <p>Not thread-safe with respect to {@link #wipe()}: wipe only what no other thread still reads.
 */
@JsonIgnoreType
public final class Secret implements AutoCloseable {
    private final char[] value;
    private boolean wiped;

    private Secret(char[] value) {
        this.value = value;
    }

    /** A secret holding a copy of {@code chars} (the caller may wipe its array afterwards). */
    public static Secret of(char[] chars) {
        if (chars == null || chars.length == 0) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(chars.clone());
    }

    /** A secret from a string (the string itself cannot be wiped: prefer {@link #of(char[])} where possible). */
    public static Secret of(String s) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException("a secret must not be empty");
        }
        return new Secret(s.toCharArray());
    }

    /** A copy of the characters; the caller wipes it ({@code Arrays.fill(c, '\0')}) when done. */
    public char[] chars() {
        check();
        return value.clone();
    }

    /** The UTF-8 bytes; the caller wipes them when done. */
    public byte[] utf8() {
        check();
        ByteBuffer b = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] out = new byte[b.remaining()];
        b.get(out);
        if (b.hasArray()) {
            Arrays.fill(b.array(), (byte) 0);
        }
        return out;
    }

    /**
     * The value as a String, for APIs that take nothing else (an HTTP header). Strings cannot be wiped: use only
     * where unavoidable and never log the result.
     */
    public String reveal() {
        check();
        return new String(value);
    }

    public int length() {
        return value.length;
    }

    /** "abcd…wxyz" for values of 16 characters or more (an API key), else "****". */
    public String masked() {
        if (wiped) {
            return "(wiped)";
        }
        if (value.length < 16) {
            return "****";
        }
        return new String(value, 0, 4) + "…" + new String(value, value.length - 4, 4);
    }

    /** Constant-time comparison of the values. */
    public boolean sameValue(Secret other) {
        if (other == null) {
            return false;
        }
        check();
        other.check();
        int diff = value.length ^ other.value.length;
        for (int i = 0; i < Math.min(value.length, other.value.length); i++) {
            diff |= value[i] ^ other.value[i];
        }
        return diff == 0;
    }

    /** Overwrites the characters; the secret is unusable afterwards. */
    public void wipe() {
        Arrays.fill(value, '\0');
        wiped = true;
    }

    public boolean isWiped() {
        return wiped;
    }

    @Override
    public void close() {
        wipe();
    }

    private void check() {
        if (wiped) {
            throw new IllegalStateException("secret was wiped");
        }
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
