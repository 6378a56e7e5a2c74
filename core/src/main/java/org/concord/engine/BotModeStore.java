package org.concord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bot switch, persisted in the data directory ({@value #FILE_NAME}): {@code {"schema":1,"mode":"PAPER"}}.
 * A missing file is OFF (a new data directory: the orchestrator does not trade until the person turns it on).
 * A file that does not parse is reported in one line, kept aside as {@code .broken}, and the bot starts OFF.
 * Each change is written at once (a temporary file moved over the old one).
 */
public final class BotModeStore {
    private static final Logger LOG = LoggerFactory.getLogger(BotModeStore.class);
    public static final String FILE_NAME = "bot-mode.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private BotModeStore(Path file) {
        this.file = file;
    }

    public static BotModeStore inDataDir(Path dataDir) {
        if (dataDir == null) {
            throw new IllegalArgumentException("data directory is required");
        }
        return new BotModeStore(dataDir.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The saved mode; OFF when there is none or the file is broken (then moved aside). */
    public BotMode load() {
        if (!Files.exists(file)) {
            return BotMode.OFF;
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || root.path("schema").asInt() != 1 || !root.path("mode").isTextual()) {
                throw new IOException("not a schema-1 bot mode file");
            }
            return BotMode.parse(root.get("mode").asText());
        } catch (IOException | IllegalArgumentException e) {
            Path aside = file.resolveSibling(FILE_NAME + ".broken");
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable");
            LOG.warn("{} is unreadable ({}); moved to {}, the bot starts OFF", file, why, aside.getFileName());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("could not move {} aside: {}", file, moveFailed.getMessage());
            }
            return BotMode.OFF;
        }
    }

    /**
     * The mode a desk starts its bot in: the saved one, but never LIVE. Real money is not traded on a restart unasked:
     * LIVE needs the venue connected and a confirmation again, so a saved LIVE starts (and is saved) OFF.
     */
    public BotMode startMode() {
        BotMode saved = load();
        if (saved != BotMode.LIVE) {
            return saved;
        }
        LOG.warn("the bot was LIVE when the desk closed; it starts OFF (connect the venue and switch it to Live again)");
        save(BotMode.OFF);
        return BotMode.OFF;
    }

    /** Writes {@code mode} before returning. */
    public void save(BotMode mode) {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", 1);
        root.put("mode", mode.name());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file + ": " + e.getMessage(), e);
        }
    }
}
