package org.concord.app.cli;

import org.concord.config.DataDirectory;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Options every subcommand shares (a picocli mixin). */
public final class CommonOptions {
    @Option(names = "--data-dir", description = "data directory (default: $CONCORD_DATA_DIR or ~/.concord)")
    Path dataDir;

    @Option(names = "--config", description = "configuration file (YAML); default: <data-dir>/concord.yaml")
    Path config;

    @Option(names = "--from", description = "start time: ISO instant (2013-11-26T00:00:00Z) or date (2013-11-26)")
    String from;

    @Option(names = "--to", description = "end time: ISO instant or date (inclusive day)")
    String to;

    public Path dataDir() {
        return dataDir != null ? DataDirectory.ensure(dataDir) : DataDirectory.resolve();
    }

    public long fromMillis(long dflt) {
        return from == null ? dflt : parse(from, false);
    }

    public long toMillis(long dflt) {
        return to == null ? dflt : parse(to, true);
    }

    /** Parses an instant or a date; a date as the end of a range means the whole day. */
    static long parse(String s, boolean endOfDay) {
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException e) {
            try {
                LocalDate d = LocalDate.parse(s);
                long start = d.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
                return endOfDay ? start + 86_400_000L - 1 : start;
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("not an ISO instant or date: '" + s + "'");
            }
        }
    }
}
