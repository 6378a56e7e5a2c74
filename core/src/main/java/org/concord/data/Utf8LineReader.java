package org.concord.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 text line by line and, unlike a {@code BufferedReader} (whose decoder runs ahead of the lines it
 * returns), names the exact line of a byte sequence that is not UTF-8. Splitting on the byte {@code \n} is safe:
 * it never occurs inside a multi-byte UTF-8 character. A trailing {@code \r} is dropped.
 */
final class Utf8LineReader implements AutoCloseable {
    private final InputStream in;
    private final String source;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int lineNo;

    Utf8LineReader(InputStream in, String source) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.source = source;
    }

    /**
     * The next line, or null at the end.
     *
     * @throws IllegalArgumentException naming the source and the line when the line is not valid UTF-8
     */
    String readLine() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
            line.write(b);
        }
        if (b < 0 && line.size() == 0) {
            return null;
        }
        lineNo++;
        byte[] bytes = line.toByteArray();
        int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(source + " line " + lineNo + ": not UTF-8 text (" + e.getMessage()
                    + "); save the file as UTF-8; nothing imported", e);
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
