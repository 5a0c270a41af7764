package org.harmony.dsar.breach;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.harmony.dsar.breach.process.BreachVariables;
import org.harmony.dsar.kernel.web.ApiProblem;
import org.harmony.dsar.mail.MailTemplates;
import org.harmony.dsar.request.Jurisdiction;
import org.harmony.dsar.request.RequesterProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal data breaches: recording one and starting its process in one transaction, finding the people it
 * affects, its progress, the notice to the authority, and alerts to the DPO.
 */
@Service
public class BreachService {

    private static final Logger log = LoggerFactory.getLogger(BreachService.class);
    /** Crockford's base32 without I, L, O, U, as request references. */
    private static final char[] REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    static final String DPO_GROUP = "dpo";
    static final String EXPLICIT_SOURCE = "explicit";

    /** Why the DPO is alerted. */
    public enum Alert { NOTICES_LATE, AUTHORITY_NOTICE_OVERDUE }

    private final BreachRepository breaches;
    private final BreachRecipients recipients;
    private final AffectedPeople affectedPeople;
    private final BreachDeadlines deadlines;
    private final BreachProperties properties;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final BreachMail mail;
    private final MailTemplates templates;
    private final RequesterProperties links;
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BreachService(BreachRepository breaches, BreachRecipients recipients, AffectedPeople affectedPeople,
            BreachDeadlines deadlines, BreachProperties properties, RuntimeService runtime, IdentityService identity,
            BreachMail mail, MailTemplates templates, RequesterProperties links, JdbcClient jdbc,
            PlatformTransactionManager transactions, Clock clock) {
        this.breaches = breaches;
        this.recipients = recipients;
        this.affectedPeople = affectedPeople;
        this.deadlines = deadlines;
        this.properties = properties;
        this.runtime = runtime;
        this.identity = identity;
        this.mail = mail;
        this.templates = templates;
        this.links = links;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** What a breach's notices have reached so far: counts only. */
    public record Progress(long recipients, long sent, long failed, long pending) {
    }

    /**
     * Records the breach, adds the people named explicitly, and starts its process, all or nothing.
     *
     * @throws ApiProblem 422 when the breach cannot be notified as described
     */
    @Transactional
    public Breach record(NewBreach body, String userId) {
        Breach breach = recordFacts(body, userId);
        runtime.startProcessInstanceByKey(BreachVariables.PROCESS_KEY, breach.reference(), processVariables(breach));
        return breach;
    }

    /**
     * Records a breach whose process the DPO started from Tasklist's start form: the process is running already and
     * takes the returned breach's {@link #processVariables}.
     *
     * @throws ApiProblem 422 when the breach cannot be notified as described
     */
    @Transactional
    public Breach recordFacts(NewBreach body, String userId) {
        Instant now = clock.instant();
        if (body.detectedAt().isAfter(now.plusSeconds(60))) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "detected-in-future", "Detection in the future",
                    "detectedAt lies in the future.");
        }
        if (body.occurredAt() != null && body.occurredAt().isAfter(body.detectedAt())) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "occurred-after-detection",
                    "Occurred after detection", "occurredAt lies after detectedAt.");
        }
        AffectedPeople.Scope scope = affectedPeople.scope(body.sources(), body.categories(), !body.subjects().isEmpty());
        List<Jurisdiction> jurisdictions = body.jurisdictions().isEmpty()
                ? List.of(Jurisdiction.ofCode(properties.promiseJurisdiction()))
                : body.jurisdictions().stream().distinct().toList();
        BreachDeadlines.Deadlines due = deadlines.of(body.detectedAt(), jurisdictions);
        Breach breach = new Breach(UUID.randomUUID().toString(), newReference(), body.description().strip(),
                body.detectedAt(), body.occurredAt(), scope.sources(), scope.categories(), jurisdictions,
                body.consequences().strip(), body.measures().strip(), body.subjectActions().strip(),
                body.contact().strip(), due.noticeDueAt(), due.noticeDueReason(), due.authorityDueAt(), null, null,
                null, userId, now);
        breaches.insert(breach);
        recipients.addEach(breach.id(), EXPLICIT_SOURCE, body.subjects());
        log.info("Breach {} recorded by {}: sources {}, notices due {} ({}), authority due {}", breach.reference(),
                userId, scope.sources(), breach.noticeDueAt(), breach.noticeDueReason(), breach.authorityDueAt());
        return breach;
    }

    /** What the breach's process starts with: references, deadlines and the number of senders. */
    public Map<String, Object> processVariables(Breach breach) {
        Map<String, Object> variables = new HashMap<>();
        BreachVariables.BREACH_ID.into(variables, breach.id());
        BreachVariables.BREACH_REFERENCE.into(variables, breach.reference());
        BreachVariables.NOTICE_DUE_AT.into(variables, java.util.Date.from(breach.noticeDueAt()));
        BreachVariables.AUTHORITY_DUE_AT.into(variables, java.util.Date.from(breach.authorityDueAt()));
        BreachVariables.SENDING_SLOTS.into(variables, properties.sendingSlots());
        return variables;
    }

    public java.util.Optional<Breach> findByReference(String reference) {
        return breaches.findByReference(reference);
    }

    /** Adds everyone in the breach's sources to its recipients; returns how many recipients it has now. */
    @Transactional
    public long findAffectedPeople(String breachId) {
        Breach breach = breaches.get(breachId);
        affectedPeople.find(breach);
        breaches.recipientsFound(breachId, clock.instant());
        Progress progress = progress(breachId);
        log.info("Breach {}: {} affected people to notify", breach.reference(), progress.recipients());
        return progress.recipients();
    }

    public Progress progress(String breachId) {
        BreachRecipients.Progress p = recipients.progress(breachId);
        return new Progress(p.total(), p.sent(), p.failed(), p.pending());
    }

    /** Every notice is sent or failed: records when, and returns the counts. */
    @Transactional
    public Progress completeNotices(String breachId) {
        breaches.noticesCompleted(breachId, clock.instant());
        Progress progress = progress(breachId);
        Breach breach = breaches.get(breachId);
        log.info("Breach {}: notices complete, {} sent, {} failed, deadline {} {}", breach.reference(),
                progress.sent(), progress.failed(), breach.noticeDueAt(),
                clock.instant().isAfter(breach.noticeDueAt()) ? "missed" : "met");
        return progress;
    }

    /**
     * Records the notice to the supervisory authority.
     *
     * @throws AuthorityNoticeRefused when it is late and gives no reasons for the delay (GDPR Art 33(1))
     */
    @Transactional
    public void recordAuthorityNotice(String breachId, String authorityName, String authorityReference,
            String delayReason, String userId) {
        Breach breach = breaches.get(breachId);
        Instant now = clock.instant();
        boolean late = now.isAfter(breach.authorityDueAt());
        if (late && (delayReason == null || delayReason.isBlank())) {
            throw new AuthorityNoticeRefused("The notice to the authority is later than "
                    + DateTimeFormatter.ISO_INSTANT.format(breach.authorityDueAt())
                    + ": give the reasons for the delay (GDPR Art 33(1)).");
        }
        breaches.authorityNotified(breachId, new Breach.AuthorityNotice(now, authorityName, authorityReference,
                delayReason == null || delayReason.isBlank() ? null : delayReason.strip(), userId));
        log.info("Breach {}: authority {} notified{}", breach.reference(), authorityName, late ? " late" : "");
    }

    /** The notice to the authority cannot be recorded as submitted. */
    public static class AuthorityNoticeRefused extends RuntimeException {
        AuthorityNoticeRefused(String message) {
            super(message);
        }
    }

    /**
     * Mails every member of the DPO group with an address about the breach (counts and deadlines, no personal
     * data), once per breach, alert and member.
     *
     * @return how many members were mailed now
     */
    public int alertDpo(String breachId, Alert alert) {
        Breach breach = breaches.get(breachId);
        Progress progress = progress(breachId);
        List<User> members = identity.createUserQuery().memberOfGroup(DPO_GROUP).list();
        Map<String, Object> model = new HashMap<>();
        model.put("alert", alert.name());
        model.put("reference", breach.reference());
        model.put("noticeDueAt", DateTimeFormatter.ISO_INSTANT.format(breach.noticeDueAt()));
        model.put("noticeDueReason", breach.noticeDueReason());
        model.put("authorityDueAt", DateTimeFormatter.ISO_INSTANT.format(breach.authorityDueAt()));
        model.put("recipients", progress.recipients());
        model.put("sent", progress.sent());
        model.put("failed", progress.failed());
        model.put("pending", progress.pending());
        model.put("tasklistUrl", links.publicBaseUrl() + "/camunda/app/tasklist/");
        MailTemplates.Rendered rendered = templates.render("staff-breach-alert", Locale.ENGLISH, model);
        int sent = 0;
        for (User member : members) {
            if (member.getEmail() == null || member.getEmail().isBlank() || alerted(breachId, alert, member.getId())) {
                continue;
            }
            String key = "breach:" + breach.reference() + ":" + alert + ":" + member.getId();
            try (Transport transport = mail.connect()) {
                BreachMail.send(transport, mail.compose(member.getEmail(), key, rendered));
            } catch (MessagingException e) {
                throw new MailSendException("Breach " + breach.reference() + ": alert " + alert + " not sent", e);
            }
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                    INSERT INTO breach_alert (breach_id, alert, user_id, sent_at) VALUES (:breachId, :alert, :user, :at)
                    """).param("breachId", breachId).param("alert", alert.name()).param("user", member.getId())
                    .param("at", Timestamp.from(clock.instant())).update());
            sent++;
        }
        log.warn("Breach {}: {}; {} member(s) of {} alerted ({} of {} notices sent, {} failed)", breach.reference(),
                alert, sent, DPO_GROUP, progress.sent(), progress.recipients(), progress.failed());
        return sent;
    }

    private boolean alerted(String breachId, Alert alert, String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM breach_alert WHERE breach_id = :breachId AND alert = :alert AND user_id = :user")
                .param("breachId", breachId).param("alert", alert.name()).param("user", userId)
                .query(Long.class).single() > 0;
    }

    private String newReference() {
        StringBuilder reference = new StringBuilder("BREACH-");
        for (int i = 0; i < 8; i++) {
            reference.append(REFERENCE_ALPHABET[random.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return reference.toString();
    }
}
