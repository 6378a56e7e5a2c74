package org.concord.coordination;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes results as JSON with Jackson. Non-finite numbers (a profit factor with no loss is +Infinity) are written
 * as the strings "Infinity", "-Infinity" and "NaN" (Jackson's default), so every file is valid JSON.
 */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private ResultsJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(Object result) {
        try {
            return MAPPER.writeValueAsString(result);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results as JSON", e);
        }
    }

    /** Writes {@code result} to {@code file} (parents created), replacing it atomically. */
    public static void write(Path file, Object result) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            MAPPER.writeValue(tmp.toFile(), result);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + file, e);
        }
    }
}
