package org.harmony.dsar.mail;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.harmony.dsar.intake.RequestEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a templated mail once per idempotency key. Runs inside the calling job's transaction: when SMTP fails
 * the exception propagates, the transaction rolls back, and the job retries on its configured cycle until it
 * becomes an incident. A mail whose key is already recorded is not sent again.
 */
@Service
public class MailService {

    private static final Logger log = LoggerFactory.getLogger(MailService.class);

    private final JavaMailSender sender;
    private final MailTemplates templates;
    private final MailProperties properties;
    private final JdbcClient jdbc;
    private final RequestEvents events;
    private final Clock clock;

    MailService(JavaMailSender sender, MailTemplates templates, MailProperties properties, JdbcClient jdbc,
            RequestEvents events, Clock clock) {
        this.sender = sender;
        this.templates = templates;
        this.properties = properties;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Sends the mail unless its key was sent before; returns whether it was sent now. */
    @Transactional
    public boolean send(OutgoingMail mail) {
        if (alreadySent(mail.idempotencyKey())) {
            log.info("Mail {} for request {} was sent before; not sending again", mail.template(), mail.requestId());
            return false;
        }
        MailTemplates.Rendered rendered = templates.render(mail.template(), mail.locale(), mail.model());
        sender.send(message(mail, rendered));
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
        log.info("Mail {} sent for request {}", mail.template(), mail.requestId());
        return true;
    }

    private boolean alreadySent(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM sent_mail WHERE idempotency_key = :key")
                .param("key", key).query(Integer.class).single() > 0;
    }

    private MimeMessage message(OutgoingMail mail, MailTemplates.Rendered rendered) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.to());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            message.setHeader("X-DSAR-Mail-Key", mail.idempotencyKey());
            return message;
        } catch (MessagingException e) {
            throw new MailSendException("Mail " + mail.template() + " could not be composed", e);
        }
    }
}
