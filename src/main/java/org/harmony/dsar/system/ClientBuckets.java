package org.harmony.dsar.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.harmony.dsar.kernel.ClusterLock;
import org.harmony.dsar.kernel.KeyedHash;
import org.harmony.dsar.kernel.web.ApiProperties;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The token bucket of each client address ({@code dsar.api.rate-limit}): in PostgreSQL, so that every node counts
 * against one limit ({@link Shared}), or in this node's memory ({@link Local}: H2, a single node).
 */
interface ClientBuckets {

    /** Takes one token from the client's bucket; whether it was there and, if not, how long until it is. */
    ConsumptionProbe tryConsume(String clientAddress);

    /** As {@code dsar.api.rate-limit.store} says; {@code auto}: shared on PostgreSQL, local otherwise. */
    static ClientBuckets of(ApiProperties.RateLimit limit, DataSource dataSource, KeyedHash hash, ClusterLock lock) {
        boolean shared = switch (limit.store()) {
            case LOCAL -> false;
            case POSTGRESQL -> true;
            case AUTO -> isPostgreSql(dataSource);
        };
        return shared ? new Shared(limit, dataSource, hash, lock) : new Local(limit);
    }

    private static boolean isPostgreSql(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be asked what it is", e);
        }
    }

    private static Bandwidth bandwidth(ApiProperties.RateLimit limit) {
        return Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build();
    }

    /** This node's buckets, the least recently used forgotten beyond {@code clients}. */
    final class Local implements ClientBuckets {
        private final Bandwidth bandwidth;
        private final Map<String, Bucket> buckets;

        Local(ApiProperties.RateLimit limit) {
            this.bandwidth = bandwidth(limit);
            int clients = limit.clients();
            this.buckets = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > clients;
                }
            });
        }

        @Override
        public ConsumptionProbe tryConsume(String clientAddress) {
            return buckets.computeIfAbsent(clientAddress, address -> Bucket.builder().addLimit(bandwidth).build())
                    .tryConsumeAndReturnRemaining(1);
        }
    }

    /**
     * Buckets in {@code rate_limit_bucket} (Bucket4j's PostgreSQL back end), one row per client, keyed by a keyed hash
     * of its address; each call reads and writes its row in one transaction with {@code SELECT ... FOR UPDATE}, so two
     * nodes never both spend the last token. Rows of buckets that are full again are removed on one node at a time.
     */
    final class Shared implements ClientBuckets {
        static final String LOCK = "rate-limit-buckets";
        private static final int BATCH = 1000;

        private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
        private final BucketConfiguration configuration;
        private final KeyedHash hash;
        private final ClusterLock lock;

        Shared(ApiProperties.RateLimit limit, DataSource dataSource, KeyedHash hash, ClusterLock lock) {
            this.configuration = BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
            this.hash = hash;
            this.lock = lock;
            this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                    .primaryKeyMapper(PrimaryKeyMapper.STRING)
                    .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                    .expirationAfterWrite(ExpirationAfterWriteStrategy
                            .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                    .build();
        }

        @Override
        public ConsumptionProbe tryConsume(String clientAddress) {
            return buckets.getProxy(hash.hex(clientAddress), () -> configuration).tryConsumeAndReturnRemaining(1);
        }

        @Scheduled(fixedDelayString = "${dsar.api.rate-limit.cleanup-interval:PT10M}", initialDelayString = "PT1M")
        void removeExpired() {
            if (!lock.tryLock(LOCK, Duration.ofMinutes(10))) {
                return;
            }
            try {
                for (int removed = BATCH; removed >= BATCH; ) {
                    removed = buckets.removeExpired(BATCH);
                }
            } finally {
                lock.release(LOCK);
            }
        }
    }
}
