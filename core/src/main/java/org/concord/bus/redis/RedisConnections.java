package org.concord.bus.redis;

import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

import java.util.concurrent.locks.LockSupport;

/** Opens the bus's Redis connections (one per thread: Jedis connections are not thread-safe) and paces retries. */
final class RedisConnections {
    private static final long FIRST_BACKOFF_MILLIS = 25;

    private final RedisBusConfig config;
    private final HostAndPort address;

    RedisConnections(RedisBusConfig config) {
        this.config = config;
        this.address = new HostAndPort(config.host(), config.port());
    }

    /**
     * A connected client named {@code concord-<role>-<consumer>} (visible in CLIENT LIST); throws when Redis is down.
     * With {@code boundedBlocking}, a blocking read (XREAD/XREADGROUP BLOCK) gives up when Redis has not answered
     * {@code socketTimeout} after its block time (a frozen server); pub/sub must not be bounded (it waits forever).
     */
    Jedis open(String role, boolean boundedBlocking) {
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(config.connectTimeoutMillis())
                .socketTimeoutMillis(config.socketTimeoutMillis())
                .database(config.database())
                .clientName("concord-" + role + "-" + config.consumer())
                .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
        if (boundedBlocking) {
            b.blockingSocketTimeoutMillis(config.blockMillis() + config.socketTimeoutMillis());
        }
        if (config.user() != null) {
            b.user(config.user());
        }
        if (config.password() != null) {
            b.password(config.password());
        }
        Jedis j = new Jedis(address, b.build());
        try {
            j.ping();
            return j;
        } catch (RuntimeException e) {
            closeQuietly(j);
            throw e instanceof JedisConnectionException ? e : new JedisConnectionException(e);
        }
    }

    /** Next backoff after a failure: doubling from 25 ms up to the configured maximum. */
    long nextBackoff(long previous) {
        return previous <= 0 ? FIRST_BACKOFF_MILLIS : Math.min(previous * 2, config.maxBackoffMillis());
    }

    static void sleep(long millis) {
        LockSupport.parkNanos(millis * 1_000_000L);
    }

    static void closeQuietly(Jedis j) {
        if (j != null) {
            try {
                j.close();
            } catch (RuntimeException ignored) {
                // the connection is being dropped anyway
            }
        }
    }
}
