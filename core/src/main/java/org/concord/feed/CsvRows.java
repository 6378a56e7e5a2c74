package org.concord.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The data rows of a bundled CSV file, one at a time: blank lines and a header line (a first line that does not start
 * with a digit) are skipped; each row keeps its 1-based line number for the rejection reports. A read error is an
 * {@link UncheckedIOException} naming the source.
 */
final class CsvRows implements AutoCloseable {
    private final String source;
    private final BufferedReader reader;
    private long lineNo;
    private String line;
    private String[] fields;

    CsvRows(String source, InputStream in) {
        this.source = source;
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /** Moves to the next data row; false at the end of the file. */
    boolean next() {
        try {
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (!line.isBlank() && !(lineNo == 1 && !Character.isDigit(line.trim().charAt(0)))) {
                    fields = line.split(",");
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    /** Where the row is, as the rejection reports name it ("line 12"). */
    String where() {
        return "line " + lineNo;
    }

    String line() {
        return line;
    }

    String[] fields() {
        return fields;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + source, e);
        }
    }
}
