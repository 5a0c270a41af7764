package org.harmony.dsar.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Optional;

import org.harmony.dsar.request.RequestEvents;
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
public class SentMails {

    private final JdbcClient jdbc;
    private final RequestEvents events;
    private final Clock clock;

    SentMails(JdbcClient jdbc, RequestEvents events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The request one of these Message-IDs (with angle brackets) was sent for, if the engine sent any of them. */
    public Optional<String> requestSentAs(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT request_id FROM sent_mail WHERE message_id IN (:ids) ORDER BY sent_at DESC")
                .param("ids", messageIds).query(String.class).list().stream().findFirst();
    }

    boolean contains(String idempotencyKey) {
        return jdbc.sql("SELECT COUNT(*) FROM sent_mail WHERE idempotency_key = :key")
                .param("key", idempotencyKey).query(Integer.class).single() > 0;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(OutgoingMail mail, String messageId) {
        jdbc.sql("""
                INSERT INTO sent_mail (idempotency_key, request_id, template, sent_at, message_id)
                VALUES (:key, :requestId, :template, :at, :messageId)
                """)
                .param("messageId", messageId)
                .param("key", mail.idempotencyKey())
                .param("requestId", mail.requestId())
                .param("template", mail.template())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        events.record(mail.requestId(), "MAIL_SENT", mail.template());
    }
}
