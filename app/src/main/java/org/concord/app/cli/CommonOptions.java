package org.concord.app.cli;

import org.concord.config.ConcordConfig;
import org.concord.store.DataDirectory;
import org.concord.orchestrator.config.ConfigException;
import org.concord.orchestrator.module.ModuleCatalog;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Options every subcommand shares (a picocli mixin). */
public final class CommonOptions {
    @Option(names = "--data-dir", description = "data directory (default: $CONCORD_DATA_DIR or ~/.concord)")
    Path dataDir;

    @Option(names = "--config", description = "configuration file (YAML); default: <data-dir>/concord.yaml. Read and validated at start: "
            + "an unknown key or a bad value stops the command (exit 2) naming the file, the line and the key")
    Path config;

    @Option(names = "--from", description = "start time: ISO instant (2013-11-26T00:00:00Z) or date (2013-11-26)")
    String from;

    @Option(names = "--to", description = "end time: ISO instant or date (inclusive day)")
    String to;

    public Path dataDir() {
        return dataDir != null ? DataDirectory.ensure(dataDir) : DataDirectory.resolve();
    }

    /** The configuration file: {@code --config}, else {@code <dataDir>/concord.yaml}. */
    public Path configFile(Path dataDir) {
        return config != null ? config : dataDir.resolve(ConcordConfig.FILE);
    }

    /**
     * Reads and validates the configuration file before the command does anything: {@code --config} (which must exist),
     * else {@code <dataDir>/concord.yaml} when there is one (empty: none).
     */
    public Optional<ConcordConfig> validatedConfig(Path dataDir) {
        Path f = configFile(dataDir);
        if (config == null && !Files.exists(f)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(f)) {
            throw new ConfigException("--config " + f + ": no such file");
        }
        return Optional.of(ConcordConfig.load(f, ModuleCatalog.fromClasspath()));
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
