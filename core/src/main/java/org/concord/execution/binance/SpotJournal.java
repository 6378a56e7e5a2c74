package org.concord.execution.binance;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.concord.execution.Fill;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The adapter's write-ahead journal, one JSON object per line in {@code <state-dir>/journal.jsonl}: an order's
 * request is written and forced to disk BEFORE it is sent (so after a crash the adapter knows the order may exist
 * and queries it instead of sending it again), then each state change and each fill (keyed by the exchange's trade
 * id). A restarted adapter replays it, then reconciles with the exchange. It holds no credentials. A torn last line
 * (a crash mid-write) is skipped with a warning.
 */
final class SpotJournal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpotJournal.class);
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    enum Type { SUBMIT, STATE, FILL, SEQ }

    /** One line. SUBMIT: request, parent, sibling, sentAt. STATE: orderId, state, reason, unknown. FILL: fill, baseCommission. */
    record Entry(Type type, String clientOrderId, OrderRequest request, String parent, String sibling, Long sentAt,
                 Long orderId, OrderState state, String reason, Boolean unknown, Fill fill, Double baseCommission) {
        static Entry submit(SpotOrder o) {
            return new Entry(Type.SUBMIT, o.clientOrderId(), o.request, o.parentClientId, o.ocoSiblingId, o.sentAt, null, null, null, null, null, null);
        }

        static Entry state(SpotOrder o) {
            return new Entry(Type.STATE, o.clientOrderId(), null, null, null, o.sentAt, o.orderId, o.state, o.reason, o.outcomeUnknown, null, null);
        }

        /** A client order id handed out ({@code orderId} holds its sequence number), so it is never handed out again. */
        static Entry seq(String clientOrderId, long n) {
            return new Entry(Type.SEQ, clientOrderId, null, null, null, null, n, null, null, null, null, null);
        }

        static Entry fill(Fill f, double baseCommission) {
            return new Entry(Type.FILL, f.clientOrderId(), null, null, null, null, null, null, null, null, f, baseCommission);
        }
    }

    private final Path file;
    private final FileChannel channel;

    SpotJournal(Path dir) {
        try {
            Files.createDirectories(dir);
            this.file = dir.resolve("journal.jsonl");
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the order journal in " + dir, e);
        }
    }

    Path file() {
        return file;
    }

    void replay(Consumer<Entry> out) {
        int n = 0;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                Entry e;
                try {
                    e = MAPPER.readValue(line, Entry.class);
                } catch (IOException | RuntimeException ex) {
                    LOG.warn("order journal {} line {} unreadable ({}): skipped", file, n, ex.getMessage());
                    continue;
                }
                out.accept(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the order journal " + file, e);
        }
    }

    /** Appends one entry; {@code durable} forces it to disk before returning (an order about to be sent). */
    void append(Entry e, boolean durable) {
        try {
            byte[] line = (MAPPER.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.wrap(line);
            while (b.hasRemaining()) {
                channel.write(b);
            }
            if (durable) {
                channel.force(false);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the order journal " + file, ex);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing the order journal {}: {}", file, e.toString());
        }
    }
}
