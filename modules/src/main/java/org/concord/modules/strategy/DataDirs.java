package org.concord.modules.strategy;

import org.concord.store.DataDirectory;
import org.concord.data.DataProvider;

import java.nio.file.Path;

/** Where a module's files live: the data directory is the folder of the DataProvider's SQLite store. */
public final class DataDirs {
    private DataDirs() {
    }

    /** The data directory of {@code data}'s store, or {@link DataDirectory#resolve()} without a DataProvider. */
    public static Path of(DataProvider data) {
        if (data != null) {
            Path db = data.store().database().file();
            Path parent = db.toAbsolutePath().getParent();
            if (parent != null) {
                return parent;
            }
        }
        return DataDirectory.resolve();
    }

    /** {@code p} as given when absolute, else inside the data directory. */
    public static Path resolve(DataProvider data, String p) {
        Path path = Path.of(p);
        return path.isAbsolute() ? path : of(data).resolve(path);
    }
}
