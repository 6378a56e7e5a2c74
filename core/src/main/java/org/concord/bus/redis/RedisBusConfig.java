package org.concord.bus.redis;

import org.concord.store.DataDirectory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything a {@link RedisEventBus} needs, parsed from a URI:
 * {@code redis://[user:password@]host[:port][/db][?group=..&consumer=..&prefix=..&maxlen=..&start=latest|earliest
 * &outbox=<dir>|none&outboxCapacity=..&block=..&claimIdle=..]}.
 *
 * @param group              consumer group = the process role ("orchestrator", "desktop"): every instance of a role
 *                           shares the group's messages (competing consumers); give two processes different groups
 *                           when each must see every message
 * @param consumer           this instance inside the group; a restarted process with the same name resumes its pending
 *                           entries
 * @param keyPrefix          prefix of every Redis key this bus touches (streams, dead letters, channels)
 * @param streamMaxLen       {@code XADD MAXLEN ~} cap per durable topic stream
 * @param startFromEarliest  a group created by this bus starts at the beginning of the stream (else: only new messages)
 * @param outboxDir          where undelivered durable messages spill to (overflow, shutdown with Redis down); null: no
 *                           spill file, an overflow is reported as lost
 * @param outboxCapacity     durable messages held in memory before spilling to the file
 * @param blockMillis        XREADGROUP BLOCK time; also how soon a new subscription or close is noticed by the reader
 * @param claimIdleMillis    pending entries idle this long in another consumer of the group are claimed (XAUTOCLAIM)
 */
public record RedisBusConfig(String host, int port, int database, String user, String password, String group,
                             String consumer, String keyPrefix, long streamMaxLen, boolean startFromEarliest,
                             Path outboxDir, int outboxCapacity, int batchSize, int blockMillis, long claimIdleMillis,
                             int connectTimeoutMillis, int socketTimeoutMillis, long maxBackoffMillis,
                             long closeFlushMillis) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._:-]{0,64}");
    private static final Set<String> PARAMS = Set.of("group", "consumer", "prefix", "maxlen", "start", "outbox",
            "outboxCapacity", "batch", "block", "claimIdle", "connectTimeout", "socketTimeout", "maxBackoff", "closeFlush");

    public RedisBusConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("redis host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("redis port must be 1..65535, got " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("redis database must be >= 0, got " + database);
        }
        requireName("group", group);
        requireName("consumer", consumer);
        if (keyPrefix == null || !PREFIX.matcher(keyPrefix).matches()) {
            throw new IllegalArgumentException("key prefix must match " + PREFIX + ", got '" + keyPrefix + "'");
        }
        positive("maxlen", streamMaxLen);
        positive("outboxCapacity", outboxCapacity);
        positive("batch", batchSize);
        positive("block", blockMillis);
        positive("claimIdle", claimIdleMillis);
        positive("connectTimeout", connectTimeoutMillis);
        positive("socketTimeout", socketTimeoutMillis);
        positive("maxBackoff", maxBackoffMillis);
        if (closeFlushMillis < 0) {
            throw new IllegalArgumentException("closeFlush must be >= 0, got " + closeFlushMillis);
        }
    }

    /** The outbox directory's name inside the data directory. */
    public static final String OUTBOX_DIR = "bus-outbox";

    /** Defaults for a local Redis: group "concord", consumer "<host>-<pid>", outbox in the data directory. */
    public static RedisBusConfig local(int port) {
        return defaults(port, DataDirectory.resolve().resolve(OUTBOX_DIR));
    }

    private static RedisBusConfig defaults(int port, Path outboxDir) {
        return new RedisBusConfig("127.0.0.1", port, 0, null, null, "concord", defaultConsumer(), "concord:", 100_000,
                false, outboxDir, 100_000, 256, 200, 30_000, 1_000, 5_000, 1_000, 2_000);
    }

    /** Parses {@code redis://...} with the environment's data directory ({@link DataDirectory#resolve()}) for the outbox. */
    public static RedisBusConfig fromUri(String uri) {
        return fromUri(uri, null);
    }

    /**
     * Parses {@code redis://...} (see the class comment). Unknown query parameters are rejected. The outbox directory
     * is {@code <dataDir>/bus-outbox} by default; a relative {@code outbox=} path is resolved inside {@code dataDir}
     * (null: the environment's data directory), so two processes with different data directories never share a
     * spill file.
     */
    public static RedisBusConfig fromUri(String uri, Path dataDir) {
        if (uri == null) {
            throw new IllegalArgumentException("bus URI is required");
        }
        URI u;
        try {
            u = URI.create(uri.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad bus URI '" + uri + "': " + e.getMessage(), e);
        }
        if (!"redis".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException("expected redis://host[:port][/db][?params], got '" + uri + "'");
        }
        int db = 0;
        String path = u.getPath();
        if (path != null && path.length() > 1) {
            try {
                db = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("redis database must be a number in '" + uri + "'", e);
            }
        }
        String user = null;
        String password = null;
        if (u.getRawUserInfo() != null) {
            String[] ui = u.getRawUserInfo().split(":", 2);
            user = ui[0].isEmpty() ? null : decode(ui[0]);
            password = ui.length == 2 ? decode(ui[1]) : null;
        }
        Map<String, String> q = query(u.getRawQuery(), uri);
        String outbox = q.get("outbox");
        Path outboxDir = "none".equals(outbox) ? null
                : (dataDir != null ? dataDir : DataDirectory.resolve()).resolve(outbox == null ? OUTBOX_DIR : outbox);
        RedisBusConfig d = defaults(u.getPort() < 0 ? 6379 : u.getPort(), outboxDir);
        String start = q.getOrDefault("start", "latest").toLowerCase(Locale.ROOT);
        if (!start.equals("latest") && !start.equals("earliest")) {
            throw new IllegalArgumentException("start must be latest or earliest, got '" + start + "'");
        }
        return new RedisBusConfig(u.getHost(), d.port(), db, user, password, q.getOrDefault("group", d.group()),
                q.getOrDefault("consumer", d.consumer()), q.getOrDefault("prefix", d.keyPrefix()),
                num(q, "maxlen", d.streamMaxLen()), start.equals("earliest"), outboxDir,
                (int) num(q, "outboxCapacity", d.outboxCapacity()), (int) num(q, "batch", d.batchSize()),
                (int) num(q, "block", d.blockMillis()), num(q, "claimIdle", d.claimIdleMillis()),
                (int) num(q, "connectTimeout", d.connectTimeoutMillis()),
                (int) num(q, "socketTimeout", d.socketTimeoutMillis()), num(q, "maxBackoff", d.maxBackoffMillis()),
                num(q, "closeFlush", d.closeFlushMillis()));
    }

    public RedisBusConfig withIdentity(String group, String consumer) {
        return new RedisBusConfig(host, port, database, user, password, group, consumer, keyPrefix, streamMaxLen,
                startFromEarliest, outboxDir, outboxCapacity, batchSize, blockMillis, claimIdleMillis,
                connectTimeoutMillis, socketTimeoutMillis, maxBackoffMillis, closeFlushMillis);
    }

    public RedisBusConfig withOutbox(Path dir, int capacity) {
        return new RedisBusConfig(host, port, database, user, password, group, consumer, keyPrefix, streamMaxLen,
                startFromEarliest, dir, capacity, batchSize, blockMillis, claimIdleMillis, connectTimeoutMillis,
                socketTimeoutMillis, maxBackoffMillis, closeFlushMillis);
    }

    public RedisBusConfig withClaimIdleMillis(long millis) {
        return new RedisBusConfig(host, port, database, user, password, group, consumer, keyPrefix, streamMaxLen,
                startFromEarliest, outboxDir, outboxCapacity, batchSize, blockMillis, millis, connectTimeoutMillis,
                socketTimeoutMillis, maxBackoffMillis, closeFlushMillis);
    }

    public RedisBusConfig withStartFromEarliest(boolean earliest) {
        return new RedisBusConfig(host, port, database, user, password, group, consumer, keyPrefix, streamMaxLen,
                earliest, outboxDir, outboxCapacity, batchSize, blockMillis, claimIdleMillis, connectTimeoutMillis,
                socketTimeoutMillis, maxBackoffMillis, closeFlushMillis);
    }

    /** Stream key of a durable topic. */
    public String streamKey(String topic) {
        return keyPrefix + "s:" + topic;
    }

    /** Dead-letter stream of a durable topic's stream. */
    public String deadLetterKey(String topic) {
        return streamKey(topic) + ":dead";
    }

    /** Pub/sub channel of a transient topic. */
    public String channel(String topic) {
        return keyPrefix + "c:" + topic;
    }

    public String channelPattern() {
        return keyPrefix + "c:*";
    }

    @Override
    public String toString() {
        // never print the password
        return "redis://" + host + ":" + port + "/" + database + " group=" + group + " consumer=" + consumer
                + " prefix=" + keyPrefix;
    }

    static String defaultConsumer() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "host";
        }
        String name = (host + "-" + ProcessHandle.current().pid()).replaceAll("[^A-Za-z0-9._-]", "_");
        return name.length() > 64 ? name.substring(name.length() - 64) : name;
    }

    private static void requireName(String what, String v) {
        if (v == null || !NAME.matcher(v).matches()) {
            throw new IllegalArgumentException(what + " must match " + NAME + ", got '" + v + "'");
        }
    }

    private static void positive(String what, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(what + " must be > 0, got " + v);
        }
    }

    private static Map<String, String> query(String raw, String uri) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return q;
        }
        for (String kv : raw.split("&")) {
            if (kv.isEmpty()) {
                continue;
            }
            String[] p = kv.split("=", 2);
            String k = decode(p[0]);
            if (!PARAMS.contains(k)) {
                throw new IllegalArgumentException("unknown bus URI parameter '" + k + "' in '" + uri + "'; known: " + PARAMS);
            }
            q.put(k, p.length == 2 ? decode(p[1]) : "");
        }
        return q;
    }

    private static long num(Map<String, String> q, String key, long dflt) {
        String v = q.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, got '" + v + "'", e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
