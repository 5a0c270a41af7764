package org.harmony.dsar.kernel;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets a scheduled job run on one node of a cluster at a time: the node that takes the job's row in
 * {@code scheduled_lock} holds it until it releases it or the lease ends (a node that stopped mid-run). Each call is
 * its own statement outside any transaction, so a lost race is an answer, not a rolled-back transaction.
 */
@Component
public class ClusterLock {

    private final JdbcClient jdbc;
    private final Clock clock;
    /** This node: process id and host name, as the JVM names itself, and this application's instance. */
    private final String node;

    public ClusterLock(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.node = abbreviate(ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Takes the lock for the lease unless another node holds it; whether this node now holds it. */
    public boolean tryLock(String name, Duration lease) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(lease));
        int taken = jdbc.sql("""
                UPDATE scheduled_lock SET locked_until = :until, locked_at = :now, locked_by = :node
                WHERE name = :name AND locked_until <= :now
                """).param("until", until).param("now", Timestamp.from(now)).param("node", node)
                .param("name", name).update();
        if (taken == 1) {
            return true;
        }
        try {
            return jdbc.sql("""
                    INSERT INTO scheduled_lock (name, locked_until, locked_at, locked_by)
                    VALUES (:name, :until, :now, :node)
                    """).param("name", name).param("until", until).param("now", Timestamp.from(now))
                    .param("node", node).update() == 1;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    /** Ends this node's hold at once, so that the next run anywhere need not wait for the lease. */
    public void release(String name) {
        jdbc.sql("UPDATE scheduled_lock SET locked_until = :now WHERE name = :name AND locked_by = :node")
                .param("now", Timestamp.from(clock.instant())).param("name", name).param("node", node).update();
    }

    private static String abbreviate(String name) {
        return name.length() <= 100 ? name : name.substring(name.length() - 100);
    }
}
