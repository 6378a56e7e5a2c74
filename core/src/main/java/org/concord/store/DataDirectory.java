package org.concord.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Concord keeps its SQLite store, model files and the user's configuration. Resolution order: system
 * property {@code concord.data.dir} (tests set it), environment variable {@code CONCORD_DATA_DIR}, then
 * {@code ~/.concord}. A value given in the config file is passed in explicitly by the caller.
 */
public final class DataDirectory {
    public static final String PROPERTY = "concord.data.dir";
    public static final String ENV = "CONCORD_DATA_DIR";

    private DataDirectory() {
    }

    public static Path resolve() {
        String p = System.getProperty(PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(ENV);
        }
        Path dir = (p == null || p.isBlank()) ? Path.of(System.getProperty("user.home"), ".concord") : Path.of(p);
        return ensure(dir);
    }

    public static Path ensure(Path dir) {
        try {
            return Files.createDirectories(dir.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + dir, e);
        }
    }
}
