package org.harmony.dsar.breach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;

import org.harmony.dsar.fulfilment.FulfilmentProperties;
import org.harmony.dsar.mail.MailTemplates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends a breach's notices in batches. A sender claims a batch (its own short transaction), sends it over one SMTP
 * connection, and records each outcome (another short transaction), until nothing is left or its time box is over.
 * Any number of senders, on any number of engine nodes, share the work.
 *
 * <p>Delivery is at least once: a recipient is marked SENT only after the SMTP server accepted the notice. When the
 * server cannot be reached or fails mid-batch, what it accepted is recorded as SENT and the rest is released, so
 * an outage sends nobody a second notice. Only a crash of the node between the server's acceptance and the record
 * (at most one batch) sends those notices again once the lease has passed; they carry the same Message-ID, which
 * mail clients show once. A lost notice would break the law; a repeated one does not.
 */
@Service
public class BreachNotices {

    private static final Logger log = LoggerFactory.getLogger(BreachNotices.class);

    static final String NOTICE_TEMPLATE = "breach-notice";
    static final String CALIFORNIA_NOTICE_TEMPLATE = "breach-notice-california";
    static final String CALIFORNIA = "US-CA";

    /** What a sender should do next. */
    public enum SlotOutcome {
        /** Its time box ended with work possibly left: continue in a new job. */
        MORE,
        /** Nothing to claim, but other senders hold claims: look again after a while (their node may stop). */
        WAITING,
        /** Every recipient is sent or failed. */
        DONE
    }

    private final BreachRepository breaches;
    private final BreachRecipients recipients;
    private final BreachMail mail;
    private final MailTemplates templates;
    private final BreachProperties properties;
    private final FulfilmentProperties company;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    BreachNotices(BreachRepository breaches, BreachRecipients recipients, BreachMail mail, MailTemplates templates,
            BreachProperties properties, FulfilmentProperties company, PlatformTransactionManager transactions,
            Clock clock) {
        this.breaches = breaches;
        this.recipients = recipients;
        this.mail = mail;
        this.templates = templates;
        this.properties = properties;
        this.company = company;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Claims and sends batches until none is left or the time box is over.
     *
     * @param senderId names the sender in its claims (node and job), for operators
     * @throws MailSendException when the SMTP server is unreachable or fails; what was sent is recorded first
     */
    public SlotOutcome sendBatches(String breachId, String senderId) {
        Breach breach = breaches.get(breachId);
        Map<String, MailTemplates.Rendered> rendered = new HashMap<>();
        Instant started = clock.instant();
        Duration timeBox = properties.jobTimeBox();
        int batches = 0;
        while (Duration.between(started, clock.instant()).compareTo(timeBox) < 0) {
            Instant now = clock.instant();
            List<BreachRecipients.Recipient> batch = ownTransaction.execute(status -> recipients.claim(breachId,
                    senderId, properties.batchSize(), now, now.minus(properties.lease())));
            if (batch == null || batch.isEmpty()) {
                return recipients.claimedByOthers(breachId) ? SlotOutcome.WAITING : SlotOutcome.DONE;
            }
            send(breach, batch, rendered);
            batches++;
        }
        log.debug("Breach {}: sender {} handed over after {} batches", breach.reference(), senderId, batches);
        return SlotOutcome.MORE;
    }

    private void send(Breach breach, List<BreachRecipients.Recipient> batch,
            Map<String, MailTemplates.Rendered> rendered) {
        List<BreachRecipients.Delivery> accepted = new ArrayList<>(properties.recordEvery());
        int acceptedInBatch = 0;
        List<BreachRecipients.Delivery> refused = new ArrayList<>();
        List<Long> unsent = new ArrayList<>();
        MessagingException outage = null;
        Transport transport = null;
        try {
            transport = mail.connect();
        } catch (MessagingException e) {
            outage = e;
        }
        try {
            for (BreachRecipients.Recipient recipient : batch) {
                if (outage != null) {
                    unsent.add(recipient.id());
                    continue;
                }
                String key = "breach:" + breach.reference() + ":" + recipient.id();
                try {
                    BreachMail.send(transport, mail.compose(recipient.email(), key, notice(breach, recipient, rendered)));
                    accepted.add(new BreachRecipients.Delivery(recipient.id(), mail.messageId(key), null));
                    acceptedInBatch++;
                    if (accepted.size() >= properties.recordEvery()) {
                        Instant at = clock.instant();
                        List<BreachRecipients.Delivery> group = List.copyOf(accepted);
                        ownTransaction.executeWithoutResult(status -> recipients.sent(group, at));
                        accepted.clear();
                    }
                } catch (AddressException e) {
                    refused.add(new BreachRecipients.Delivery(recipient.id(), null, "invalid address"));
                } catch (SendFailedException e) {
                    if (refusedForGood(e)) {
                        refused.add(new BreachRecipients.Delivery(recipient.id(), null, e.getMessage()));
                    } else {
                        outage = e;
                        unsent.add(recipient.id());
                    }
                } catch (MessagingException e) {
                    outage = e;
                    unsent.add(recipient.id());
                }
            }
        } finally {
            close(transport, breach);
        }
        String error = outage == null ? null : "SMTP: " + outage.getMessage();
        Instant at = clock.instant();
        ownTransaction.executeWithoutResult(status -> {
            recipients.sent(accepted, at);
            recipients.failed(refused);
            recipients.release(unsent, error);
        });
        if (!refused.isEmpty()) {
            log.warn("Breach {}: the SMTP server refused {} address(es) for good; they are marked FAILED",
                    breach.reference(), refused.size());
        }
        if (outage != null) {
            String message = "Breach " + breach.reference() + ": SMTP failed after " + acceptedInBatch + " of "
                    + batch.size() + " notices in a batch; " + unsent.size() + " released for a retry";
            // A refused-recipient exception names the address: keep it out of the job's stack trace (Cockpit).
            throw outage instanceof SendFailedException
                    ? new MailSendException(message + " (" + outage.getClass().getSimpleName() + ")")
                    : new MailSendException(message, outage);
        }
    }

    /** The server refused the recipient's address (5xx to RCPT TO): another try would get the same answer. */
    private static boolean refusedForGood(SendFailedException e) {
        return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                && (e.getValidSentAddresses() == null || e.getValidSentAddresses().length == 0);
    }

    /** The notice's text, the same for every recipient of a template and language: rendered once per sender. */
    private MailTemplates.Rendered notice(Breach breach, BreachRecipients.Recipient recipient,
            Map<String, MailTemplates.Rendered> rendered) {
        String template = CALIFORNIA.equals(recipient.region()) ? CALIFORNIA_NOTICE_TEMPLATE : NOTICE_TEMPLATE;
        Locale locale = recipient.language() == null ? Locale.ENGLISH : Locale.forLanguageTag(recipient.language());
        return rendered.computeIfAbsent(template + "/" + locale.getLanguage(),
                key -> templates.render(template, locale, model(breach, locale)));
    }

    Map<String, Object> model(Breach breach, Locale locale) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .withZone(ZoneOffset.UTC);
        Map<String, Object> model = new HashMap<>();
        model.put("reference", breach.reference());
        model.put("companyName", company.companyName());
        model.put("description", breach.description());
        model.put("detectedDate", date.format(breach.detectedAt()));
        model.put("occurredDate", breach.occurredAt() == null ? null : date.format(breach.occurredAt()));
        model.put("categories", breach.affectedCategories());
        model.put("consequences", breach.consequences());
        model.put("measures", breach.measures());
        model.put("subjectActions", breach.subjectActions());
        model.put("contact", breach.contact());
        return model;
    }

    private static void close(Transport transport, Breach breach) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("Breach {}: closing the SMTP connection failed; the outcomes are recorded already",
                    breach.reference(), e);
        }
    }
}
