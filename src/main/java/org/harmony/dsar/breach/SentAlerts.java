package org.harmony.dsar.breach;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The DPO members alerted about a breach. An alert is recorded in a transaction of its own as soon as the SMTP server
 * accepted it, so that a retried job does not alert the same member again.
 */
@Repository
class SentAlerts {

    private final JdbcClient jdbc;
    private final Clock clock;

    SentAlerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    boolean contains(String breachId, DpoAlerts.Alert alert, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM breach_alert WHERE breach_id = :breachId AND alert = :alert AND user_id = :user")
                .param("breachId", breachId).param("alert", alert.name()).param("user", userId)
                .query(Long.class).single() > 0;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String breachId, DpoAlerts.Alert alert, String userId) {
        jdbc.sql("""
                INSERT INTO breach_alert (breach_id, alert, user_id, sent_at) VALUES (:breachId, :alert, :user, :at)
                """).param("breachId", breachId).param("alert", alert.name()).param("user", userId)
                .param("at", Timestamp.from(clock.instant())).update();
    }
}
