package org.harmony.dsar.mail;

import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.MeterRegistry;

import org.harmony.dsar.kernel.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a templated mail once per idempotency key. When SMTP fails the exception propagates, the calling job's
 * transaction rolls back, and the job retries on its configured cycle until it becomes an incident. Once the
 * server has accepted a mail, its key is recorded at once in a transaction of its own ({@link SentMails}), so a
 * retried job does not send it again. Only a crash in the milliseconds between the server's acceptance and that
 * record can repeat a mail; every mail carries its key in the {@code X-DSAR-Mail-Key} header for receivers to
 * spot such a repeat.
 */
@Service
public class MailService {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private static final Logger log = LoggerFactory.getLogger(MailService.class);

    static {
        // Jakarta Mail looks its StreamProvider up with a ServiceLoader scan of the whole class path for every
        // message and body part it creates, unless this property names it (6% of the benchmark's CPU samples).
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final JavaMailSender sender;
    private final MailTemplates templates;
    private final MailProperties properties;
    private final SentMails sentMails;
    private final MeterRegistry registry;
    private final PostalLetters letters;

    MailService(JavaMailSender sender, MailTemplates templates, MailProperties properties, SentMails sentMails,
            MeterRegistry registry, PostalLetters letters) {
        this.registry = registry;
        this.letters = letters;
        this.sender = sender;
        this.templates = templates;
        this.properties = properties;
        this.sentMails = sentMails;
    }

    /** Sends the mail unless its key was sent before; returns whether it was sent now. */
    @Transactional
    public boolean send(OutgoingMail mail) {
        if (sentMails.contains(mail.idempotencyKey())) {
            log.info("Mail {} for request {} was sent before; not sending again", mail.template(), mail.requestId());
            return false;
        }
        MailTemplates.Rendered rendered = templates.render(mail.template(), mail.locale(), mail.model());
        if (mail.to() == null) {
            // No email address (a request logged from a letter): the same text, printed and posted by staff.
            return letters.prepare(mail, rendered);
        }
        String messageId = deliver(mail, rendered);
        sentMails.record(mail, messageId);
        log.info("Mail {} sent for request {}", mail.template(), mail.requestId());
        return true;
    }

    /**
     * Sends a staff mail that belongs to no request (a breach's alert to the DPO) without recording it in
     * {@link SentMails}: the caller keeps the record that it was sent. Fails as {@link #send} does.
     */
    public void sendUnrecorded(OutgoingMail mail) {
        deliver(mail, templates.render(mail.template(), mail.locale(), mail.model()));
        log.info("Mail {} sent", mail.template());
    }

    /** Hands the mail to the SMTP server; returns its Message-ID. */
    private String deliver(OutgoingMail mail, MailTemplates.Rendered rendered) {
        String messageId = messageId(mail.idempotencyKey());
        try {
            sender.send(message(mail, rendered, messageId));
        } catch (MailException e) {
            registry.counter("dsar.mails.failed", "template", mail.template()).increment();
            throw e;
        }
        return messageId;
    }

    private String messageId(String idempotencyKey) {
        String domain = properties.from().substring(properties.from().indexOf('@') + 1);
        return "<" + Sha256.hex(idempotencyKey).substring(0, 40) + "@" + domain + ">";
    }

    private MimeMessage message(OutgoingMail mail, MailTemplates.Rendered rendered, String messageId) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.to());
            helper.setSubject(rendered.subject());
            helper.setText(rendered.text(), rendered.html());
            message.setHeader("X-DSAR-Mail-Key", mail.idempotencyKey());
            // Derived from the key: a repeated delivery has the same Message-ID, which mail clients show once.
            message.setHeader("Message-ID", messageId);
            return message;
        } catch (MessagingException e) {
            throw new MailSendException("Mail " + mail.template() + " could not be composed", e);
        }
    }
}
