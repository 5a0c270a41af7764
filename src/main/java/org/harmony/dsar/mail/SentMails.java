package org.harmony.dsar.mail;

import java.sql.Timestamp;
import java.time.Clock;

import org.harmony.dsar.intake.RequestEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The record of mails handed to the SMTP server. A mail is recorded in a transaction of its own as soon as the
 * server accepted it, so that a later failure of the job that sent it (a lock conflict, a crash before the job
 * commits) does not make the retried job send it again.
 */
@Repository
class SentMails {

    private final JdbcClient jdbc;
    private final RequestEvents events;
    private final Clock clock;

    SentMails(JdbcClient jdbc, RequestEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    boolean contains(String idempotencyKey) {
        return jdbc.sql("SELECT COUNT(*) FROM sent_mail WHERE idempotency_key = :key")
                .param("key", idempotencyKey).query(Integer.class).single() > 0;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(OutgoingMail mail) {
        jdbc.sql("""
                INSERT INTO sent_mail (idempotency_key, request_id, template, sent_at)
                VALUES (:key, :requestId, :template, :at)
                """)
                .param("key", mail.idempotencyKey())
                .param("requestId", mail.requestId())
                .param("template", mail.template())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        events.record(mail.requestId(), "MAIL_SENT", mail.template());
    }
}
