package org.concord.bus.redis;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox's file part: one line per message, {@code <stream key> TAB <envelope JSON> LF}, read from a moving
 * position. JSON from Jackson never holds a raw tab or newline, so the format needs no escaping. A file lock
 * keeps two buses with the same group and consumer from sharing one file. Not thread-safe: the
 * {@link Outbox} guards it.
 */
final class SpillFile implements Closeable {
    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private FileChannel ch;
    private long readPos;
    private long count;

    SpillFile(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        this.file = dir.resolve(name + ".outbox");
        this.lockChannel = FileChannel.open(dir.resolve(name + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock l;
        try {
            l = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            lockChannel.close();
            throw new IllegalStateException("outbox " + file + " is in use by another bus with the same group and consumer");
        }
        this.lock = l;
        this.ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.count = dropTornTail();
    }

    Path path() {
        return file;
    }

    /** Messages in the file not yet read back. */
    long count() {
        return count;
    }

    void append(Pending p) throws IOException {
        ByteBuffer b = StandardCharsets.UTF_8.encode(p.key() + '\t' + p.json() + '\n');
        long pos = ch.size();
        while (b.hasRemaining()) {
            pos += ch.write(b, pos);
        }
        count++;
    }

    /** Reads up to {@code max} messages from the read position and moves past them. */
    List<Pending> read(int max) throws IOException {
        List<Pending> out = new ArrayList<>(Math.min(max, 1024));
        ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
        long end = ch.size();
        while (out.size() < max && readPos < end) {
            buf.clear();
            int n = ch.read(buf, readPos);
            if (n <= 0) {
                break;
            }
            byte[] a = buf.array();
            int lineStart = 0;
            for (int i = 0; i < n && out.size() < max; i++) {
                if (a[i] == '\n') {
                    out.add(parse(new String(a, lineStart, i - lineStart, StandardCharsets.UTF_8)));
                    lineStart = i + 1;
                }
            }
            if (lineStart == 0) {
                if (n < buf.capacity()) {
                    break; // an incomplete last line: never written by append(), which writes whole lines
                }
                // one line longer than the buffer: grow and retry
                buf = ByteBuffer.allocate(buf.capacity() * 2);
                continue;
            }
            readPos += lineStart;
        }
        count -= out.size();
        return out;
    }

    /** Empties the file once everything in it was read back. */
    void reset() throws IOException {
        ch.truncate(0);
        readPos = 0;
        count = 0;
    }

    /**
     * Writes {@code head} followed by the unread rest of the file as the new file content (on close: the
     * messages still in memory are older than the ones in the file). Replaced atomically, then forced to disk.
     */
    void rewrite(List<Pending> head) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            StringBuilder sb = new StringBuilder();
            for (Pending p : head) {
                sb.append(p.key()).append('\t').append(p.json()).append('\n');
            }
            ByteBuffer b = StandardCharsets.UTF_8.encode(sb.toString());
            while (b.hasRemaining()) {
                out.write(b);
            }
            ch.transferTo(readPos, ch.size() - readPos, out);
            out.force(true);
        }
        ch.close();
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        readPos = 0;
        count += head.size();
    }

    @Override
    public void close() throws IOException {
        try {
            ch.force(true);
            ch.close();
            if (count == 0) {
                Files.deleteIfExists(file);
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private static Pending parse(String line) throws IOException {
        int tab = line.indexOf('\t');
        if (tab <= 0) {
            throw new IOException("corrupt outbox line (no stream key): " + Envelope.oneLine(line));
        }
        return new Pending(line.substring(0, tab), line.substring(tab + 1));
    }

    /** Counts the complete lines left by an earlier run; a torn last line (crash mid-write) is cut off. */
    private long dropTornTail() throws IOException {
        long size = ch.size();
        if (size == 0) {
            return 0;
        }
        long lines = 0;
        long lastNl = -1;
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long pos = 0;
        while (pos < size) {
            buf.clear();
            int n = ch.read(buf, pos);
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    lines++;
                    lastNl = pos + i;
                }
            }
            pos += n;
        }
        if (lastNl + 1 < size) {
            org.slf4j.LoggerFactory.getLogger(SpillFile.class).warn(
                    "outbox {}: dropping a torn last line of {} bytes (written when the process died)", file, size - lastNl - 1);
            ch.truncate(lastNl + 1);
        }
        return lines;
    }
}
