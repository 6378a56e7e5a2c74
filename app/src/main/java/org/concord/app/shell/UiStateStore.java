package org.concord.app.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@link UiState} as JSON. A write goes to a temporary file in the same directory that is then
 * moved over the old one (atomic), so a crash mid-write leaves the previous state. A file that cannot be read
 * (broken JSON, unknown version) is reported in one log line and the defaults are used; it is not overwritten
 * until the next save.
 */
public final class UiStateStore {
    public static final String FILE = "ui-state.json";
    private static final Logger LOG = LoggerFactory.getLogger(UiStateStore.class);
    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public UiStateStore(Path dataDir) {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataDir is required");
        }
        this.file = dataDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    public UiState load() {
        if (!Files.exists(file)) {
            return UiState.DEFAULT;
        }
        try {
            UiState s = json.readValue(file.toFile(), UiState.class);
            if (s.schema() != UiState.SCHEMA) {
                LOG.warn("{}: schema {} is not {}; using the defaults", file, s.schema(), UiState.SCHEMA);
                return UiState.DEFAULT;
            }
            return s;
        } catch (IOException e) {
            LOG.warn("{} could not be read ({}); using the defaults", file, e.getMessage());
            return UiState.DEFAULT;
        }
    }

    public void save(UiState s) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".ui-state", ".tmp");
        try {
            json.writeValue(tmp.toFile(), s);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
